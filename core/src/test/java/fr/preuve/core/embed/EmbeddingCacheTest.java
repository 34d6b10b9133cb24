package fr.preuve.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk vector cache: survives reopening, drops a record cut short by a crash, one file per model. */
class EmbeddingCacheTest {

    @TempDir
    Path tmp;

    @Test
    void vectorsSurviveReopeningAndATornLastRecordIsDropped() throws Exception {
        float[] salt = {0.6f, 0.8f, 0f};
        float[] sugar = {0f, 0.6f, 0.8f};
        Path file;
        try (EmbeddingCache cache = EmbeddingCache.open(tmp, "model-a", 3)) {
            cache.put("Reduce salt intake.", salt);
            cache.put("Limit free sugars.", sugar);
            cache.put("Reduce salt intake.", salt); // already there: not written twice
            file = cache.file();
        }
        long whole = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(whole - 5); // the process was killed while writing the last record
        }
        try (EmbeddingCache cache = EmbeddingCache.open(tmp, "model-a", 3)) {
            assertThat(cache.size()).isEqualTo(1);
            assertThat(cache.get("Reduce salt intake.")).hasValueSatisfying(v -> assertThat(v).containsExactly(salt));
            assertThat(cache.get("Limit free sugars.")).isEmpty();
            cache.put("Limit free sugars.", sugar);
            assertThat(cache.get("Limit free sugars.")).hasValueSatisfying(v -> assertThat(v).containsExactly(sugar));
        }
        assertThat(Files.size(file)).isEqualTo(whole);
        // Another model has its own file; a vector of the wrong size is refused.
        try (EmbeddingCache other = EmbeddingCache.open(tmp, "model-b", 3)) {
            assertThat(other.get("Reduce salt intake.")).isEmpty();
            assertThat(other.file()).isNotEqualTo(file);
            assertThatThrownBy(() -> other.put("x", new float[4])).hasMessageContaining("dimension 4");
        }
        // A file of another model or dimension is never read as this one's.
        Path modelC;
        try (EmbeddingCache c = EmbeddingCache.open(tmp, "model-c", 2)) {
            modelC = c.file();
        }
        Files.copy(file, modelC, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> EmbeddingCache.open(tmp, "model-c", 2))
                .hasMessageContaining("not an embedding cache of this model");
    }
}
