package fr.preuve.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.answer.AnswerMode;
import fr.preuve.core.answer.ModelInfo;
import fr.preuve.core.answer.Timings;
import fr.preuve.core.answer.Verdict;
import fr.preuve.core.audit.AuditChannel;
import fr.preuve.core.audit.AuditEntry;
import fr.preuve.core.audit.Feedback;
import fr.preuve.core.audit.Rating;
import fr.preuve.core.audit.TimeRange;
import fr.preuve.core.doc.SourceKind;
import fr.preuve.core.guard.FindingType;
import fr.preuve.core.search.Filters;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every audit database must do, run against a real one by each subclass: round trip, periods, feedback for
 * known answers only, append-only enforced by the database itself, reopening adds without rewriting, schema versions,
 * and two Preuve instances writing to the same trail at once losing nothing.
 */
abstract class AuditLogContract {

    /** JDBC URL of an empty database for the current test. */
    abstract String url();

    /** A connection to that database with the rights of its owner, to try what Preuve never does. */
    Connection admin() throws SQLException {
        return DriverManager.getConnection(url());
    }

    static AuditEntry entry(String id, String time, String question, List<FindingType> found) {
        return new AuditEntry(id, Instant.parse(time), AuditChannel.API, AnswerMode.GENERATIVE,
                new ModelInfo("openai", "mistral-small", "vllm-chu", false), "smoke-20261122-3f2a9c1b",
                "2026-11-22T08:00:00Z", "fr", "0f".repeat(32), question, found,
                new Filters(Set.of(SourceKind.HAS), Set.of("fr"), 2020, 2024), List.of("has:p_1#0", "has:p_1#1"),
                List.of("has:p_1#0"), List.of(new AuditEntry.SentenceVerdict(Verdict.SUPPORTED, true, List.of(1)),
                new AuditEntry.SentenceVerdict(Verdict.INVALID_CITATION, false, List.of(9))), false, 210,
                List.of("1 phrase du modèle a été retirée."), new Timings(40.5, 900.25, 940.75), "dr.martin");
    }

