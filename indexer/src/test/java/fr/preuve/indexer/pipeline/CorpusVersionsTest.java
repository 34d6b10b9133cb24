package fr.preuve.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.DocumentEntry;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.text.Chunker;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.versions.CorpusHistory;
import fr.preuve.indexer.versions.CorpusVersion;
import fr.preuve.indexer.versions.LastRun;
import fr.preuve.indexer.versions.VersionDiff;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corpus versions on real PubMedQA abstracts: a changed abstract re-embeds only its changed passages, two versions
 * diff to the exact documents, and a rollback restores the earlier version exactly.
 */
class CorpusVersionsTest {

    @TempDir
    Path tmp;

    /** Items 0-29, or the second state: item 3's conclusion extended, item 5 removed, items 30 and 31 added. */
    private CorpusConfig corpus(boolean second) {
        Path file = tmp.resolve("data").resolve("pqal.json");
        Consumer<ObjectNode> edit = second ? items -> {
            var names = items.properties().stream().map(Map.Entry::getKey).toList();
            ObjectNode changed = (ObjectNode) items.get(names.get(3));
            changed.put("LONG_ANSWER", changed.get("LONG_ANSWER").asText()
                    + " These findings were confirmed in a second cohort of patients followed for five years.");
            items.remove(names.get(5));
        } : items -> {
        };
        DemoData.pubmedqaSubset(file, 0, second ? 32 : 30, edit);
        return DemoData.corpus(tmp.resolve(second ? "cfg2" : "cfg1"), DemoData.pubmedqaYaml("pqa", file));
    }

    private static IndexReport run(PassageIndex index, CorpusConfig corpus, IndexerTest.CountingEmbedder embedder) {
        return new Indexer(index, embedder, Chunker.defaults(), Clock.systemUTC(), ProgressListener.NONE, 16, 64)
                .run(corpus, false);
    }

    @Test
    void changedDocumentsReEmbedOnlyNewTextsAndVersionsDiffAndRollBack() throws Exception {
        Path dir = tmp.resolve("index");
        CorpusHistory history = CorpusHistory.forIndex(dir);
        IndexerTest.CountingEmbedder embedder = new IndexerTest.CountingEmbedder();
        CorpusConfig v1Corpus = corpus(false);
        List<String> ids = DemoData.pubmedqaIds(0, 32);
        String changedId = ids.get(3);
        String removedId = ids.get(5);
        String addedA = ids.get(30);
        String addedB = ids.get(31);

        String v1;
        CorpusConfig v2Corpus;
        Map<String, String> v1Hashes;
        Set<String> v1Texts;
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            IndexReport first = run(index, v1Corpus, embedder);
            assertThat(first.added()).isEqualTo(30);
            assertThat(first.embedded()).isEqualTo(first.passagesWritten()).isEqualTo(embedder.embedded.get());
            v1 = first.corpusVersion();
            v1Hashes = index.documentHashes();
            v1Texts = index.passagesOf(changedId).stream().map(Passage::text).collect(Collectors.toSet());
            // Provenance is on every document.
            var doc = index.document(changedId).orElseThrow();
            assertThat(doc.provenance().origin()).isEqualTo("pubmedqa");
            assertThat(doc.provenance().licence()).startsWith("PubMedQA MIT");
            assertThat(doc.provenance().parser()).isEqualTo("pubmedqa/pipeline " + Indexer.PIPELINE_VERSION);
            assertThat(Instant.parse(doc.provenance().indexedAt())).isBeforeOrEqualTo(Instant.now());
            assertThat(doc.url()).startsWith("https://pubmed.ncbi.nlm.nih.gov/");

            // Second state: the changed abstract re-embeds only passages whose text is new.
            int before = embedder.embedded.get();
            v2Corpus = corpus(true);
            IndexReport second = run(index, v2Corpus, embedder);
            assertThat(second.added()).isEqualTo(2);
            assertThat(second.changed()).isEqualTo(1);
            assertThat(second.deleted()).isEqualTo(1);
            long newTexts = index.passagesOf(changedId).stream().map(Passage::text).filter(t -> !v1Texts.contains(t)).count();
            int addedPassages = index.passagesOf(addedA).size() + index.passagesOf(addedB).size();
            assertThat(newTexts).isPositive();
            assertThat(second.reused()).as("unchanged passages of the changed abstract come from the cache").isPositive();
            assertThat(second.embedded()).isEqualTo(newTexts + addedPassages)
                    .isEqualTo(embedder.embedded.get() - before);
            assertThat(second.corpusVersion()).isNotEqualTo(v1);
        }

