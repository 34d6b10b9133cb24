package fr.preuve.core.config;

import java.util.Locale;

/**
 * Where the audit trail is written and with which fingerprint key (see {@code docs/audit.md}).
 *
 * @param url JDBC URL of the audit database ({@code audit.url}, {@code PREUVE_AUDIT_URL}); null for the default SQLite
 *            file {@code $PREUVE_HOME/audit.db}
 * @param key secret key of the question fingerprints ({@code PREUVE_AUDIT_KEY}, never in the YAML file, never
 *            printed); null to use (or generate) {@code $PREUVE_HOME/audit.key}
 */
public record AuditSettings(String url, String key) {
    public AuditSettings {
        url = url == null || url.isBlank() ? null : url.strip();
        key = key == null || key.isEmpty() ? null : key;
        if (url != null && !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("audit.url must be a JDBC URL (jdbc:sqlite:FILE or jdbc:postgresql://...),"
                    + " got '" + url + "'");
        }
        if (key != null && key.length() < Defaults.AUDIT_MIN_KEY_CHARS) {
            throw new IllegalArgumentException("PREUVE_AUDIT_KEY must be at least " + Defaults.AUDIT_MIN_KEY_CHARS
                    + " characters long, got " + key.length());
        }
    }

    /** The SQLite file in the home directory, a key generated on first use. */
    public static AuditSettings defaults() {
        return new AuditSettings(null, null);
    }

    /** Never prints the key (nor a password in the URL's query). */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AuditSettings[url=%s, key=%s]", url == null ? "default" : url.replaceAll(
                "(?i)(password=)[^&;]*", "$1***"), key == null ? "file" : "***");
    }
}
