package fr.preuve.core.verify;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * French and English units written after a number, and their canonical forms: {@code semaines} and {@code weeks}
 * are both {@code week}, {@code mcg} and {@code µg} are both {@code µg}, {@code 3 fois par jour} and
 * {@code 3 times daily} are both {@code ×/day}. No conversion: {@code mg} and {@code g} stay different.
 */
final class Units {

    private static final Map<String, String> CANONICAL = new LinkedHashMap<>();

    static {
        put("%", "%", "pour cent", "pourcent", "percent", "per cent");
        put("mg", "mg", "milligrammes", "milligrams", "milligramme", "milligram");
        put("g", "g", "grammes", "grams", "gramme", "gram");
        put("kg", "kg", "kilogrammes", "kilograms", "kilogramme", "kilogram");
        put("µg", "µg", "μg", "mcg", "ug", "microgrammes", "micrograms", "microgramme", "microgram");
        put("ng", "ng");
        put("mL", "ml", "millilitres", "milliliters", "millilitre", "milliliter");
        put("L", "l", "litres", "liters", "litre", "liter");
        put("dL", "dl");
        put("mmol", "mmol");
        put("µmol", "µmol", "μmol", "umol");
        put("mol", "mol");
        put("mEq", "meq");
        put("IU", "ui", "iu", "u", "unités", "unites", "units", "unité", "unite", "unit");
        put("h", "h", "hr", "hrs", "heures", "hours", "heure", "hour");
        put("min", "min", "mn", "minutes", "minute");
        put("s", "sec", "secondes", "seconds", "seconde");
        put("day", "j", "jours", "days", "jour", "day", "d");
        put("week", "semaines", "weeks", "semaine", "week", "sem", "wk", "wks");
        put("month", "mois", "months", "month", "mo");
        put("year", "ans", "années", "annees", "years", "an", "année", "annee", "year", "yr", "yrs", "y");
        put("mmHg", "mmhg", "mm hg");
        put("cm", "cm");
        put("mm", "mm");
        put("kcal", "kcal");
        put("°C", "°c", "° c");
        put("×", "fois", "times", "x", "×");
        put("dose", "doses", "dose", "prises", "prise");
        put("tablet", "comprimés", "comprimes", "comprimé", "comprime", "tablets", "tablet", "cp", "cps");
        put("capsule", "gélules", "gelules", "gélule", "gelule", "capsules", "capsule");
    }

    private static final String NOT_WORD = "(?![\\p{L}\\p{N}'’])";
    private static final String ALTERNATIVES = CANONICAL.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote).collect(Collectors.joining("|"));
    private static final String DENOMINATOR = "(?:24\\s?h|" + ALTERNATIVES + ")";
    /** A unit, compound units ({@code mg/kg/j}) and a "per day" phrase; group 1 the base, group 2 the period. */
    private static final Pattern UNIT = Pattern.compile(
            "[ \\u00A0\\u202F]{0,2}((?:" + ALTERNATIVES + ")" + NOT_WORD + "(?:\\s?/\\s?" + DENOMINATOR + NOT_WORD + ")*)"
                    + "(?:\\s+(?:par|per|a|an|each|chaque|every)\\s+(jour|day|semaine|week|mois|month|an|year|heure|hour)"
                    + NOT_WORD + "|\\s+(daily|weekly|quotidiens?|quotidiennes?|hebdomadaires?)" + NOT_WORD + ")?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SLASH = Pattern.compile("\\s?/\\s?");
    private static final Pattern TWENTY_FOUR_HOURS = Pattern.compile("24\\s?h", Pattern.CASE_INSENSITIVE);

    private Units() {
    }

    private static void put(String canonical, String... surfaces) {
        for (String s : surfaces) {
            CANONICAL.put(s, canonical);
        }
    }

    /** A unit found after a number: canonical form and end offset. */
    record Unit(String canonical, int end) {
    }

    /** The unit starting at {@code from} (after optional spaces), or null. */
    static Unit at(String text, int from) {
        Matcher m = UNIT.matcher(text).region(from, text.length());
        if (!m.lookingAt()) {
            return null;
        }
        StringBuilder canonical = new StringBuilder();
        for (String part : SLASH.split(m.group(1))) {
            if (!canonical.isEmpty()) {
                canonical.append('/');
            }
            canonical.append(TWENTY_FOUR_HOURS.matcher(part).matches() ? "day" : canonicalOf(part));
        }
        String period = m.group(2) != null ? m.group(2) : m.group(3);
        if (period != null) {
            canonical.append('/').append(periodOf(period));
        }
        return new Unit(canonical.toString(), m.end());
    }

    private static String canonicalOf(String surface) {
        String c = CANONICAL.get(surface.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (c == null) {
            throw new IllegalStateException("unit pattern matched an unknown unit '" + surface + "'");
        }
        return c;
    }

    private static String periodOf(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("quotidien") || w.equals("daily")) {
            return "day";
        }
        if (w.startsWith("hebdo") || w.equals("weekly")) {
            return "week";
        }
        return canonicalOf(w);
    }

    /**
     * Whether a claim unit and an evidence unit agree: either is missing, they are equal, or one is the other with a
     * denominator added ({@code mg/kg} and {@code mg/kg/day}: the "per day" is often left to the surrounding words).
     */
    static boolean compatible(String a, String b) {
        return a == null || b == null || a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
    }
}
