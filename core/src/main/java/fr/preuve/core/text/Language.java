package fr.preuve.core.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells French from English in a short question, by function words and accented letters. */
public final class Language {
    private static final Set<String> FR = Set.of("le", "la", "les", "des", "du", "de", "un", "une", "est", "et", "en",
            "chez", "quel", "quelle", "quels", "quelles", "pour", "dans", "avec", "sur", "par", "au", "aux", "faut",
            "il", "elle", "peut", "doit", "qu", "que", "quoi", "comment", "pourquoi", "traitement", "recommandé",
            "recommandée", "ou", "sont", "ce", "cette", "ces", "pas", "ne", "d", "l");
    private static final Set<String> EN = Set.of("the", "a", "an", "of", "is", "are", "and", "in", "for", "with", "on",
            "what", "which", "how", "does", "do", "should", "can", "to", "by", "at", "be", "or", "it", "there", "than",
            "after", "patients", "treatment", "recommended", "why", "when");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern ACCENT = Pattern.compile("[éèêàâçùûôîïœ]");

    private Language() {
    }

    /** {@code "fr"} or {@code "en"}; English when in doubt. */
    public static String detect(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        int fr = 0;
        int en = 0;
        Matcher m = WORD.matcher(t);
        while (m.find()) {
            String w = m.group();
            if (FR.contains(w)) {
                fr++;
            }
            if (EN.contains(w)) {
                en++;
            }
        }
        if (ACCENT.matcher(t).find()) {
            fr += 2;
        }
        return fr > en ? "fr" : "en";
    }
}
