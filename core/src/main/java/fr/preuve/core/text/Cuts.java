package fr.preuve.core.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static fr.preuve.core.text.TextChars.hasLetterOrDigit;
import static fr.preuve.core.text.TextChars.isSpace;

/** The offsets where the splitter cut a text, in increasing order, and the sentence spans they delimit. */
final class Cuts {

    private int[] offsets = new int[16];
    private int size;

    void add(int offset) {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        offsets[size++] = offset;
    }

    /** The trimmed spans between the cuts of {@code text}; a fragment with neither letter nor digit joins a neighbour. */
    List<TextSpan> spans(String text) {
        List<TextSpan> out = new ArrayList<>();
        int n = text.length();
        int from = 0;
        int pendingStart = -1; // start of leading fragments with no letter or digit
        for (int idx = 0; idx <= size; idx++) {
            int to = idx < size ? offsets[idx] : n;
            if (to <= from) {
                continue;
            }
            int s = from;
            int e = to;
            from = to;
            while (s < e && isSpace(text.charAt(s))) {
                s++;
            }
            while (e > s && isSpace(text.charAt(e - 1))) {
                e--;
            }
            if (s == e) {
                continue;
            }
            if (!hasLetterOrDigit(text, s, e)) {
                if (!out.isEmpty()) {
                    TextSpan last = out.removeLast();
                    out.add(new TextSpan(last.start(), e));
                } else if (pendingStart < 0) {
                    pendingStart = s;
                }
                continue;
            }
            if (pendingStart >= 0) {
                s = pendingStart;
                pendingStart = -1;
            }
            out.add(new TextSpan(s, e));
        }
        if (pendingStart >= 0) {
            // the whole text has neither letter nor digit: one span over its non-blank part
            int e = n;
            while (e > pendingStart && isSpace(text.charAt(e - 1))) {
                e--;
            }
            out.add(new TextSpan(pendingStart, e));
        }
        return out;
    }
}
