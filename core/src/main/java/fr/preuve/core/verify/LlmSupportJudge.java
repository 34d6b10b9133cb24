package fr.preuve.core.verify;

import fr.preuve.core.text.Folding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A support judge that asks an LLM, through {@link JudgeCompletion}, with the prompt template
 * {@code judge-prompt-v1.txt} (placeholders {@code {{claim}}} and {@code {{evidence}}}; passages numbered {@code [1]},
 * {@code [2]}...). The completion must start with a verdict, SUPPORTED or NOT_SUPPORTED, then a reason.
 *
 * <p>Parsing is lenient about form: case, accents, markdown, a {@code Verdict:} label, French verdicts
 * ({@code SOUTENU}, {@code NON SOUTENU}), {@code "not supported"} written out, text around the verdict. The verdict
 * on the first non-blank line wins; otherwise the one verdict found in the whole text. Hedged verdicts ({@code NOT
 * FULLY SUPPORTED}, {@code PARTIALLY SUPPORTED}) count as not supported. An output with no verdict, or with both
 * verdicts and none on the first line, is unparseable: not supported, and the reason says so. Score: 1 or 0.
 */
public final class LlmSupportJudge implements SupportJudge {

    public static final String NAME = "llm-v1";
    /** Classpath resource of the default prompt template. */
    public static final String PROMPT_RESOURCE = "/fr/preuve/core/verify/judge-prompt-v1.txt";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(claim|evidence)}}");
    /** Matched on upper-cased, accent-folded text where every non-letter is a space. */
    private static final Pattern NEGATIVE = Pattern.compile(
            "\\b(?:(?:NOT|NON|PAS|NO)\\s+(?:[A-Z]+\\s+)?(?:SUPPORTED|SOUTENUE?S?)"
                    + "|UNSUPPORTED|(?:PARTIALLY|PARTLY|PARTIELLEMENT)\\s+(?:SUPPORTED|SOUTENUE?S?))\\b");
    private static final Pattern POSITIVE = Pattern.compile("\\b(?:SUPPORTED|SOUTENUE?S?)\\b");
    private static final Pattern NON_LETTERS = Pattern.compile("[^A-Z]+");
    private static final int MAX_REASON = 300;

    /** A parsed verdict: supported or not, and the model's reason (may be empty). */
    record Verdict(boolean supported, String reason) {
    }

    private final JudgeCompletion completion;
    private final String template;

    /** With the default prompt template. */
    public LlmSupportJudge(JudgeCompletion completion) {
        this(completion, defaultTemplate());
    }

    /** With a template holding {@code {{claim}}} and {@code {{evidence}}}. */
    public LlmSupportJudge(JudgeCompletion completion, String template) {
        this.completion = Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(template, "template");
        if (!template.contains("{{claim}}") || !template.contains("{{evidence}}")) {
            throw new IllegalArgumentException("the prompt template must contain {{claim}} and {{evidence}}");
        }
        this.template = template;
    }

    /** The shipped template, {@value #PROMPT_RESOURCE}. */
    public static String defaultTemplate() {
        try (InputStream in = LlmSupportJudge.class.getResourceAsStream(PROMPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + PROMPT_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROMPT_RESOURCE, e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Judgement judge(String claim, List<String> evidence) {
        String prompt = prompt(claim, evidence);
        String output;
        try {
            output = completion.complete(prompt);
        } catch (RuntimeException e) {
            // an unavailable judge never lets a sentence through
            return new Judgement(0, false, "LLM judge unavailable, counted as not supported: " + e.getMessage());
        }
        Verdict v = parse(output);
        if (v == null) {
            return new Judgement(0, false, "unparseable LLM verdict, counted as not supported: \""
                    + abbreviate(output == null ? "" : output.strip(), 80) + "\"");
        }
        String head = v.supported() ? "LLM: supported" : "LLM: not supported";
        return new Judgement(v.supported() ? 1 : 0, v.supported(), v.reason().isEmpty() ? head : head + ": " + v.reason());
    }

    /** The prompt for {@code claim} and {@code evidence} (numbered passages), placeholders filled in one pass. */
    public String prompt(String claim, List<String> evidence) {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(evidence, "evidence");
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("evidence must not be empty (a claim citing nothing is not supported)");
        }
        StringBuilder ev = new StringBuilder();
        for (int i = 0; i < evidence.size(); i++) {
            ev.append(i == 0 ? "" : "\n\n").append('[').append(i + 1).append("] ").append(evidence.get(i).strip());
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + ev.length() + claim.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).equals("claim") ? claim.strip() : ev.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The verdict in an LLM output, or null when there is none or it is ambiguous. */
    static Verdict parse(String output) {
        if (output == null || output.isBlank()) {
            return null;
        }
        List<String> lines = output.strip().lines().filter(l -> !l.isBlank()).toList();
        String first = lines.getFirst();
        Boolean onFirst = kind(first);
        if (onFirst != null) {
            return new Verdict(onFirst, reason(output, first, lines));
        }
        Boolean anywhere = kind(output);
        return anywhere == null ? null : new Verdict(anywhere, reason(output, null, lines));
    }

    /** TRUE, FALSE, or null when the text holds no verdict or both. */
    private static Boolean kind(String text) {
        String n = NON_LETTERS.matcher(Folding.fold(text).toUpperCase(Locale.ROOT)).replaceAll(" ");
        boolean negative = NEGATIVE.matcher(n).find();
        boolean positive = POSITIVE.matcher(NEGATIVE.matcher(n).replaceAll(" ")).find();
        if (negative == positive) {
            return null;
        }
        return positive;
    }

    /** The text after the verdict line (or the whole output), without markdown emphasis, abbreviated. */
    private static String reason(String output, String verdictLine, List<String> lines) {
        String text;
        if (verdictLine != null) {
            // what follows the verdict word on its line, then the next lines
            String rest = verdictLine.replaceFirst("(?i)^.*?(not[ _-]?supported|unsupported|non[ _-]?soutenue?s?"
                    + "|pas[ _-]?soutenue?s?|supported|soutenue?s?)[*_\"'.:;,)\\]\\s-]*", "");
            StringBuilder sb = new StringBuilder(rest);
            for (int i = 1; i < lines.size(); i++) {
                sb.append(sb.isEmpty() ? "" : " ").append(lines.get(i).strip());
            }
            text = sb.toString();
        } else {
            text = output.strip().replaceAll("\\s+", " ");
        }
        text = text.replaceAll("^(?i)(reason|raison|because|car)\\s*[:\\-]\\s*", "").replace("**", "").strip();
        return abbreviate(text, MAX_REASON);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
