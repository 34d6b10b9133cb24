package fr.preuve.core.text;

import fr.preuve.core.config.Defaults;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a {@link SourceDocument} into retrievable {@link Passage}s of whole sentences, one section at a time.
 *
 * <ul>
 *   <li>Passages never cross a section (hence never a PDF page).</li>
 *   <li>Sentences ({@link SentenceSplitter}) are accumulated while the passage stays within {@code targetWords}; a
 *       passage still shorter than {@code minWords} may take one more sentence up to {@code maxWords}.</li>
 *   <li>A sentence longer than {@code maxWords} is cut on word boundaries into {@code ceil(words / targetWords)}
 *       pieces of near-equal size (each at most {@code targetWords}, so at most {@code maxWords}).</li>
 *   <li>The last passage of a section, when shorter than {@code minWords}, is merged into the previous passage of
 *       the same section if the result has at most {@code maxWords + minWords / 2} words; otherwise it is kept.</li>
 *   <li>A section shorter than {@code minWords} is a passage of its own.</li>
 * </ul>
 * Words are white-space-separated tokens. Offsets point into {@link SourceDocument#text()}; ids are
 * {@link Passage#idOf} with ordinals counted over the whole document from 0, so the same document always gives the
 * same passages and ids.
 */
public final class Chunker {
    private final int minWords;
    private final int targetWords;
    private final int maxWords;

    public Chunker(int minWords, int targetWords, int maxWords) {
        if (minWords < 1 || targetWords < minWords || maxWords < targetWords) {
            throw new IllegalArgumentException("chunk sizes must satisfy 1 <= min <= target <= max, got min="
                    + minWords + ", target=" + targetWords + ", max=" + maxWords);
        }
        this.minWords = minWords;
        this.targetWords = targetWords;
        this.maxWords = maxWords;
    }

    /** 100 / 150 / 200 words. */
    public static Chunker defaults() {
        return new Chunker(Defaults.CHUNK_MIN_WORDS, Defaults.CHUNK_TARGET_WORDS, Defaults.CHUNK_MAX_WORDS);
    }

    public int minWords() {
        return minWords;
    }

    public int targetWords() {
        return targetWords;
    }

    public int maxWords() {
        return maxWords;
    }

    /** The document's passages, in reading order. */
    public List<Passage> chunk(SourceDocument doc) {
        List<Passage> out = new ArrayList<>();
        int offset = 0;
        for (Section section : doc.sections()) {
            String text = section.text();
            for (Unit g : group(units(text))) {
                int ordinal = out.size();
                out.add(new Passage(Passage.idOf(doc.id(), ordinal), doc.id(), ordinal, doc.title(), section.heading(),
                        section.page(), doc.language(), doc.date(), doc.url(), offset + g.start, offset + g.end,
                        text.substring(g.start, g.end)));
            }
            offset += text.length() + SourceDocument.SECTION_SEPARATOR.length();
        }
        return out;
    }

    /** Number of white-space-separated tokens in {@code text}. */
    public static int countWords(CharSequence text) {
        return countWords(text, 0, text.length());
    }

    static int countWords(CharSequence text, int from, int to) {
        int words = 0;
        boolean inWord = false;
        for (int p = from; p < to; p++) {
            boolean space = TextChars.isSpace(text.charAt(p));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** A range of a section's text and its word count. */
    private record Unit(int start, int end, int words) {
        Unit join(Unit next) {
            return new Unit(start, next.end, words + next.words);
        }
    }

    /** Sentences, with those longer than maxWords cut into word-boundary pieces. */
    private List<Unit> units(String text) {
        List<Unit> units = new ArrayList<>();
        for (TextSpan s : SentenceSplitter.split(text)) {
            int words = countWords(text, s.start(), s.end());
            if (words <= maxWords) {
                units.add(new Unit(s.start(), s.end(), words));
            } else {
                splitLong(text, s, words, units);
            }
        }
        return units;
    }

    private void splitLong(String text, TextSpan s, int words, List<Unit> units) {
        int pieces = (words + targetWords - 1) / targetWords;
        int base = words / pieces;
        int extra = words % pieces; // the first 'extra' pieces get one more word
        int p = s.start();
        for (int piece = 0; piece < pieces; piece++) {
            int want = base + (piece < extra ? 1 : 0);
            int start = p;
            int seen = 0;
            boolean inWord = false;
            int end = start;
            while (p < s.end()) {
                boolean space = TextChars.isSpace(text.charAt(p));
                if (!space && !inWord) {
                    if (seen == want) {
                        break;
                    }
                    seen++;
                }
                if (!space) {
                    end = p + 1;
                }
                inWord = !space;
                p++;
            }
            units.add(new Unit(start, end, want));
            while (p < s.end() && TextChars.isSpace(text.charAt(p))) {
                p++;
            }
        }
    }

    private List<Unit> group(List<Unit> units) {
        List<Unit> out = new ArrayList<>();
        Unit cur = null;
        for (Unit u : units) {
            if (cur == null) {
                cur = u;
            } else if (cur.words + u.words <= targetWords || cur.words < minWords && cur.words + u.words <= maxWords) {
                cur = cur.join(u);
            } else {
                out.add(cur);
                cur = u;
            }
        }
        if (cur != null) {
            int size = out.size();
            if (size > 0 && cur.words < minWords && out.get(size - 1).words + cur.words <= maxWords + minWords / 2) {
                out.set(size - 1, out.get(size - 1).join(cur));
            } else {
                out.add(cur);
            }
        }
        return out;
    }
}
