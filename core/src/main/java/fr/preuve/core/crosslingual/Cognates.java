package fr.preuve.core.crosslingual;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spelling rules between French and English medical words (folded, lower case): méningite → meningitis, anémie →
 * anemia/anaemia, tuberculose → tuberculosis, chronique → chronic, mortalité → mortality... Candidates only: the bridge
 * keeps those the target corpus contains.
 */
final class Cognates {

    /** French suffix → English suffixes (folded), longest French suffix first within a family. */
    private static final String[][] FR_EN = {
            {"iase", "iasis"}, {"ose", "osis"}, {"ite", "itis"}, {"emie", "emia", "aemia"}, {"ie", "ia", "y"},
            {"ique", "ic", "ical"}, {"ite", "ity"}, {"te", "ty"}, {"eur", "or", "our"}, {"aire", "ary", "ar"},
            {"el", "al"}, {"elle", "al"}, {"if", "ive"}, {"ive", "ive"}, {"isme", "ism"}, {"iste", "ist"},
            {"ome", "oma"}, {"ine", "in"}, {"ee", "ea"}, {"oide", "oid"}, {"ement", "ly"}, {"eux", "ous"},
            {"euse", "ous"}, {"tion", "tion"}, {"e", ""}, {"", "e"}, {"", "s"}};

    private Cognates() {
    }

    /** English candidates for a folded French word, in rule order. */
    static List<String> toEnglish(String fr) {
        return apply(fr, true);
    }

    /** French candidates for a lower-case English word, in rule order. */
    static List<String> toFrench(String en) {
        return apply(en, false);
    }

    private static List<String> apply(String word, boolean frToEn) {
        Set<String> out = new LinkedHashSet<>();
        for (String[] rule : FR_EN) {
            List<String> fromSuffixes = new ArrayList<>();
            List<String> toSuffixes = new ArrayList<>();
            if (frToEn) {
                fromSuffixes.add(rule[0]);
                for (int i = 1; i < rule.length; i++) {
                    toSuffixes.add(rule[i]);
                }
            } else {
                for (int i = 1; i < rule.length; i++) {
                    fromSuffixes.add(rule[i]);
                }
                toSuffixes.add(rule[0]);
            }
            for (String from : fromSuffixes) {
                if (word.endsWith(from) && word.length() - from.length() >= 2) {
                    String stem = word.substring(0, word.length() - from.length());
                    for (String to : toSuffixes) {
                        out.add(stem + to);
                    }
                }
            }
        }
        out.remove(word);
        return List.copyOf(out);
    }
}
