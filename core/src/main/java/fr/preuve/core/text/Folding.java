package fr.preuve.core.text;

import java.text.Normalizer;

/**
 * Case and accent folding for matching words across spellings ({@code Paracétamol} = {@code paracetamol},
 * {@code cœur} = {@code coeur}). One output character per input character, so offsets found in the folded text point
 * into the original.
 */
public final class Folding {

    private Folding() {
    }

    /** Lower-case, accents removed, ligatures and typographic apostrophes simplified; same length as {@code text}. */
    public static String fold(CharSequence text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                out[i] = Character.toLowerCase(c);
                continue;
            }
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = d.isEmpty() ? c : d.charAt(0);
            out[i] = switch (c) {
                case 'œ', 'Œ' -> 'o';
                case 'æ', 'Æ' -> 'a';
                case '’', 'ʼ', '‘' -> '\'';
                default -> Character.toLowerCase(base);
            };
        }
        return new String(out);
    }
}
