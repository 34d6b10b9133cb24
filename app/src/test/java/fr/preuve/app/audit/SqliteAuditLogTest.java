package fr.preuve.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerMode;
import fr.preuve.core.answer.Answered;
import fr.preuve.core.answer.AskedQuestion;
import fr.preuve.core.answer.ModelInfo;
import fr.preuve.core.answer.Timings;
import fr.preuve.core.audit.AuditChannel;
import fr.preuve.core.audit.AuditEntry;
import fr.preuve.core.audit.QuestionFingerprint;
import fr.preuve.core.search.Filters;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log contract on a real SQLite file, and the trail's health when that file cannot be opened. */
class SqliteAuditLogTest extends AuditLogContract {

    @TempDir
    Path tmp;

    @Override
    String url() {
        return "jdbc:sqlite:" + tmp.resolve("audit.db");
    }

    @Test
    void aTrailThatCannotBeWrittenNeverFailsTheAnswerAndSaysSoInItsHealth() {
        AuditTrail trail = new AuditTrail(() -> JdbcAuditLog.open("jdbc:sqlite:" + tmp.resolve("missing/dir/audit.db")),
                () -> new QuestionFingerprint(new byte[32]), "sqlite", "missing/dir/audit.db",
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        assertThat(trail.health().status()).isEqualTo("idle");
        AuditEntry e = entry("a", "2026-11-22T10:00:00Z", null, List.of());
        Answered answered = new Answered(new Answer("a", "Quelle dose ?", AnswerMode.EXTRACTIVE, "extractif", false,
                fr.preuve.core.answer.Coverage.FULL, "", List.of(),
                List.of(), "fr", "vérifiez", "v1", null, new Timings(1, 1, 2), new fr.preuve.core.answer.Footprint(1, 1, 0, 0, 0), ModelInfo.local(), List.of()),
                new AskedQuestion("Quelle dose ?", "fr", List.of(), "Quelle dose ?"), List.of());
        assertThat(trail.record(answered, Filters.NONE, AuditChannel.API, null, e.time())).isFalse();
        fr.preuve.core.audit.AuditHealth h = trail.health();
        assertThat(h.status()).isEqualTo("failing");
        assertThat(h.failures()).isEqualTo(1);
        assertThat(h.lastFailureAt()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(h.lastFailure()).contains("cannot open the audit database");
        assertThat(trail.check()).isFalse();
        assertThat(trail.health().failures()).isEqualTo(2);

        AuditTrail working = new AuditTrail(() -> JdbcAuditLog.open(url()),
                () -> new QuestionFingerprint(new byte[32]), "sqlite", "audit.db", Clock.systemUTC());
        assertThat(working.check()).isTrue();
        assertThat(working.health().status()).isEqualTo("ok");
        assertThat(working.record(answered, Filters.NONE, AuditChannel.API, null, e.time())).isTrue();
        assertThat(working.log().count()).isEqualTo(1);
    }
}
