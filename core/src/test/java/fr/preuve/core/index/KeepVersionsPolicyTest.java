package fr.preuve.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.config.Defaults;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Lucene commits stay on disk: one per recent complete version, so those can be restored. */
class KeepVersionsPolicyTest {

    @TempDir
    Path tmp;

    private static CorpusState state(String version, boolean complete) {
        return new CorpusState("c", version, "2026-11-22T00:00:00Z", complete, "f", "m", "p");
    }

    @Test
    void keepsTheNewestCommitOfEachOfTheLastVersionsOnly() throws Exception {
        Path dir = tmp.resolve("index");
        int versions = Defaults.KEEP_VERSIONS + 2;
        try (PassageIndex index = PassageIndex.openForWriting(dir)) {
            for (int v = 0; v < versions; v++) {
                index.commit(state("c-20261122-0000000" + Integer.toHexString(v), false).toMap()); // a checkpoint
                index.commit(state("c-20261122-0000000" + Integer.toHexString(v), true).toMap());
                index.commit(state("c-20261122-0000000" + Integer.toHexString(v), true).toMap()); // the same, re-run
            }
            index.commit(state("c-20261122-0000000b", false).toMap()); // an interrupted run on top
        }
        List<String> expected = IntStream.range(2, versions).mapToObj(v -> "c-20261122-0000000" + Integer.toHexString(v)).toList();
        assertThat(PassageIndex.keptVersions(dir)).extracting(CorpusState::version).containsExactlyElementsOf(expected);

        CorpusState restored = PassageIndex.rollback(dir, "c-20261122-00000002");
        assertThat(restored.version()).isEqualTo("c-20261122-00000002");
        try (PassageIndex index = PassageIndex.openReadOnly(dir)) {
            assertThat(CorpusState.from(index.commitData())).isEqualTo(restored);
        }
        assertThatThrownBy(() -> PassageIndex.rollback(dir, "c-20261122-00000000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'c-20261122-00000000' is not kept").hasMessageContaining("c-20261122-00000003");
    }
}