        // The history has both versions, newest last, with what changed.
        List<CorpusVersion> versions = history.versions();
        assertThat(versions).extracting(CorpusVersion::version).containsExactly(v1, versions.getLast().version());
        String v2 = versions.getLast().version();
        CorpusVersion rec2 = versions.getLast();
        assertThat(rec2.event()).isEqualTo(CorpusVersion.INDEXED);
        assertThat(List.of(rec2.documents(), rec2.added(), rec2.changed(), rec2.removed(), rec2.unchanged()))
                .containsExactly(31, 2, 1, 1, 28);
        assertThat(rec2.perSource().get("pubmedqa").documents()).isEqualTo(31);
        assertThat(rec2.configHash()).isEqualTo(v2Corpus.fingerprint());
        LastRun last = history.lastRun().orElseThrow();
        assertThat(last.version()).isEqualTo(v2);
        assertThat(last.reused()).isPositive();

        VersionDiff diff = history.diff(v1, v2);
        assertThat(diff.added()).containsExactlyInAnyOrder(addedA, addedB);
        assertThat(diff.changed()).containsExactly(changedId);
        assertThat(diff.removed()).containsExactly(removedId);
        assertThatThrownBy(() -> history.diff(v1, "pqa-20000101-deadbeef"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pqa-20000101-deadbeef");

        // Roll back to v1: documents, hashes and state are v1's again.
        CorpusVersion rollback = history.rollback(v1, Instant.now());
        assertThat(rollback.event()).isEqualTo(CorpusVersion.ROLLBACK);
        assertThat(rollback.note()).isEqualTo("rolled back to " + v1 + " from " + v2);
        assertThat(List.of(rollback.added(), rollback.changed(), rollback.removed())).containsExactly(1, 1, 2);
        try (PassageIndex index = PassageIndex.openReadOnly(dir)) {
            assertThat(index.documentHashes()).isEqualTo(v1Hashes);
            assertThat(index.passagesOf(changedId)).extracting(Passage::text).containsExactlyInAnyOrderElementsOf(v1Texts);
            assertThat(index.document(removedId)).isPresent();
            assertThat(index.document(addedA)).isEmpty();
            CorpusState state = CorpusState.from(index.commitData());
            assertThat(state.version()).isEqualTo(v1);
            assertThat(state.complete()).isTrue();
            assertConsistent(index);
        }
        assertThat(history.latest().orElseThrow().version()).isEqualTo(v1);

        // Indexing the second state again from v1: same content as v2, and nothing to embed (all cached).
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            int before = embedder.embedded.get();
            IndexReport again = run(index, v2Corpus, embedder);
            assertThat(List.of(again.added(), again.changed(), again.deleted())).containsExactly(2, 1, 1);
            assertThat(again.embedded()).isZero();
            assertThat(embedder.embedded.get()).isEqualTo(before);
            assertThat(again.corpusVersion()).isEqualTo(v2);
            assertConsistent(index);
        }
        // And v2 is still kept: the rollback can be undone.
        assertThat(PassageIndex.keptVersions(dir)).extracting(CorpusState::version).contains(v1, v2);
        assertThatThrownBy(() -> history.rollback("pqa-20000101-deadbeef", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown corpus version");
    }

    /** Every document's recorded passage count is what the index holds; no passage without its document. */
    static void assertConsistent(PassageIndex index) {
        List<DocumentEntry> entries = index.documentEntries();
        Set<String> ids = new HashSet<>();
        int sum = 0;
        for (DocumentEntry e : entries) {
            assertThat(ids.add(e.id())).as("duplicate " + e.id()).isTrue();
            assertThat(index.passagesOf(e.id())).as(e.id()).hasSize(e.passages());
            sum += e.passages();
        }
        assertThat(index.counts().passages()).as("passages without their document").isEqualTo(sum);
    }
}
