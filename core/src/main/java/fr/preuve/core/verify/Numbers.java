package fr.preuve.core.verify;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers of an answer sentence that must appear in the passages it cites.
 *
 * <p>A number is read whatever its decimal mark ({@code 0,92} = {@code 0.92}) and thousands separator
 * ({@code 1 000}, {@code 1 000} with no-break spaces, {@code 1,000} in English text; {@code 1,5} is 1.5), with the
 * unit that follows it canonicalised across French and English ({@link Units}). In a range ({@code 10-20 mg},
 * {@code 10 à 20 mg}, {@code 10 to 20 mg}, {@code 5 ± 2 mg}) both ends take the unit. Small number words
 * ({@code one..twelve}, {@code un..douze}, {@code once}, {@code twice}) count when a unit follows
 * ({@code douze semaines}, {@code three times a day}); in evidence they always count. Not mentions: digits glued
 * to letters ({@code COVID-19}, {@code H1N1}, {@code CYP3A4}, {@code HbA1c}, {@code 2CH}, {@code 1er}), a list number
 * opening the text ({@code 1. }), numeric citation markers ({@code [1, 3]}). Signs are ignored. Years are mentions.
 */
public final class Numbers {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\d.,])(?:\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+(?![\\d.,]\\d)(?:,\\d+)?|\\d+(?:[.,]\\d+)*)");
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("un", 1), Map.entry("une", 1), Map.entry("deux", 2), Map.entry("trois", 3),
            Map.entry("quatre", 4), Map.entry("cinq", 5), Map.entry("sept", 7), Map.entry("huit", 8),
            Map.entry("neuf", 9), Map.entry("dix", 10), Map.entry("onze", 11), Map.entry("douze", 12));
    private static final Map<String, Integer> TIMES = Map.of("once", 1, "twice", 2, "thrice", 3);
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}])(" + String.join("|", WORDS.keySet())
            + "|" + String.join("|", TIMES.keySet()) + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE);
    /** "une dose", "un comprimé", "one tablet" read as "a dose": not the number 1. */
    private static final Set<String> COUNTED = Set.of("dose", "tablet", "capsule", "IU");
    private static final Pattern LIST_NUMBER = Pattern.compile("^\\s*\\d{1,3}[.)]\\s");
    private static final Pattern CITATION = Pattern.compile("\\[\\s*\\d{1,3}(?:\\s*[,;–—-]\\s*\\d{1,3})*\\s*]");
    private static final Pattern RANGE_LINK = Pattern.compile(
            "\\s*(?:[-–—]|±|\\+/-|à|to|and|et|ou|or)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRENCH = Pattern.compile(
            "(?<!\\p{L})(?:le|la|les|des|du|une|est|sont|et|pour|dans|chez|avec|en)(?!\\p{L})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENGLISH = Pattern.compile(
            "(?<!\\p{L})(?:the|and|of|is|are|was|were|with|for|in|to)(?!\\p{L})", Pattern.CASE_INSENSITIVE);

    private Numbers() {
    }

    /** Numbers mentioned in text, with their unit or context word when one follows. */
    public static List<NumberMention> extract(String text) {
        return extract(text, false);
    }

    /** Mentions of {@code claim} not found (normalised) in any of {@code evidence}. Empty = all found. */
    public static List<NumberMention> missing(String claim, List<String> evidence) {
        Objects.requireNonNull(evidence, "evidence");
        List<NumberMention> known = new ArrayList<>();
        for (String e : evidence) {
            known.addAll(extract(Objects.requireNonNull(e, "evidence text"), true));
        }
        List<NumberMention> out = new ArrayList<>();
        for (NumberMention m : extract(claim, false)) {
            boolean found = known.stream().anyMatch(k -> sameQuantity(m, k));
            if (!found) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** Whether two mentions are the same quantity: equal values, units compatible (a missing unit matches any). */
    public static boolean sameQuantity(NumberMention a, NumberMention b) {
        return a.value().compareTo(b.value()) == 0 && Units.compatible(a.unit(), b.unit());
    }

    /** Mentions of {@code text}; {@code allWords}: number words count even without a unit (for evidence). */
    static List<NumberMention> extract(String text, boolean allWords) {
        Objects.requireNonNull(text, "text");
        boolean english = english(text);
        boolean[] skip = new boolean[text.length() + 1];
        Matcher c = CITATION.matcher(text);
        while (c.find()) {
            for (int i = c.start(); i < c.end(); i++) {
                skip[i] = true;
            }
        }
        Matcher list = LIST_NUMBER.matcher(text);
        if (list.find()) {
            skip[firstDigit(text)] = true;
        }
        List<NumberMention> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            if (skip[m.start()] || glued(text, m.start(), m.end())) {
                continue;
            }
            BigDecimal value = value(m.group(), english);
            if (value == null) {
                continue;
            }
            out.add(mention(text, m.start(), m.end(), value, null));
        }
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            String word = w.group(1).toLowerCase(Locale.ROOT);
            Integer times = TIMES.get(word);
            Units.Unit unit = Units.at(text, w.end());
            if (times != null) {
                String period = unit != null && unit.canonical().matches("day|week|month") ? unit.canonical() : null;
                int end = period != null ? unit.end() : w.end();
                String u = period != null ? "×/" + period : "×";
                out.add(new NumberMention(text.substring(w.start(), end), BigDecimal.valueOf(times), u, w.start(), end));
            } else if (allWords || unit != null && (WORDS.get(word) > 1 || !COUNTED.contains(unit.canonical()))) {
                out.add(mention(text, w.start(), w.end(), BigDecimal.valueOf(WORDS.get(word)), null));
            }
        }
        out.sort(Comparator.comparingInt(NumberMention::start));
        return List.copyOf(shareRangeUnits(text, out));
    }

    private static int firstDigit(String text) {
        int i = 0;
        while (!Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static NumberMention mention(String text, int start, int end, BigDecimal value, String unit) {
        Units.Unit u = unit == null ? Units.at(text, end) : null;
        if (u != null) {
            return new NumberMention(text.substring(start, u.end()), value, u.canonical(), start, u.end());
        }
        return new NumberMention(text.substring(start, end), value, unit, start, end);
    }

    /** Digits glued to letters ("COVID-19", "H1N1", "2CH", "1er"): part of a name, not a number. */
    private static boolean glued(String text, int start, int end) {
        if (start > 0) {
            char b = text.charAt(start - 1);
            if (Character.isLetter(b)) {
                return true;
            }
            if ((b == '-' || b == '‐' || b == '‑') && start > 1 && Character.isLetter(text.charAt(start - 2))) {
                return true;
            }
        }
        if (end < text.length() && Character.isLetter(text.charAt(end))) {
            Units.Unit u = Units.at(text, end);
            return u == null; // "10mg" is a dose, "2CH" and "3rd" are not numbers
        }
        return false;
    }

    /** The value of a written number, or null when it is not one number ("12.03.2021"). */
    private static BigDecimal value(String written, boolean english) {
        String s = written.replaceAll("[ \\u00A0\\u202F]", "");
        int commas = s.length() - s.replace(",", "").length();
        int dots = s.length() - s.replace(".", "").length();
        if (dots > 1) {
            return null;
        }
        if (commas > 1 || commas == 1 && dots == 1) {
            if (!s.matches("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?")) {
                return null;
            }
            s = s.replace(",", ""); // 1,000,000 and 1,234.5
        } else if (commas == 1) {
            boolean thousands = english && s.matches("[1-9]\\d{0,2},\\d{3}");
            s = thousands ? s.replace(",", "") : s.replace(',', '.');
        }
        return new BigDecimal(s);
    }

    /** Whether the text reads as English rather than French (decides what "1,000" means). */
    private static boolean english(String text) {
        return ENGLISH.matcher(text).results().count() > FRENCH.matcher(text).results().count();
    }

    /** "10-20 mg", "10 à 20 mg", "5 ± 2 mg": the first end of a range takes the unit of the second. */
    private static List<NumberMention> shareRangeUnits(String text, List<NumberMention> mentions) {
        List<NumberMention> out = new ArrayList<>(mentions);
        for (int i = out.size() - 2; i >= 0; i--) {
            NumberMention a = out.get(i);
            NumberMention b = out.get(i + 1);
            if (a.unit() == null && b.unit() != null && a.end() <= b.start()
                    && RANGE_LINK.matcher(text).region(a.end(), b.start()).matches()) {
                out.set(i, new NumberMention(a.text(), a.value(), b.unit(), a.start(), a.end()));
            }
        }
        return out;
    }
}
