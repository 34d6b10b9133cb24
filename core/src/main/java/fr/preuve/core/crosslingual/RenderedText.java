package fr.preuve.core.crosslingual;

import fr.preuve.core.text.Folding;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a model's reply into a usable rendering, or says why it is not one. Cleaning keeps the first line that is
 * neither blank, a code fence nor a preamble ending with a colon, and strips from it markdown, a label
 * ({@code Translation:}, {@code English:}, {@code Traduction :}...) and surrounding quotes. The cleaned text is refused
 * when empty, longer than {@value #LENGTH_FACTOR}× the question plus {@value #LENGTH_SLACK} characters (an answer or a
 * commentary, not a translation), or when at least {@value #MOSTLY_SOURCE} of its words are words of the question
 * (left untranslated).
 */
final class RenderedText {

    static final int LENGTH_FACTOR = 3;
    static final int LENGTH_SLACK = 100;
    static final double MOSTLY_SOURCE = 0.8;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern FENCE = Pattern.compile("^(?:```|~~~).*$");
    private static final Pattern MARKDOWN_LEAD = Pattern.compile("^(?:#{1,6}\\s+|>\\s*|[-*+•]\\s+)+", FLAGS);
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`");
    private static final String LANGUAGE = "(?:english|french|anglais|fran[cç]ais)";
    private static final Pattern LABEL = Pattern.compile("^(?:(?:here\\s+is|here's|voici)\\s+)?(?:(?:the|a|my|la|une|ma)\\s+)?"
            + "(?:" + LANGUAGE + "\\s+)?(?:translated\\s+question|translation|rendering|question\\s+traduite|traduction"
            + "|question|" + LANGUAGE + "|en|fr)(?:\\s+(?:in|into|en|vers\\s+l['’]?)\\s*" + LANGUAGE + ")?"
            + "\\s*(?:\\(\\s*(?:en|fr|" + LANGUAGE + ")\\s*\\)\\s*)?[:：]\\s*", FLAGS);
    private static final String OPENING = "\"“„«‘'*";
    private static final String CLOSING = "\"”“»’'*";
    /** Redaction placeholders ({@code [NOM]}, {@code [DATE_NAISSANCE]}), as sent or as a model may translate them. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[\\p{Lu}[\\p{Lu}_ ]*]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,.;:?!)])");
    /** White space, the no-break spaces of French typography included. */
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]*\\p{L}[\\p{L}\\p{N}]*", Pattern.UNICODE_CHARACTER_CLASS);

    private RenderedText() {
    }

    /** The rendering in {@code reply}, on one line; empty when there is none. */
    static String clean(String reply) {
        if (reply == null) {
            return "";
        }
        for (String raw : RenderPrompt.DELIMITER.matcher(reply).replaceAll(" ").split("\\R")) {
            String line = squash(raw);
            if (FENCE.matcher(line).matches()) {
                continue;
            }
            line = squash(EMPHASIS.matcher(MARKDOWN_LEAD.matcher(line).replaceFirst("")).replaceAll(""));
            line = unquote(squash(LABEL.matcher(line).replaceFirst("")));
            if (!line.isEmpty() && !line.endsWith(":")) {
                return line;
            }
        }
        return "";
    }

    /** {@code text} without redaction placeholders, spaces tidied. */
    static String withoutPlaceholders(String text) {
        String t = squash(PLACEHOLDER.matcher(text).replaceAll(" "));
        return SPACE_BEFORE_PUNCTUATION.matcher(t).replaceAll("$1").replaceAll("^[\\s,;:]+", "");
    }

    /** Why {@code text} is not a usable rendering of {@code source}, or null when it is. */
    static String rejection(String text, String source) {
        if (text.isBlank()) {
            return "the model's reply holds no translation";
        }
        int max = LENGTH_FACTOR * source.length() + LENGTH_SLACK;
        if (text.length() > max) {
            return "the model's reply is too long for a translation (" + text.length() + " characters for a question of "
                    + source.length() + ")";
        }
        if (mostlySource(text, source)) {
            return "the model's reply is mostly the question itself, untranslated";
        }
        return null;
    }

    /** Whether most words of {@code text} are words of {@code source} (case and accents aside). */
    static boolean mostlySource(String text, String source) {
        Set<String> rendered = words(text);
        if (rendered.isEmpty()) {
            return squash(Folding.fold(text)).equals(squash(Folding.fold(source)));
        }
        Set<String> asked = words(source);
        long shared = rendered.stream().filter(asked::contains).count();
        return shared >= MOSTLY_SOURCE * rendered.size();
    }

    /** Runs of white space as one space, none at the ends. */
    private static String squash(String s) {
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(Folding.fold(text));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Without the quotes (or emphasis stars) around the whole text, however many pairs. */
    private static String unquote(String s) {
        String t = s;
        while (t.length() >= 2 && OPENING.indexOf(t.charAt(0)) >= 0 && CLOSING.indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = squash(t.substring(1, t.length() - 1));
        }
        return t;
    }
}
