package fr.preuve.core.verify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Spelling rules shared by {@link DrugLexicon} and its generator: accent folding and the French-to-English INN
 * spelling rules ({@code amoxicilline} → {@code amoxicillin}, {@code ibuprofène} → {@code ibuprofen},
 * {@code acide acétylsalicylique} → {@code acetylsalicylic acid}, {@code céfalexine} → {@code cephalexin}).
 */
final class DrugNames {

    private DrugNames() {
    }

    /** The canonical key of a folded name: its English INN-style spelling. */
    static String key(String folded) {
        String[] words = folded.split(" ");
        if (words.length == 2 && words[0].equals("acide") && words[1].endsWith("ique")) {
            return words[1].substring(0, words[1].length() - 4) + "ic acid";
        }
        List<String> out = new ArrayList<>(words.length);
        for (String w : words) {
            if (w.length() > 4 && w.endsWith("ine")) {
                w = w.substring(0, w.length() - 1);
            } else if (w.length() > 4 && w.endsWith("ene")) {
                w = w.substring(0, w.length() - 1);
            }
            out.add(w);
        }
        return String.join(" ", out);
    }

    /** Spellings of a folded name to look for: itself, its key and the {@code ceph-} variant of {@code cef-}. */
    static Set<String> spellings(String folded) {
        Set<String> out = new LinkedHashSet<>();
        out.add(folded);
        String key = key(folded);
        out.add(key);
        if (key.startsWith("cef")) {
            out.add("ceph" + key.substring(3));
        }
        return out;
    }

    /** Whether {@code c} is part of a word (letters and digits: "5-FU" splits at the hyphen). */
    static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c);
    }
}
