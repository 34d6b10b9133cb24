package fr.preuve.indexer.source.local;

import static fr.preuve.indexer.source.golden.GoldenFiles.documents;
import static fr.preuve.indexer.source.golden.GoldenFiles.failures;
import static fr.preuve.indexer.source.golden.GoldenFiles.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.preuve.core.doc.SourceDocument;
import fr.preuve.indexer.config.SourceSpecs;
import fr.preuve.indexer.source.InputLimits;
import fr.preuve.indexer.source.ReadOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A local folder never leads the indexer out of itself, never hangs on special files, and stays within its size caps. */
class LocalFolderLinksAndLimitsTest {

    private static final String GUIDE = "# Diabète gestationnel\n\nDépistage entre 24 et 28 SA.\n";

    @TempDir
    Path tmp;

    @Test
    void aLinkToAFileOutsideTheFolderIsNotIndexedAndIsReported() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("folder"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "SECRET outside the folder\n");
        Files.writeString(dir.resolve("memo.txt"), "Rappel vaccinal\n");
        Files.createSymbolicLink(dir.resolve("passwd.txt"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(dir.resolve("secret.txt"), secret);
        Files.createSymbolicLink(dir.resolve("relative.txt"), Path.of("../secret.txt"));
        Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(tmp.resolve("elsewhere/other.md"), "# OTHER\n\nnot in the folder\n");
        Files.createSymbolicLink(dir.resolve("elsewhere"), tmp.resolve("elsewhere"));

        List<ReadOutcome> out = readAll(new LocalFolderSource(dir, "fr"));

        assertThat(documents(out)).extracting(d -> d.id().toString()).containsExactly("local:memo.txt");
        assertThat(documents(out)).allSatisfy(d -> assertThat(d.text()).doesNotContain("root:", "SECRET", "OTHER"));
        assertThat(failures(out)).extracting(ReadOutcome.Failed::location)
                .containsExactlyInAnyOrder("elsewhere", "passwd.txt", "relative.txt", "secret.txt");
        assertThat(reason(out, "passwd.txt")).isEqualTo("symbolic link to /etc/passwd, outside the folder: not read");
        assertThat(failures(out)).allSatisfy(f -> assertThat(f.reason()).contains("outside the folder"));
    }

    @Test
    void linksInsideAreFollowedOnceAndLoopsAndBrokenLinksAreReported() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("folder"));
        Files.createDirectories(dir.resolve("docs/sub"));
        Files.writeString(dir.resolve("docs/guide.md"), GUIDE);
        Files.createSymbolicLink(dir.resolve("alias.md"), Path.of("docs/guide.md"));
        Files.createSymbolicLink(dir.resolve("shortcut"), Path.of("docs"));
        Files.createSymbolicLink(dir.resolve("docs/sub/up"), Path.of("../.."));
        Files.createSymbolicLink(dir.resolve("self"), Path.of("self"));
        Files.createSymbolicLink(dir.resolve("gone.txt"), Path.of("missing.txt"));
        Files.createDirectories(tmp.resolve("hidden-target"));
        Files.createDirectories(dir.resolve("notes"));
        Files.writeString(dir.resolve("notes/memo.txt"), "Texte libre du service.\n");
        Files.createSymbolicLink(dir.resolve("memo-link.txt"), Path.of("notes/memo.txt"));

        List<ReadOutcome> out = readAll(new LocalFolderSource(dir, "fr"));

        assertThat(documents(out)).extracting(d -> d.id().toString())
                .as("each real file once, under its own path").containsExactly("local:docs/guide.md", "local:notes/memo.txt");
        assertThat(failures(out)).extracting(ReadOutcome.Failed::location)
                .containsExactlyInAnyOrder("docs/sub/up", "gone.txt", "self");
        assertThat(reason(out, "docs/sub/up")).startsWith("symbolic link loop");
        assertThat(reason(out, "self")).startsWith("symbolic link loop");
        assertThat(reason(out, "gone.txt")).isEqualTo("broken symbolic link to missing.txt: skipped");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFifoIsReportedWithoutBeingOpened() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("folder"));
        Files.writeString(dir.resolve("memo.txt"), "Rappel vaccinal\n");
        Path fifo = dir.resolve("pipe.txt");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (java.io.IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
        Files.createSymbolicLink(dir.resolve("pipe-link.txt"), Path.of("pipe.txt"));

        List<ReadOutcome> out = readAll(new LocalFolderSource(dir, "fr"));

        assertThat(documents(out)).extracting(d -> d.id().toString()).containsExactly("local:memo.txt");
        assertThat(reason(out, "pipe.txt")).isEqualTo("not a regular file (device, FIFO or socket): not read");
        assertThat(reason(out, "pipe-link.txt")).contains("not a regular file", "symbolic link to pipe.txt");
    }

    @Test
    void filesOverTheCapsDeclaredInTheSourceAreReportedAndTheOthersRead() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("folder"));
        Files.writeString(dir.resolve("a.txt"), "Premier texte.\n\n" + "x".repeat(600));
        Files.writeString(dir.resolve("b-big.txt"), "Trop gros.\n" + "y".repeat(3000));
        Files.writeString(dir.resolve("c.txt"), "Deuxième texte.\n\n" + "z".repeat(600));
        Files.writeString(dir.resolve("d.txt"), "Troisième texte.\n\n" + "w".repeat(600));
        SourceSpecs.LocalFolder spec = new SourceSpecs.LocalFolder(null, "folder", "fr", "1KB", "1.5 KB", "internal");

        List<ReadOutcome> out = readAll(spec.open(tmp));

        assertThat(documents(out)).extracting(SourceDocument::title).containsExactly("Premier texte.", "Deuxième texte.");
        assertThat(failures(out)).extracting(ReadOutcome.Failed::location).containsExactly("b-big.txt", "d.txt");
        assertThat(reason(out, "b-big.txt")).isEqualTo("file is 2.9 KB, over the 1 KB cap per file (maxFileSize): skipped");
        assertThat(reason(out, "d.txt")).contains("1.2 KB", "1.5 KB cap per source (maxSourceSize)");
    }

    @Test
    void sizesAreReadWithUnitsAndBadOnesAreRefusedByName() {
        assertThat(InputLimits.parseSize("maxFileSize", "50MB")).isEqualTo(50L << 20);
        assertThat(InputLimits.parseSize("maxFileSize", "2 GiB")).isEqualTo(2L << 30);
        assertThat(InputLimits.parseSize("maxFileSize", "4096")).isEqualTo(4096L);
        assertThat(new SourceSpecs.LocalFolder(null, "f", null, "internal").limits()).isEqualTo(InputLimits.DEFAULTS);
        assertThat(InputLimits.DEFAULTS.maxFileSize()).isEqualTo(50L << 20);
        assertThat(InputLimits.DEFAULTS.maxSourceSize()).isEqualTo(2L << 30);
        assertThatThrownBy(() -> new SourceSpecs.LocalFolder(null, "f", null, "fifty megs", null, "internal"))
                .hasMessage("maxFileSize must be a size such as 50MB or 2GB, got 'fifty megs'");
        assertThatThrownBy(() -> new SourceSpecs.LocalFolder(null, "f", null, "3GB", null, "internal"))
                .hasMessageContaining("maxFileSize 3 GB is over maxSourceSize 2 GB");
    }

    private static String reason(List<ReadOutcome> out, String file) {
        return failures(out).stream().filter(f -> f.location().equals(file)).findFirst().orElseThrow().reason();
    }
}
