package fr.preuve.core.answer.extract;

import fr.preuve.core.text.TextSpan;
import java.util.List;

/**
 * A unit an extractive answer may quote: one sentence, a sentence rejoined with the words a split cut from it, or a
 * list item with its lead-in. Verbatim: each piece is a span of the passage text; pieces that are not contiguous are
 * joined by {@value #GAP} in {@link #text}.
 *
 * @param text  the pieces with their runs of white space collapsed, joined by {@value #GAP}
 * @param spans where each piece is in the passage text, in order
 */
public record Quote(String text, List<TextSpan> spans) {

    /** What marks words left out between two pieces. */
    public static final String GAP = " … ";

    public Quote {
        spans = List.copyOf(spans);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("a quote has at least one span");
        }
    }

    /** The pieces of the quote, in order, as {@link #text} shows them. */
    public List<String> pieces() {
        return List.of(text.split(java.util.regex.Pattern.quote(GAP)));
    }
}
