package fr.preuve.core.crosslingual;

import fr.preuve.core.text.Folding;
import java.util.List;

/**
 * Whether a word that nothing translates looks like the name of a drug or a brand, the entities whose absence from the
 * corpus most surely means it cannot answer: an ending among the WHO's INN stems ({@code -mab}, {@code -gliflozin},
 * {@code -xaban}, {@code -vir}, {@code -mycin}...), or a capitalised word inside the sentence that is not an acronym
 * (Paxlovid, Qdenga).
 */
public final class EntityShape {

    /**
     * Common stems of international nonproprietary names (WHO, "The use of stems in the selection of INN"), folded,
     * English endings (the French {@code -e} is dropped before comparing).
     */
    static final List<String> INN_STEMS = List.of("mab", "nib", "ciclib", "parib", "gliflozin", "gliptin", "glutide",
            "glinide", "vir", "virin", "xaban", "gatran", "grel", "sartan", "pril", "olol", "dipin", "statin", "azol",
            "conazol", "nidazol", "mycin", "micin", "cillin", "cyclin", "floxacin", "semid", "thiazid", "tidin", "prazol",
            "setron", "triptan", "gepant", "zepam", "zolam", "azepin", "oxetin", "pramin", "peridon", "lukast", "terol",
            "sonid", "solon", "metason", "betasol", "parin", "plase", "kinra", "cept", "siran", "rsen", "dronat",
            "lutamid", "tecan", "taxel", "platin", "rubicin", "fetamin", "pezil", "retinoin", "zolamid", "caine",
            "profen", "coxib", "fenac", "tinib", "limus", "sulfan", "tadin", "vaptan", "lisib", "degib", "citinib",
            "zomib", "navir", "buvir", "tegravir", "cabtagen", "leucel", "gene");

    private EntityShape() {
    }

    /**
     * @param word       the word as written
     * @param firstWord  whether it begins its sentence (a capital there says nothing)
     */
    public static boolean drugOrBrand(String word, boolean firstWord) {
        String f = Folding.fold(word);
        String english = f.endsWith("e") ? f.substring(0, f.length() - 1) : f;
        for (String stem : INN_STEMS) {
            if (english.endsWith(stem) && english.length() >= stem.length() + 3) {
                return true;
            }
        }
        boolean capitalised = Character.isUpperCase(word.charAt(0));
        boolean acronym = word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
        return capitalised && !acronym && !firstWord && word.length() >= 4;
    }
}
