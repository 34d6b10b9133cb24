package fr.preuve.core.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Day-precision dates: {@code 12/03/1958}, {@code 12.03.58}, {@code 1958-03-12}, {@code 3 mars 1958},
 * {@code 1er février 2025}, {@code March 3, 1958}, {@code 14 February 2024}, and {@code le 12/03} without a year. A
 * date right after a birth word ({@code né le}, {@code date de naissance :}, {@code DDN}, {@code born on}, {@code DOB})
 * is a {@link FindingType#BIRTHDATE}; any other is a {@link FindingType#DATE} unless its sentence presents it as a
 * publication date (avis, recommandation, publié, mise à jour, HAS, RCP...). Years alone and month-year are not dates.
 */
final class DateDetector implements Detector {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final String MONTHS_FR = "janvier|janv\\.|février|fevrier|févr\\.|fév\\.|mars|avril|avr\\.|mai|juin"
            + "|juillet|juil\\.|août|aout|septembre|sept\\.|octobre|oct\\.|novembre|nov\\.|décembre|decembre|déc\\.";
    private static final String MONTHS_EN = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
    private static final String YEAR = "(?:1[89]|20)[0-9]{2}";
    private static final String DAY = "(?:1er|[0-3]?[0-9])(?:st|nd|rd|th)?";
    private static final String SP = "[ \\u00A0]+";

    /** A date form; {@code numericMonth} when the pattern has a month number group {@code m} to check. */
    private record Form(Pattern pattern, boolean numericMonth) {
    }

    private static final List<Form> FORMS = List.of(
            // 12/03/1958, 3/4/1958, 12.03.58, 12-03-1958: same separator twice; a 2-digit year wants 2-digit day and month
            new Form(Pattern.compile("(?<![0-9/.\\-])(?:(?<d>[0-3]?[0-9])(?<s>[/.\\-])(?<m>[01]?[0-9])\\k<s>(?<y>[0-9]{4})"
                    + "|(?<d2>[0-3][0-9])(?<s2>[/.\\-])(?<m2>[01][0-9])\\k<s2>(?<y2>[0-9]{2}))(?![0-9]|[/.\\-][0-9])"), true),
            // 1958-03-12
            new Form(Pattern.compile("(?<![0-9/.\\-])(?<y>" + YEAR + ")-(?<m>[01][0-9])-(?<d>[0-3][0-9])(?![0-9])"), true),
            // 3 mars 1958, 1er février 2025, 14 February 2024, 3rd of March 1958
            new Form(Pattern.compile("(?<![\\p{L}0-9])(?<d>" + DAY + ")" + SP + "(?:of" + SP + ")?(?<mn>" + MONTHS_FR + "|" + MONTHS_EN
                    + ")(?:(?<=\\.)|(?![\\p{L}]))" + "[ \\u00A0,]*(?<y>" + YEAR  + ")(?![0-9])", FLAGS), false),
            // March 3, 1958
            new Form(Pattern.compile("(?<![\\p{L}0-9])(?<mn>" + MONTHS_EN + ")" + SP + "(?<d>" + DAY + "),?" + SP + "(?<y>" + YEAR
                    + ")(?![0-9])", FLAGS), false),
            // le 12/03 (no year), after le / du / au
            new Form(Pattern.compile("(?<=(?<![\\p{L}])(?:le|du|au|on)[ \\u00A0])(?<d>[0-3]?[0-9])/(?<m>[01]?[0-9])(?![0-9/])",
                    FLAGS), true));

    private static final Pattern BIRTH_BEFORE = Pattern.compile("(?:(?<![\\p{L}])née?(?:\\(e\\))?s?|naissance|(?<![\\p{L}])DDN|(?<![\\p{L}])DN"
            + "|(?<![\\p{L}])born|birth|(?<![\\p{L}])DOB|D\\.O\\.B\\.?)[ \\u00A0]*(?:(?:le|on|en|the|:|=|-)[ \\u00A0]*)*$", FLAGS);
    /** Words that make a date a publication date, case-insensitive... */
    private static final Pattern PUBLICATION_WORDS = Pattern.compile("(?<![\\p{L}])(?:publi\\p{L}*|paru\\p{L}*|recommandation\\p{L}*"
            + "|avis|version|mise[ \\u00A0]+à[ \\u00A0]+jour|actualis\\p{L}*|décret|arrêté|circulaire|instruction|communiqué"
            + "|journal[ \\u00A0]+officiel|guideline\\p{L}*|updated?|commission|congrès|conférence|étude|essai|trial|study"
            + "|fiche|référentiel|protocole[ \\u00A0]+national)(?![\\p{L}])", FLAGS);
    /** ...and acronyms that must be in capitals ({@code has} is an English verb). */
    private static final Pattern PUBLICATION_ACRONYMS = Pattern.compile("(?<![\\p{L}])(?:HAS|ANSM|OMS|WHO|AMM|RCP|JORF|ESC|ADA"
            + "|EASD|NICE|CDC|EMA|FDA|SPILF|SFC)(?![\\p{L}])");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;](?=[ \\u00A0\\n])|\\n");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");
    private static final int WINDOW = 80;

    @Override
    public List<Finding> find(String text) {
        List<Finding> out = new ArrayList<>();
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(text);
            while (m.find()) {
                if (!plausible(m, form.numericMonth())) {
                    continue;
                }
                String before = sentenceBefore(text, m.start());
                if (BIRTH_BEFORE.matcher(before).find()) {
                    out.add(Finding.of(FindingType.BIRTHDATE, text, m.start(), m.end()));
                } else if (!PUBLICATION_WORDS.matcher(before).find() && !PUBLICATION_ACRONYMS.matcher(before).find()) {
                    out.add(Finding.of(FindingType.DATE, text, m.start(), m.end()));
                }
            }
        }
        return out;
    }

    private static boolean plausible(Matcher m, boolean numericMonth) {
        String d = group(m, "d");
        int day = Integer.parseInt(NOT_DIGIT.matcher(d).replaceAll(""));
        if (day < 1 || day > 31) {
            return false;
        }
        if (numericMonth) {
            int month = Integer.parseInt(group(m, "m"));
            return month >= 1 && month <= 12;
        }
        return true;
    }

    /** Group {@code name}, or the same name followed by 2 in the alternative spelling of the numeric form. */
    private static String group(Matcher m, String name) {
        String g = m.pattern().namedGroups().containsKey(name) ? m.group(name) : null;
        return g != null ? g : m.group(name + "2");
    }

    /** The text before {@code at} in the same sentence, at most {@link #WINDOW} characters. */
    private static String sentenceBefore(String text, int at) {
        int from = Math.max(0, at - WINDOW);
        String window = text.substring(from, at);
        Matcher end = SENTENCE_END.matcher(window);
        int cut = 0;
        while (end.find()) {
            cut = end.end();
        }
        return window.substring(cut);
    }
}
