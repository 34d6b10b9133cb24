package fr.preuve.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.Answered;
import fr.preuve.core.answer.AskedQuestion;
import fr.preuve.core.answer.ModelInfo;
import fr.preuve.core.answer.Timings;
import fr.preuve.core.answer.Verdict;
import fr.preuve.core.audit.AuditEntry;
import fr.preuve.core.audit.Feedback;
import fr.preuve.core.audit.Rating;
import fr.preuve.core.audit.TimeRange;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.core.guard.FindingType;
import fr.preuve.core.search.Filters;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite audit log on a real file: round trip, periods, feedback, append-only, schema versions. */
class JdbcAuditLogTest {

    @TempDir
    Path tmp;

    static AuditEntry entry(String id, String time, String question, List<FindingType> found) {
        return new AuditEntry(id, Instant.parse(time), "api", "generative",
                new ModelInfo("openai", "mistral-small", "vllm-chu", false), "smoke-20261122-3f2a9c1b",
                "2026-11-22T08:00:00Z", "fr", "0f".repeat(32), question, found,
                new Filters(Set.of(SourceKind.HAS), Set.of("fr"), 2020, 2024), List.of("has:p_1#0", "has:p_1#1"),
                List.of("has:p_1#0"), List.of(new AuditEntry.SentenceVerdict(Verdict.SUPPORTED, true, List.of(1)),
                new AuditEntry.SentenceVerdict(Verdict.INVALID_CITATION, false, List.of(9))), false, 210,
                List.of("1 phrase du modèle a été retirée."), new Timings(40.5, 900.25, 940.75));
    }

    String url() {
        return "jdbc:sqlite:" + tmp.resolve("audit.db");
    }

    @Test
    void entriesComeBackAsWrittenWithinTheirPeriodOldestFirst() {
        JdbcAuditLog log = JdbcAuditLog.open(url());
        AuditEntry late = entry("b", "2026-11-23T00:00:00Z", null, List.of(FindingType.NAME, FindingType.NIR));
        AuditEntry early = entry("a", "2026-11-22T23:59:59.999Z", "Quelle dose ?", List.of());
        log.record(late);
        log.record(early);
        assertThat(log.count()).isEqualTo(2);
        assertThat(log.entries(TimeRange.all(), 10)).containsExactly(early, late);
        assertThat(log.entries(TimeRange.days("2026-11-22", "2026-11-22"), 10)).containsExactly(early);
        assertThat(log.entries(TimeRange.days("2026-11-23", null), 10)).containsExactly(late);
        assertThat(log.entries(TimeRange.all(), 1)).containsExactly(early);
        assertThatThrownBy(() -> log.record(early)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot write audit entry a");
    }

    @Test
    void feedbackIsStoredForKnownAnswersOnly() {
        JdbcAuditLog log = JdbcAuditLog.open(url());
        log.record(entry("a", "2026-11-22T10:00:00Z", "Quelle dose ?", List.of()));
        Instant t = Instant.parse("2026-11-22T11:00:00Z");
        Feedback first = log.feedback("a", Rating.INCORRECT, "Mme [NOM] : la dose est de 2 g.", List.of(FindingType.NAME), t)
                .orElseThrow();
        Feedback second = log.feedback("a", Rating.USEFUL, null, List.of(), t.plusSeconds(1)).orElseThrow();
        assertThat(second.id()).isGreaterThan(first.id());
        assertThat(log.feedback("nope", Rating.USEFUL, null, List.of(), t)).isEmpty();
        assertThat(log.feedback(TimeRange.all())).containsExactly(first, second);
        assertThat(log.feedback(TimeRange.days("2026-11-23", null))).isEmpty();
    }

    @Test
    void theTrailIsAppendOnlyAndReopeningAddsToIt() throws Exception {
        JdbcAuditLog log = JdbcAuditLog.open(url());
        log.record(entry("a", "2026-11-22T10:00:00Z", "Quelle dose ?", List.of()));
        log.feedback("a", Rating.USEFUL, null, List.of(), Instant.parse("2026-11-22T10:01:00Z"));
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            for (String sql : List.of("UPDATE audit_entry SET question = 'x'", "DELETE FROM audit_entry",
                    "UPDATE feedback SET rating = 'incorrect'", "DELETE FROM feedback")) {
                assertThatThrownBy(() -> s.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        JdbcAuditLog again = JdbcAuditLog.open(url());
        again.record(entry("b", "2026-11-22T12:00:00Z", null, List.of(FindingType.NIR)));
        assertThat(again.entries(TimeRange.all(), 10)).extracting(AuditEntry::id).containsExactly("a", "b");
        assertThat(again.entries(TimeRange.all(), 10).get(0).question()).isEqualTo("Quelle dose ?");
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(JdbcAuditLog.SCHEMA_VERSION);
            assertThat(rs.next()).as("one version row after two opens").isFalse();
        }
    }

    @Test
    void aNewerSchemaOrAnotherDatabaseIsRefusedClearly() throws Exception {
        JdbcAuditLog.open(url());
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version (version, applied_at) VALUES (2, '2030-01-01T00:00:00Z')");
        }
        assertThatThrownBy(() -> JdbcAuditLog.open(url())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema version is 2, newer than this Preuve's (1)");
        assertThatThrownBy(() -> JdbcAuditLog.open("jdbc:mysql://db/preuve?password=x"))
                .hasMessage("unsupported audit database 'jdbc:mysql://db/preuve'; expected jdbc:sqlite:FILE or "
                        + "jdbc:postgresql://HOST/DB");
    }

    @Test
    void aTrailThatCannotBeWrittenNeverFailsTheAnswerAndSaysSoInItsHealth() {
        AuditTrail trail = new AuditTrail(() -> JdbcAuditLog.open("jdbc:sqlite:" + tmp.resolve("missing/dir/audit.db")),
                () -> new fr.preuve.core.audit.QuestionFingerprint(new byte[32]), "sqlite", "missing/dir/audit.db",
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        assertThat(trail.health().status()).isEqualTo("idle");
        AuditEntry e = entry("a", "2026-11-22T10:00:00Z", null, List.of());
        Answered answered = new Answered(new Answer("a", "Quelle dose ?", "extractive", "extractif", false, "", List.of(),
                List.of(), "fr", "vérifiez", "v1", null, new Timings(1, 1, 2), ModelInfo.local(), List.of()),
                new AskedQuestion("Quelle dose ?", "fr", List.of(), "Quelle dose ?"), List.of());
        assertThat(trail.record(answered, Filters.NONE, "api", e.time())).isFalse();
        AuditTrail.Health h = trail.health();
        assertThat(h.status()).isEqualTo("failing");
        assertThat(h.failures()).isEqualTo(1);
        assertThat(h.lastFailureAt()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(h.lastFailure()).contains("cannot open the audit database");
        assertThat(trail.check()).isFalse();
        assertThat(trail.health().failures()).isEqualTo(2);

        AuditTrail working = new AuditTrail(() -> JdbcAuditLog.open(url()),
                () -> new fr.preuve.core.audit.QuestionFingerprint(new byte[32]), "sqlite", "audit.db", Clock.systemUTC());
        assertThat(working.check()).isTrue();
        assertThat(working.health().status()).isEqualTo("ok");
        assertThat(working.record(answered, Filters.NONE, "api", e.time())).isTrue();
        assertThat(working.log().count()).isEqualTo(1);
    }
}
