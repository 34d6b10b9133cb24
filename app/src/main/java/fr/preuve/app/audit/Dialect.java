package fr.preuve.app.audit;

import fr.preuve.core.config.Defaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Everything the audit log's SQL does differently on the databases Preuve supports; the rest of the schema and every
 * query are portable (times as epoch milliseconds plus ISO text, booleans as 0/1 integers). Both dialects refuse
 * UPDATE and DELETE of audit rows in the database itself, with the message {@link #APPEND_ONLY}.
 */
enum Dialect {
    /** One file, WAL mode so the CLI can write beside a running server; row triggers raise on UPDATE/DELETE. */
    SQLITE("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT",
            List.of("PRAGMA journal_mode=WAL"),
            List.of(),
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?") {
        @Override
        List<String> appendOnly(List<String> tables) {
            List<String> ddl = new ArrayList<>();
            for (String table : tables) {
                for (String op : List.of("UPDATE", "DELETE")) {
                    ddl.add("CREATE TRIGGER IF NOT EXISTS " + table + "_no_" + op.toLowerCase(Locale.ROOT)
                            + " BEFORE " + op + " ON " + table + " BEGIN SELECT RAISE(ABORT, '" + APPEND_ONLY
                            + "'); END");
                }
            }
            return ddl;
        }

        @Override
        Properties connection() {
            Properties p = new Properties();
            p.setProperty("busy_timeout", Integer.toString(Defaults.AUDIT_BUSY_TIMEOUT_MS));
            p.setProperty("foreign_keys", "true");
            return p;
        }
    },

    /**
     * Several instances sharing one trail (PostgreSQL 14 or newer). Migrations take a transaction-scoped advisory lock
     * so instances starting together create the schema once; a plpgsql trigger function raises on UPDATE, DELETE and
     * TRUNCATE (which skips row triggers) of either table.
     */
    POSTGRESQL("postgresql", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
            List.of(),
            List.of("SELECT pg_advisory_xact_lock(" + 0x7072_6575_7665L + ")"),
            "SELECT 1 WHERE to_regclass(?) IS NOT NULL") {
        @Override
        List<String> appendOnly(List<String> tables) {
            List<String> ddl = new ArrayList<>(List.of("CREATE OR REPLACE FUNCTION preuve_audit_append_only() "
                    + "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '" + APPEND_ONLY
                    + " (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$"));
            for (String table : tables) {
                ddl.add("CREATE OR REPLACE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON "
                        + table + " FOR EACH STATEMENT EXECUTE FUNCTION preuve_audit_append_only()");
            }
            return ddl;
        }

        @Override
        Properties connection() {
            return new Properties();
        }
    };

    /** What the database answers to an UPDATE or DELETE of the trail. */
    static final String APPEND_ONLY = "the audit trail is append-only";

    /** As {@code GET /api/status} names the database. */
    final String key;
    /** Column definition of {@code feedback.id}: assigned by the database, increasing. */
    final String identity;
    /** Run outside any transaction each time the database is opened. */
    final List<String> session;
    /** Run first in the migration's transaction: serialises instances migrating together. */
    final List<String> migrationLock;
    /** One row when the table named by the parameter exists (unqualified, as the DDL creates it). */
    final String tableExists;

    Dialect(String key, String identity, List<String> session, List<String> migrationLock, String tableExists) {
        this.key = key;
        this.identity = identity;
        this.session = session;
        this.migrationLock = migrationLock;
        this.tableExists = tableExists;
    }

    /** DDL making {@code tables} refuse UPDATE and DELETE with {@link #APPEND_ONLY}. */
    abstract List<String> appendOnly(List<String> tables);

    /** Connection properties: never credentials, which stay in the URL (or PostgreSQL's {@code ~/.pgpass}). */
    abstract Properties connection();

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException naming the URL without its parameters (which may hold a password)
     */
    static Dialect of(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported audit database '" + bare(url)
                + "'; expected jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB");
    }

    /**
     * Where the trail of {@code url} is, safe to print: the SQLite file, or the PostgreSQL host and database; never
     * the URL's parameters or user information, which may hold a password.
     */
    static String where(String url) {
        String bare = bare(url);
        if (bare.startsWith("jdbc:sqlite:")) {
            return bare.substring("jdbc:sqlite:".length());
        }
        return bare.startsWith("jdbc:") ? bare.substring("jdbc:".length()) : bare;
    }

    /** {@code url} without its parameters and user information. */
    private static String bare(String url) {
        return url.replaceAll("[?;].*", "").replaceFirst("//[^/@]*@", "//");
    }
}
