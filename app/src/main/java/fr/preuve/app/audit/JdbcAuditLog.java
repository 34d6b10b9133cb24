package fr.preuve.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.answer.AnswerMode;
import fr.preuve.core.answer.ModelInfo;
import fr.preuve.core.answer.Timings;
import fr.preuve.core.answer.Verdict;
import fr.preuve.core.audit.AuditChannel;
import fr.preuve.core.audit.AuditEntry;
import fr.preuve.core.audit.AuditLog;
import fr.preuve.core.audit.Feedback;
import fr.preuve.core.audit.Rating;
import fr.preuve.core.audit.TimeRange;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.Keyed;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.guard.FindingType;
import fr.preuve.core.search.Filters;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The audit log in a relational database over plain JDBC: SQLite (the default, one file) or PostgreSQL (several
 * instances sharing one trail). The schema is created on open and versioned in {@code schema_version}; what differs
 * between the two is in {@link Dialect}. The code only ever inserts and selects, and triggers in the database refuse
 * any UPDATE or DELETE of entries and feedback. One connection per operation, so a broken connection never sticks and
 * the CLI can write beside a running server (SQLite in WAL mode, waiting up to {@link Defaults#AUDIT_BUSY_TIMEOUT_MS}
 * for the lock).
 */
public final class JdbcAuditLog implements AuditLog {

    /** Version of the schema this code writes. */
    static final int SCHEMA_VERSION = 2;

    /** Reads what it writes, and what a later version may add. */
    private static final ObjectMapper JSON = Yaml.json().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<AuditEntry.SentenceVerdict>> VERDICTS = new TypeReference<>() {
    };

    private static final String ENTRY_COLUMNS = "answer_id, at_ms, at, channel, mode, model_provider, model_name, "
            + "model_endpoint, health_data_approved, corpus_version, corpus_date, language, fingerprint, question, "
            + "finding_types, filters, retrieved, cited, verdicts, supported, unsupported, invalid_citation, delivered, "
            + "abstained, delivered_chars, warnings, retrieval_ms, answer_ms, total_ms, requester";

    private final String url;
    private final Dialect dialect;

    private JdbcAuditLog(String url) {
        this.url = url;
        this.dialect = Dialect.of(url);
    }

    /**
     * Opens the audit database at {@code url}, creating or checking its schema.
     *
     * @throws IllegalStateException when the database cannot be opened or was written by a newer Preuve
     */
    public static JdbcAuditLog open(String url) {
        return open(url, SCHEMA_VERSION);
    }

    /** Opens the database at {@code url}, migrating its schema up to {@code version} only (tests of migrations). */
    static JdbcAuditLog open(String url, int version) {
        JdbcAuditLog log = new JdbcAuditLog(url);
        try (Connection c = log.connect()) {
            log.migrate(c, version);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the audit database " + log.where() + ": " + e.getMessage(), e);
        }
        return log;
    }

    /** Where the trail is: the SQLite file, or the PostgreSQL host and database; never a password. */
    public String where() {
        return Dialect.where(url);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, dialect.connection());
    }

    /**
     * Creates the schema when the database has none, in one transaction; checks its version otherwise. A database
     * already at this version sees only reads, so the account of a running Preuve needs no right to create tables.
     */
    private void migrate(Connection c, int target) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : dialect.session) {
                s.execute(sql);
            }
            c.setAutoCommit(false);
            for (String sql : dialect.migrationLock) {
                s.execute(sql);
            }
            int found = 0;
            if (exists(c, "schema_version")) {
                try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                    if (rs.next()) {
                        found = rs.getInt(1);
                    }
                }
            }
            if (found > SCHEMA_VERSION) {
                throw new SQLException("its schema version is " + found + ", newer than this Preuve's ("
                        + SCHEMA_VERSION + "); upgrade Preuve");
            }
            if (found < 1 && target >= 1) {
                for (String ddl : schemaV1()) {
                    s.execute(ddl);
                }
                applied(c, 1);
            }
            if (found < 2 && target >= 2) { // who asked: the token's or the user's name
                s.execute("ALTER TABLE audit_entry ADD COLUMN requester VARCHAR(200)");
                applied(c, 2);
            }
            c.commit();
        }
    }

    private static void applied(Connection c, int version) throws SQLException {
        try (PreparedStatement v = c.prepareStatement("INSERT INTO schema_version (version, applied_at) "
                + "SELECT CAST(? AS INTEGER), CAST(? AS VARCHAR(40)) WHERE NOT EXISTS (SELECT 1 FROM schema_version WHERE version = ?)")) {
            v.setInt(1, version);
            v.setString(2, Instant.now().toString());
            v.setInt(3, version);
            v.executeUpdate();
        }
    }

    private boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(dialect.tableExists)) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    private List<String> schemaV1() {
        List<String> ddl = new ArrayList<>(List.of(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at VARCHAR(40) NOT NULL)",
                "CREATE TABLE IF NOT EXISTS audit_entry ("
                        + "answer_id VARCHAR(64) NOT NULL PRIMARY KEY, at_ms BIGINT NOT NULL, at VARCHAR(40) NOT NULL, "
                        + "channel VARCHAR(16) NOT NULL, mode VARCHAR(16) NOT NULL, model_provider VARCHAR(32), "
                        + "model_name VARCHAR(200), model_endpoint VARCHAR(200), health_data_approved INTEGER NOT NULL, "
                        + "corpus_version VARCHAR(200), corpus_date VARCHAR(40), language VARCHAR(8), "
                        + "fingerprint VARCHAR(64) NOT NULL, question TEXT, finding_types VARCHAR(200) NOT NULL, "
                        + "filters TEXT NOT NULL, retrieved TEXT NOT NULL, cited TEXT NOT NULL, verdicts TEXT NOT NULL, "
                        + "supported INTEGER NOT NULL, unsupported INTEGER NOT NULL, invalid_citation INTEGER NOT NULL, "
                        + "delivered INTEGER NOT NULL, abstained INTEGER NOT NULL, delivered_chars INTEGER NOT NULL, "
                        + "warnings TEXT NOT NULL, retrieval_ms DOUBLE PRECISION NOT NULL, "
                        + "answer_ms DOUBLE PRECISION NOT NULL, total_ms DOUBLE PRECISION NOT NULL)",
                "CREATE INDEX IF NOT EXISTS audit_entry_at ON audit_entry (at_ms)",
                "CREATE INDEX IF NOT EXISTS audit_entry_fingerprint ON audit_entry (fingerprint)",
                "CREATE TABLE IF NOT EXISTS feedback (id " + dialect.identity + ", "
                        + "answer_id VARCHAR(64) NOT NULL REFERENCES audit_entry (answer_id), at_ms BIGINT NOT NULL, "
                        + "at VARCHAR(40) NOT NULL, rating VARCHAR(16) NOT NULL, correction TEXT, "
                        + "finding_types VARCHAR(200) NOT NULL)",
                "CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at_ms)",
                "CREATE INDEX IF NOT EXISTS feedback_answer ON feedback (answer_id)"));
        ddl.addAll(dialect.appendOnly(List.of("audit_entry", "feedback")));
        return ddl;
    }

    @Override
    public void record(AuditEntry e) {
        String marks = String.join(", ", java.util.Collections.nCopies(30, "?"));
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("INSERT INTO audit_entry (" + ENTRY_COLUMNS + ") VALUES (" + marks + ")")) {
            int i = 1;
            s.setString(i++, e.id());
            s.setLong(i++, e.time().toEpochMilli());
            s.setString(i++, e.time().toString());
            s.setString(i++, e.channel().key());
            s.setString(i++, e.mode().key());
            s.setString(i++, e.model().provider());
            s.setString(i++, e.model().model());
            s.setString(i++, e.model().endpoint());
            s.setInt(i++, e.model().healthDataApproved() ? 1 : 0);
            s.setString(i++, e.corpusVersion());
            s.setString(i++, e.corpusDate());
            s.setString(i++, e.language());
            s.setString(i++, e.fingerprint());
            if (e.question() == null) {
                s.setNull(i++, Types.VARCHAR);
            } else {
                s.setString(i++, e.question());
            }
            s.setString(i++, types(e.findingTypes()));
            s.setString(i++, json(e.filters() == null ? Filters.NONE : e.filters()));
            s.setString(i++, json(e.retrieved()));
            s.setString(i++, json(e.cited()));
            s.setString(i++, json(e.verdicts()));
            s.setLong(i++, e.count(Verdict.SUPPORTED));
            s.setLong(i++, e.count(Verdict.UNSUPPORTED));
            s.setLong(i++, e.count(Verdict.INVALID_CITATION));
            s.setLong(i++, e.delivered());
            s.setInt(i++, e.abstained() ? 1 : 0);
            s.setInt(i++, e.deliveredChars());
            s.setString(i++, json(e.warnings()));
            s.setDouble(i++, e.timings().retrievalMs());
            s.setDouble(i++, e.timings().answerMs());
            s.setDouble(i++, e.timings().totalMs());
            s.setString(i, e.requester());
            s.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot write audit entry " + e.id() + " to " + where() + ": "
                    + ex.getMessage(), ex);
        }
    }

    @Override
    public Optional<Feedback> feedback(String answerId, Rating rating, String correction, List<FindingType> removed,
                                       Instant time) {
        try (Connection c = connect()) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM audit_entry WHERE answer_id = ?")) {
                q.setString(1, answerId);
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO feedback (answer_id, at_ms, at, rating, "
                    + "correction, finding_types) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, answerId);
                s.setLong(2, time.toEpochMilli());
                s.setString(3, time.toString());
                s.setString(4, rating.key());
                if (correction == null) {
                    s.setNull(5, Types.VARCHAR);
                } else {
                    s.setString(5, correction);
                }
                s.setString(6, types(removed));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no id for the new feedback");
                    }
                    return Optional.of(new Feedback(keys.getLong(1), answerId, time, rating, correction, removed));
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot write feedback on answer " + answerId + " to " + where() + ": "
                    + ex.getMessage(), ex);
        }
    }

    @Override
    public List<AuditEntry> entries(TimeRange range, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        List<AuditEntry> out = new ArrayList<>();
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM audit_entry "
                     + "WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms, answer_id LIMIT ?")) {
            s.setLong(1, range.from().toEpochMilli());
            s.setLong(2, range.to().toEpochMilli());
            s.setInt(3, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read the audit entries from " + where() + ": " + ex.getMessage(), ex);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getString("answer_id"), Instant.ofEpochMilli(rs.getLong("at_ms")),
                Keyed.fromKey(AuditChannel.class, "audit channel", rs.getString("channel")),
                Keyed.fromKey(AnswerMode.class, "answer mode", rs.getString("mode")),
                new ModelInfo(rs.getString("model_provider"), rs.getString("model_name"), rs.getString("model_endpoint"),
                        rs.getInt("health_data_approved") == 1),
                rs.getString("corpus_version"), rs.getString("corpus_date"), rs.getString("language"),
                rs.getString("fingerprint"), rs.getString("question"), types(rs.getString("finding_types")),
                read(rs.getString("filters"), new TypeReference<Filters>() {
                }), read(rs.getString("retrieved"), STRINGS), read(rs.getString("cited"), STRINGS),
                read(rs.getString("verdicts"), VERDICTS), rs.getInt("abstained") == 1, rs.getInt("delivered_chars"),
                read(rs.getString("warnings"), STRINGS),
                new Timings(rs.getDouble("retrieval_ms"), rs.getDouble("answer_ms"), rs.getDouble("total_ms")),
                rs.getString("requester"));
    }

    @Override
    public List<Feedback> feedback(TimeRange range) {
        List<Feedback> out = new ArrayList<>();
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT id, answer_id, at_ms, rating, correction, finding_types "
                     + "FROM feedback WHERE at_ms >= ? AND at_ms < ? ORDER BY at_ms, id")) {
            s.setLong(1, range.from().toEpochMilli());
            s.setLong(2, range.to().toEpochMilli());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Feedback(rs.getLong("id"), rs.getString("answer_id"),
                            Instant.ofEpochMilli(rs.getLong("at_ms")), Rating.fromKey(rs.getString("rating")),
                            rs.getString("correction"), types(rs.getString("finding_types"))));
                }
            }
            return out;
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read the feedback from " + where() + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public long count() {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_entry")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot count the audit entries in " + where() + ": " + ex.getMessage(), ex);
        }
    }

    /** Nothing to release: connections are opened per operation. */
    @Override
    public void close() {
    }

    private static String types(List<FindingType> types) {
        return String.join(" ", types.stream().map(FindingType::key).toList());
    }

    private static List<FindingType> types(String keys) {
        return keys == null || keys.isBlank() ? List.of()
                : Arrays.stream(keys.split(" ")).map(FindingType::fromKey).toList();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) throws SQLException {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored value is not the JSON this Preuve writes: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JdbcAuditLog[" + where() + "]";
    }
}
