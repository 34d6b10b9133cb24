package fr.preuve.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the audit trail goes: a SQLite file next to the indexes unless audit.url / PREUVE_AUDIT_URL says otherwise. */
class AuditConfigTest {

    @TempDir
    Path tmp;

    private PreuveConfig load(Map<String, String> env, Path file) {
        return new ConfigLoader(Environment.of(env), tmp.resolve("user")).load(file);
    }

    @Test
    void defaultIsASqliteFileInTheHomeDirectory() {
        PreuveConfig c = load(Map.of("PREUVE_HOME", tmp.resolve("h").toString()), null);
        assertThat(c.auditUrl()).isEqualTo("jdbc:sqlite:" + tmp.resolve("h/audit.db"));
        assertThat(c.auditKeyFile()).isEqualTo(tmp.resolve("h/audit.key"));
        assertThat(c.withHome(tmp.resolve("other")).auditUrl()).endsWith("other/audit.db");
    }

    @Test
    void environmentWinsOverTheFileAndTheKeyIsNeverPrinted() throws Exception {
        Path file = tmp.resolve("preuve.yaml");
        Files.writeString(file, "audit:\n  url: jdbc:sqlite:/srv/preuve/audit.db\n");
        assertThat(load(Map.of(), file).auditUrl()).isEqualTo("jdbc:sqlite:/srv/preuve/audit.db");
        String key = "k".repeat(40);
        PreuveConfig c = load(Map.of("PREUVE_AUDIT_URL", "jdbc:postgresql://db/preuve?user=p&password=s3cret",
                "PREUVE_AUDIT_KEY", key), file);
        assertThat(c.auditUrl()).isEqualTo("jdbc:postgresql://db/preuve?user=p&password=s3cret");
        assertThat(c.audit().key()).isEqualTo(key);
        assertThat(c.audit().toString()).doesNotContain(key).doesNotContain("s3cret");
    }

    @Test
    void badValuesAreNamedButNotTheKey() {
        assertThatThrownBy(() -> load(Map.of("PREUVE_AUDIT_URL", "/var/audit.db"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("audit.url must be a JDBC URL")
                .hasMessageContaining("'/var/audit.db'");
        assertThatThrownBy(() -> load(Map.of("PREUVE_AUDIT_KEY", "short-secret"), null))
                .hasMessageContaining("PREUVE_AUDIT_KEY must be at least 32 characters long, got 12")
                .hasMessageNotContaining("short-secret");
    }
}
