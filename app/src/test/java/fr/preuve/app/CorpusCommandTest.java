package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.app.CliTest.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The librarian's commands on the real smoke corpus: check declarations, dry-run, index, status, versions, diff,
 * rollback, and answers naming the rolled-back version.
 */
class CorpusCommandTest {
    static final Path SMOKE = ApiServerTest.DEMO.getParent().resolve("smoke.yaml");
    static final Pattern VERSION = Pattern.compile("corpus (smoke-\\d{8}-[0-9a-f]{8})");

    @TempDir
    Path tmp;

    @Test
    void checkNamesTheFileLineAndFieldOfEachError() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, """
                name: bad
                sources:
                  - type: pubmedqa
                    path: nowhere.json
                    licenze: MIT
                """, StandardCharsets.UTF_8);
        Run r = CliTest.run("corpus", "check", SMOKE.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("OK     " + SMOKE + " (smoke: 2 sources)")
                .contains("ERROR  " + bad + ":5").contains("licenze").contains("2 checked, 1 with errors");
        // Without files: every declaration in corpus-config/, found from Preuve's directory like the launcher does.
        String before = System.getProperty("preuve.appDir");
        System.setProperty("preuve.appDir", SMOKE.getParent().getParent().toString());
        Run all;
        try {
            all = CliTest.run("corpus", "check");
        } finally {
            if (before == null) {
                System.clearProperty("preuve.appDir");
            } else {
                System.setProperty("preuve.appDir", before);
            }
        }
        assertThat(all.exit()).as(all.out()).isZero();
        assertThat(all.out()).contains("demo.yaml (demo: 7 sources)").contains(", 0 with errors");
    }

    @Test
    void dryRunIndexStatusVersionsDiffAndRollback() throws Exception {
        String home = tmp.resolve("home").toString();
        Run dry = CliTest.run("index", "--dry-run", "--home", home, "--corpus", SMOKE.toString());
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("3 would be added, 0 changed, 0 removed, 0 unchanged").contains("has:p_3240117");
        assertThat(Files.exists(tmp.resolve("home/indexes/smoke"))).as("a dry run writes nothing").isFalse();

        Run first = CliTest.run("index", "--home", home, "--corpus", SMOKE.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        String v1 = version(first.out());

        // The same corpus without its HAS source (same name, so the same index).
        Path whoOnly = tmp.resolve("who-only.yaml");
        Files.writeString(whoOnly, Files.readString(SMOKE).replaceAll("(?s)  - type: has-api-xml.*", "")
                .replace("path: demo/", "path: " + SMOKE.getParent() + "/demo/"), StandardCharsets.UTF_8);
        Run dry2 = CliTest.run("index", "--dry-run", "--home", home, "--corpus", whoOnly.toString());
        assertThat(dry2.out()).contains("0 would be added, 0 changed, 2 removed, 1 unchanged");
        Run second = CliTest.run("index", "--home", home, "--corpus", whoOnly.toString());
        assertThat(second.out()).contains("2 deleted").contains("0 embedded");
        String v2 = version(second.out());

        Run status = CliTest.run("corpus", "status", "--home", home, "--corpus", whoOnly.toString());
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out()).contains("corpus smoke: version " + v2)
                .containsPattern("who-healthy-diet +who-pdf +1 +\\d+  CC BY-NC-SA 3.0 IGO")
                .contains("0 added, 0 changed, 1 unchanged, 2 removed").contains("0 failures");

        Run versions = CliTest.run("corpus", "versions", "--home", home, "--corpus", SMOKE.toString());
        assertThat(versions.out().lines().toList()).hasSize(2);
        assertThat(versions.out().lines().findFirst().orElseThrow()).startsWith("* " + v2).contains("+0 ~0 -2");

        Run diff = CliTest.run("corpus", "diff", v1, v2, "--home", home, "--corpus", SMOKE.toString());
        assertThat(diff.out()).contains("0 added, 0 changed, 2 removed").contains("removed (2):")
                .contains("  has:p_3240117");
        Run unknown = CliTest.run("corpus", "diff", v1, "smoke-20000101-deadbeef", "--home", home, "--corpus", SMOKE.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown corpus version 'smoke-20000101-deadbeef'");

        Run ask = CliTest.run("corpus", "rollback", v1, "--home", home, "--corpus", SMOKE.toString());
        assertThat(ask.exit()).isEqualTo(1);
        assertThat(ask.out()).contains("would add 2, change 0 and remove 0 documents; add --yes");
        Run rollback = CliTest.run("corpus", "rollback", v1, "--yes", "--home", home, "--corpus", SMOKE.toString());
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("rolled back to " + v1 + " from " + v2 + ": 2 added, 0 changed, 0 removed; 3 documents");

        // Answers now name the restored version, and status shows its documents.
        Run json = CliTest.run("ask", "--json", "--home", home, "--corpus", SMOKE.toString(), "salt intake");
        assertThat(json.out()).contains("\"corpusVersion\" : \"" + v1 + "\"");
        Run after = CliTest.run("corpus", "status", "--home", home, "--corpus", SMOKE.toString());
        assertThat(after.out()).contains("version " + v1).containsPattern("has-recommandations-vaccinales +has-api-xml +2 ");
    }

    private static String version(String out) {
        Matcher m = VERSION.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }
}