    @Test
    void entriesComeBackAsWrittenWithinTheirPeriodOldestFirst() {
        JdbcAuditLog log = JdbcAuditLog.open(url());
        AuditEntry late = entry("b", "2026-11-23T00:00:00Z", null, List.of(FindingType.NAME, FindingType.NIR));
        AuditEntry early = entry("a", "2026-11-22T23:59:59.999Z", "Quelle dose ? « 2 g » — ½ cp", List.of());
        AuditEntry approved = new AuditEntry("c", Instant.parse("2026-11-22T12:00:00Z"), AuditChannel.CLI, AnswerMode.EXTRACTIVE,
                ModelInfo.local(), "v1", null, "en", "ab".repeat(32), "salt", List.of(),
                Filters.NONE, List.of(), List.of(), List.of(), true, 0, List.of(), new Timings(0, 0, 0), null);
        log.record(late);
        log.record(early);
        log.record(approved);
        assertThat(log.count()).isEqualTo(3);
        assertThat(log.entries(TimeRange.all(), 10)).containsExactly(approved, early, late);
        assertThat(log.entries(TimeRange.days("2026-11-22", "2026-11-22"), 10)).containsExactly(approved, early);
        assertThat(log.entries(TimeRange.days("2026-11-23", null), 10)).containsExactly(late);
        assertThat(log.entries(TimeRange.all(), 1)).containsExactly(approved);
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
    void theDatabaseRefusesToUpdateOrDeleteTheTrailAndReopeningAddsToIt() throws Exception {
        JdbcAuditLog log = JdbcAuditLog.open(url());
        log.record(entry("a", "2026-11-22T10:00:00Z", "Quelle dose ?", List.of()));
        log.feedback("a", Rating.USEFUL, null, List.of(), Instant.parse("2026-11-22T10:01:00Z"));
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String sql : List.of("UPDATE audit_entry SET question = 'x'", "DELETE FROM audit_entry",
                    "UPDATE feedback SET rating = 'incorrect'", "DELETE FROM feedback WHERE answer_id = 'a'")) {
                assertThatThrownBy(() -> s.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining(Dialect.APPEND_ONLY);
            }
        }
        JdbcAuditLog again = JdbcAuditLog.open(url());
        again.record(entry("b", "2026-11-22T12:00:00Z", null, List.of(FindingType.NIR)));
        assertThat(again.entries(TimeRange.all(), 10)).extracting(AuditEntry::id).containsExactly("a", "b");
        assertThat(again.entries(TimeRange.all(), 10).get(0).question()).isEqualTo("Quelle dose ?");
        assertThat(again.feedback(TimeRange.all())).extracting(Feedback::rating).containsExactly(Rating.USEFUL);
        try (Connection c = admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            for (int v = 1; v <= JdbcAuditLog.SCHEMA_VERSION; v++) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(v);
            }
            assertThat(rs.next()).as("one row per version after two opens").isFalse();
        }
    }

    @Test
    void aTrailOfTheFirstSchemaGainsTheRequesterAndKeepsItsRules() throws Exception {
        JdbcAuditLog.open(url(), 1);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT requester FROM audit_entry")).isInstanceOf(SQLException.class);
        }
        JdbcAuditLog log = JdbcAuditLog.open(url());
        log.record(entry("a", "2026-11-22T10:00:00Z", "Quelle dose ?", List.of()));
        assertThat(log.entries(TimeRange.all(), 10)).singleElement()
                .satisfies(e -> assertThat(e.requester()).isEqualTo("dr.martin"));
        try (Connection c = admin(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET requester = 'someone-else'"))
                    .hasMessageContaining(Dialect.APPEND_ONLY);
        }
    }

    @Test
    void aNewerSchemaIsRefusedClearly() throws Exception {
        JdbcAuditLog.open(url());
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO schema_version (version, applied_at) VALUES (3, '2030-01-01T00:00:00Z')");
        }
        assertThatThrownBy(() -> JdbcAuditLog.open(url())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema version is 3, newer than this Preuve's (2)");
    }

    /** The multi-instance case: two logs on one trail, each written by its own thread, interleaved. */
    @Test
    void twoInstancesWritingTogetherLoseNothing() throws Exception {
        JdbcAuditLog first = JdbcAuditLog.open(url());
        JdbcAuditLog second = JdbcAuditLog.open(url());
        int each = 25;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Long>>> runs = new ArrayList<>();
            for (JdbcAuditLog log : List.of(first, second)) {
                String name = log == first ? "one" : "two";
                Callable<List<Long>> writer = () -> {
                    go.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String id = String.format(Locale.ROOT, "%s-%03d", name, i);
                        log.record(entry(id, "2026-11-22T10:00:00Z", "question " + id, List.of()));
                        // rate an answer the other instance wrote, when there is one yet
                        String other = String.format(Locale.ROOT, "%s-%03d", log == first ? "two" : "one", i);
                        ids.add(log.feedback(id, Rating.USEFUL, null, List.of(), Instant.parse("2026-11-22T11:00:00Z"))
                                .orElseThrow().id());
                        log.feedback(other, Rating.INCORRECT, null, List.of(), Instant.parse("2026-11-22T11:00:00Z"))
                                .ifPresent(f -> ids.add(f.id()));
                    }
                    return ids;
                };
                runs.add(pool.submit(writer));
            }
            go.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<List<Long>> run : runs) {
                ids.addAll(run.get());
            }
            List<String> expected = IntStream.range(0, each).boxed()
                    .flatMap(i -> java.util.stream.Stream.of("one", "two")
                            .map(n -> String.format(Locale.ROOT, "%s-%03d", n, i)))
                    .sorted().toList();
            assertThat(second.count()).isEqualTo(2L * each);
            assertThat(first.entries(TimeRange.all(), 1000)).extracting(AuditEntry::id)
                    .containsExactlyElementsOf(expected);
            assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2 * each);
            assertThat(second.feedback(TimeRange.all())).extracting(Feedback::id)
                    .containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            pool.shutdownNow();
        }
    }
}
