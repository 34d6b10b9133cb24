package fr.preuve.core.text;

import fr.preuve.core.doc.DocumentId;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.doc.Section;
import fr.preuve.core.doc.SourceDocument;
import fr.preuve.core.doc.SourceKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkerTest {

    private static final DocumentId ID = DocumentId.of(SourceKind.PUBMED, "21645374");

    /** A deterministic sentence of exactly {@code words} words, ending with a full stop. */
    static String sentence(int words, int seed) {
        StringBuilder sb = new StringBuilder("Patients");
        for (int w = 1; w < words; w++) {
            sb.append(' ').append(switch ((w * 7 + seed) % 5) {
                case 0 -> "received";
                case 1 -> "metformin";
                case 2 -> "0.92";
                case 3 -> "g/L";
                default -> "daily";
            });
        }
        return sb.append('.').toString();
    }

    static String sentences(int count, int words) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            out.add(sentence(words, s));
        }
        return String.join(" ", out);
    }

    static SourceDocument doc(Section... sections) {
        return new SourceDocument(ID, "Mitochondria in lace plant PCD", "en", "2011-06", "https://pubmed.ncbi.nlm.nih.gov/21645374/",
                List.of(sections), Map.of("journal", "BMC Plant Biol"));
    }

    /** A realistic document: the real fixture paragraphs as sections, plus long synthetic ones with pages. */
    static SourceDocument mixedDoc() {
        List<Section> sections = new ArrayList<>();
        for (String name : SentenceSplitterTest.FIXTURES) {
            sections.add(Section.of(name.toUpperCase(java.util.Locale.ROOT), SentenceSplitterTest.resource(name + ".txt").strip()));
        }
        sections.add(Section.page(3, "Results", sentences(40, 23)));
        sections.add(Section.page(4, null, sentences(9, 37) + "\n\n" + sentences(7, 11)));
        sections.add(Section.of(null, "Short closing section."));
        return doc(sections.toArray(Section[]::new));
    }

    static void assertContract(SourceDocument doc, List<Passage> passages, Chunker chunker) {
        String text = doc.text();
        // section ranges in doc.text()
        List<int[]> ranges = new ArrayList<>();
        int offset = 0;
        for (Section s : doc.sections()) {
            ranges.add(new int[] {offset, offset + s.text().length()});
            offset += s.text().length() + SourceDocument.SECTION_SEPARATOR.length();
        }
        int previousEnd = 0;
        int previousSection = 0;
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            assertThat(p.ordinal()).isEqualTo(i);
            assertThat(p.id()).isEqualTo(Passage.idOf(doc.id(), i)).isEqualTo(doc.id() + "#" + i);
            assertThat(p.docId()).isEqualTo(doc.id());
            assertThat(text.substring(p.start(), p.end())).as("offsets of %s", p.id()).isEqualTo(p.text());
            assertThat(p.text()).isNotBlank().isEqualTo(p.text().strip());
            assertThat(p.start()).as("passages in order, not overlapping").isGreaterThanOrEqualTo(previousEnd);
            previousEnd = p.end();
            int section = -1;
            for (int s = 0; s < ranges.size(); s++) {
                if (p.start() >= ranges.get(s)[0] && p.end() <= ranges.get(s)[1]) {
                    section = s;
                }
            }
            assertThat(section).as("%s lies inside one section", p.id()).isGreaterThanOrEqualTo(0);
            assertThat(section).isGreaterThanOrEqualTo(previousSection);
            previousSection = section;
            Section s = doc.sections().get(section);
            assertThat(p.section()).isEqualTo(s.heading());
            assertThat(p.page()).isEqualTo(s.page());
            assertThat(p.title()).isEqualTo(doc.title());
            assertThat(p.language()).isEqualTo(doc.language());
            assertThat(p.date()).isEqualTo(doc.date());
            assertThat(p.url()).isEqualTo(doc.url());
            assertThat(Chunker.countWords(p.text())).as("words of %s", p.id())
                    .isLessThanOrEqualTo(chunker.maxWords() + chunker.minWords() / 2);
        }
        // every section's words are in its passages, none lost or duplicated
        for (int s = 0; s < ranges.size(); s++) {
            int[] r = ranges.get(s);
            int inPassages = passages.stream().filter(p -> p.start() >= r[0] && p.end() <= r[1])
                    .mapToInt(p -> Chunker.countWords(p.text())).sum();
            assertThat(inPassages).as("words of section %d", s).isEqualTo(Chunker.countWords(doc.sections().get(s).text()));
        }
    }

    @Test
    void defaults() {
        Chunker c = Chunker.defaults();
        assertThat(List.of(c.minWords(), c.targetWords(), c.maxWords())).containsExactly(100, 150, 200);
    }

    @Test
    void rejectsInconsistentSizes() {
        assertThatThrownBy(() -> new Chunker(0, 10, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(20, 10, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(10, 30, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsWhiteSpaceSeparatedTokens() {
        assertThat(Chunker.countWords("")).isZero();
        assertThat(Chunker.countWords("  \n ")).isZero();
        assertThat(Chunker.countWords(" p < 0.05,\tn = 45\n(n.s.) ")).isEqualTo(7);
        assertThat(Chunker.countWords("Est-ce utile\u00A0? Oui")).isEqualTo(4);
    }

    @Test
    void realAndSyntheticDocumentRespectsTheContract() {
        SourceDocument doc = mixedDoc();
        List<Passage> passages = Chunker.defaults().chunk(doc);
        assertContract(doc, passages, Chunker.defaults());
        // each short real paragraph is one passage of its own (none is merged across sections)
        for (int s = 0; s < SentenceSplitterTest.FIXTURES.size(); s++) {
            assertThat(passages.get(s).text()).isEqualTo(doc.sections().get(s).text());
        }
        assertThat(passages.getLast().text()).isEqualTo("Short closing section.");
        assertThat(passages.getLast().section()).isNull();
    }

    @Test
    void wordBoundsOnUniformSentences() {
        // 40 sentences of 23 words in one section: 6 sentences (138 words) per passage, the 4-sentence tail merged
        SourceDocument doc = doc(Section.page(1, "Results", sentences(40, 23)));
        List<Passage> passages = Chunker.defaults().chunk(doc);
        assertContract(doc, passages, Chunker.defaults());
        List<Integer> words = passages.stream().map(p -> Chunker.countWords(p.text())).toList();
        assertThat(words).containsExactly(138, 138, 138, 138, 138, 230);
        for (Passage p : passages) {
            assertThat(p.text()).startsWith("Patients").endsWith(".");
        }
    }

    @Test
    void sentencesAreNeverCut() {
        SourceDocument doc = doc(Section.of(null, sentences(30, 37)));
        List<Passage> passages = Chunker.defaults().chunk(doc);
        assertContract(doc, passages, Chunker.defaults());
        List<TextSpan> sentenceSpans = SentenceSplitter.split(doc.text());
        for (Passage p : passages) {
            assertThat(sentenceSpans).anyMatch(s -> s.start() == p.start());
            assertThat(sentenceSpans).anyMatch(s -> s.end() == p.end());
        }
        // 30 x 37 words: seven passages of 4 sentences (148 words), the 2-sentence tail (74) merged into the last
        assertThat(passages).extracting(p -> Chunker.countWords(p.text()))
                .containsExactly(148, 148, 148, 148, 148, 148, 222);
    }

    @Test
    void aSingleLongSentenceIsSplitOnWordBoundaries() {
        String longSentence = sentence(600, 3);
        SourceDocument doc = doc(Section.of("Long", "Intro sentence here. " + longSentence + " Last words."));
        List<Passage> passages = Chunker.defaults().chunk(doc);
        assertContract(doc, passages, Chunker.defaults());
        List<Integer> words = passages.stream().map(p -> Chunker.countWords(p.text())).toList();
        assertThat(words).allMatch(w -> w <= 200);
        assertThat(words.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3 + 600 + 2);
        // the 600 words become 4 pieces of 150; the 3-word intro joins the first, the 2-word tail is merged
        assertThat(words).containsExactly(153, 150, 150, 152);
        for (Passage p : passages) {
            assertThat(Character.isWhitespace(p.text().charAt(0))).isFalse();
            assertThat(Character.isWhitespace(p.text().charAt(p.text().length() - 1))).isFalse();
        }
        // each cut falls between two words of the original sentence
        String joined = String.join(" ", passages.stream().map(Passage::text).toList());
        assertThat(joined).isEqualTo(doc.text());
    }

    @Test
    void aSentenceJustAboveMaxIsSplitIntoBalancedPieces() {
        SourceDocument doc = doc(Section.of(null, sentence(201, 1)));
        List<Passage> passages = new Chunker(100, 150, 200).chunk(doc);
        assertThat(passages).extracting(p -> Chunker.countWords(p.text())).containsExactly(101, 100);
    }

    @Test
    void aShortLastRemainderIsMergedIntoThePreviousPassage() {
        Chunker chunker = new Chunker(10, 15, 20);
        // 14 + 4 words: 18 > target so a second passage starts; 4 < min and 14 + 4 <= 20 + 5: merged
        SourceDocument doc = doc(Section.of(null, sentence(14, 0) + " " + sentence(4, 1)));
        List<Passage> passages = chunker.chunk(doc);
        assertContract(doc, passages, chunker);
        assertThat(passages).hasSize(1);
        assertThat(Chunker.countWords(passages.getFirst().text())).isEqualTo(18);

        // 20 + 6 = 26 > 20 + 5: the short remainder is kept
        SourceDocument kept = doc(Section.of(null, sentence(20, 0) + " " + sentence(6, 1)));
        assertThat(chunker.chunk(kept)).extracting(p -> Chunker.countWords(p.text())).containsExactly(20, 6);

        // 12 + 12 + 13 + 3: [12] [12] then [13 + 3]: merging happens only at the end of the section
        SourceDocument mid = doc(Section.of(null, sentence(12, 0) + " " + sentence(12, 1) + " " + sentence(13, 2) + " "
                + sentence(3, 3)));
        assertThat(chunker.chunk(mid)).extracting(p -> Chunker.countWords(p.text())).containsExactly(12, 12, 16);
    }

    @Test
    void aPassageBelowMinTakesOneMoreSentenceUpToMax() {
        Chunker chunker = new Chunker(10, 15, 20);
        // 8 + 11 = 19: over target but the first is below min and 19 <= max
        SourceDocument doc = doc(Section.of(null, sentence(8, 0) + " " + sentence(11, 1) + " " + sentence(12, 2)));
        assertThat(chunker.chunk(doc)).extracting(p -> Chunker.countWords(p.text())).containsExactly(19, 12);
    }

    @Test
    void shortSectionsAreTheirOwnPassagesAndNothingCrossesSections() {
        Chunker chunker = new Chunker(10, 15, 20);
        SourceDocument doc = doc(
                Section.page(1, "Background", sentence(14, 0)),
                Section.page(1, "Methods", sentence(3, 1)),
                Section.page(2, "Results", sentence(14, 2) + " " + sentence(14, 3)),
                Section.page(3, null, "Two words"));
        List<Passage> passages = chunker.chunk(doc);
        assertContract(doc, passages, chunker);
        assertThat(passages).extracting(Passage::section).containsExactly("Background", "Methods", "Results", "Results", null);
        assertThat(passages).extracting(Passage::page).containsExactly(1, 1, 2, 2, 3);
        assertThat(passages).extracting(p -> Chunker.countWords(p.text())).containsExactly(14, 3, 14, 14, 2);
    }

    @Test
    void idsAreStableAndOrdinalsConsecutive() {
        SourceDocument doc = mixedDoc();
        List<Passage> first = Chunker.defaults().chunk(doc);
        assertThat(first).extracting(Passage::ordinal).containsExactlyElementsOf(IntStream.range(0, first.size()).boxed().toList());
        assertThat(first.get(0).id()).isEqualTo("pubmed:21645374#0");
        assertThat(first.get(5).id()).isEqualTo("pubmed:21645374#5");
        // re-indexing a rebuilt, equal document gives identical passages
        List<Passage> again = new Chunker(100, 150, 200).chunk(mixedDoc());
        assertThat(again).isEqualTo(first);
    }

    @Test
    void deterministic() {
        SourceDocument doc = mixedDoc();
        Chunker chunker = Chunker.defaults();
        List<Passage> a = chunker.chunk(doc);
        List<Passage> b = chunker.chunk(doc);
        assertThat(a).isEqualTo(b);
        assertThat(a).hasSizeGreaterThan(SentenceSplitterTest.FIXTURES.size() + 5);
    }

    @Test
    void frenchDocumentWithLists() {
        String tillhepo = SentenceSplitterTest.resource("fr-bdpm-smr-CT-17938.txt").strip();
        SourceDocument doc = new SourceDocument(DocumentId.of(SourceKind.HAS, "CT-17938"), "TILLHEPO, avis de la CT", "fr",
                "2019", null, List.of(Section.of("SMR", tillhepo), Section.of("ASMR", "ASMR V.")), null);
        List<Passage> passages = new Chunker(10, 20, 30).chunk(doc);
        assertContract(doc, passages, new Chunker(10, 20, 30));
        assertThat(passages).allMatch(p -> p.language().equals("fr") && p.url() == null && p.page() == null);
        assertThat(passages.getLast().text()).isEqualTo("ASMR V.");
        assertThat(passages.getFirst().id()).isEqualTo("has:CT-17938#0");
        // the list items start passages or sit inside them, never split mid-item
        assertThat(passages.stream().filter(p -> p.section().equals("SMR")).map(Passage::text).toList())
                .allMatch(t -> t.startsWith("Le service") || t.startsWith("- ") || t.startsWith("La ") || t.startsWith("Les "));
    }
}
