package fr.preuve.app.audit;

import fr.preuve.core.answer.Answered;
import fr.preuve.core.audit.AuditChannel;
import fr.preuve.core.audit.AuditEntry;
import fr.preuve.core.audit.AuditHealth;
import fr.preuve.core.audit.AuditKey;
import fr.preuve.core.audit.AuditLog;
import fr.preuve.core.audit.QuestionFingerprint;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.search.Filters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application's side of the audit trail: opens the log and the fingerprint key on first use, records
 * answers without ever failing them, and reports its health.
 *
 * <p>Policy (docs/audit.md): an answer whose entry cannot be written is still delivered. Refusing it would make a
 * database outage stop clinicians from reading the literature, while the answer itself holds nothing the trail
 * protects. Instead the failure is logged as an error with the answer's id (never the question), counted, and
 * {@code GET /api/status} reports the trail as {@code failing} until a write succeeds again.
 */
public final class AuditTrail implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final Supplier<AuditLog> opener;
    private final Supplier<QuestionFingerprint> keyLoader;
    private final String database;
    private final String where;
    private final Clock clock;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile AuditLog log;
    private volatile QuestionFingerprint fingerprint;
    private volatile boolean failing;
    private volatile String lastFailure;
    private volatile Instant lastFailureAt;

    /**
     * @param database {@code sqlite} or {@code postgresql}, as {@code /api/status} shows it
     * @param where    where the trail is, for the console (a file path or host and database; never a password)
     */
    AuditTrail(Supplier<AuditLog> opener, Supplier<QuestionFingerprint> keyLoader, String database, String where,
               Clock clock) {
        this.opener = opener;
        this.keyLoader = keyLoader;
        this.database = database;
        this.where = where;
        this.clock = clock;
    }

    /** The trail configured in {@code config}: nothing is opened or created until first used. */
    public static AuditTrail of(PreuveConfig config, Clock clock) {
        String url = config.auditUrl();
        boolean sqliteHome = config.audit().url() == null;
        String database = url.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL.key : Dialect.SQLITE.key;
        return new AuditTrail(() -> {
            if (sqliteHome) {
                createPrivate(config.home().resolve(Defaults.AUDIT_DB_FILE));
            }
            return JdbcAuditLog.open(url);
        }, () -> new QuestionFingerprint(AuditKey.resolve(config.audit().key(), config.auditKeyFile(),
                Defaults.AUDIT_KEY_BYTES)), database, Dialect.where(url), clock);
    }

    /** The open audit log; throws {@link IllegalStateException} naming the problem when it cannot be opened. */
    public AuditLog log() {
        AuditLog l = log;
        if (l == null) {
            synchronized (this) {
                if (log == null) {
                    log = opener.get();
                }
                l = log;
            }
        }
        return l;
    }

    /** The keyed question fingerprint; throws {@link IllegalStateException} when the key cannot be read or made. */
    public QuestionFingerprint fingerprint() {
        QuestionFingerprint f = fingerprint;
        if (f == null) {
            synchronized (this) {
                if (fingerprint == null) {
                    fingerprint = keyLoader.get();
                }
                f = fingerprint;
            }
        }
        return f;
    }

    /**
     * Records an answer given over {@code channel} to a question that arrived at {@code time}; never throws. Returns
     * whether it was written; when not, the failure is logged with the answer's id and counted.
     */
    public boolean record(Answered answered, Filters filters, AuditChannel channel, String requester, Instant time) {
        String answerId = answered.answer().id();
        try {
            log().record(AuditEntry.of(answered, filters, channel, time, fingerprint(), requester));
            recorded.incrementAndGet();
            failing = false;
            return true;
        } catch (RuntimeException e) {
            failed(e);
            LOG.error("audit: answer {} was delivered but not recorded: {}", answerId, e.getMessage());
            return false;
        }
    }

    /**
     * Opens the log and the key now rather than at the first answer, so a server reports a broken trail at start;
     * never throws. Returns whether both could be opened; when not, the failure is logged and counted.
     */
    public boolean check() {
        try {
            log();
            fingerprint();
            failing = false;
            return true;
        } catch (RuntimeException e) {
            failed(e);
            LOG.error("audit: the trail cannot be opened; answers will be delivered but not recorded: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Whether answers are being recorded: the trail opens (tried now if it never did, as {@link #check()}) and its
     * last write did not fail; never throws.
     */
    public boolean writable() {
        return log == null || fingerprint == null ? check() : !failing;
    }

    /** Counts a failure; the message names the database and the cause, never a question (JDBC binds values). */
    private void failed(RuntimeException e) {
        failures.incrementAndGet();
        failing = true;
        lastFailure = e.getMessage();
        lastFailureAt = clock.instant();
    }

    /** Where the trail is: the SQLite file, or the PostgreSQL host and database (never a password). */
    public String where() {
        return where;
    }

    /** {@code ok} (or {@code idle} before any use), or {@code failing} since the last write failed. */
    public AuditHealth health() {
        String status = failing ? "failing" : log == null ? "idle" : "ok";
        return new AuditHealth(status, database, recorded.get(), failures.get(), lastFailure,
                lastFailureAt == null ? null : lastFailureAt.toString());
    }

    @Override
    public void close() {
        AuditLog l = log;
        if (l != null) {
            l.close();
        }
    }

    /** Creates the SQLite file readable by its owner only, before SQLite creates it with the default umask. */
    private static void createPrivate(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file) && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE)));
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another process created it
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the audit database " + file + ": " + e, e);
        }
    }
}
