package fr.preuve.core.verify;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number mentioned in a text, with its unit when one follows.
 *
 * @param text  the mention as written, number and unit ({@code "0,92 g/L"}, {@code "douze semaines"})
 * @param value the number ({@code 0.92}), whatever the decimal mark or thousands separator
 * @param unit  the canonical unit ({@code "g/L"}, {@code "week"}, {@code "%"}, {@code "×/day"}), or null
 * @param start offset of the mention in the text
 * @param end   offset just past the mention
 */
public record NumberMention(String text, BigDecimal value, String unit, int start, int end) {
    public NumberMention {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad mention span [" + start + ", " + end + ") for '" + text + "'");
        }
    }
}
