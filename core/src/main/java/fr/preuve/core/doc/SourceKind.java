package fr.preuve.core.doc;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of source Preuve indexes; the prefix of every document id ({@code pubmed:12345}). */
public enum SourceKind {
    PUBMED("pubmed", "PubMed"),
    PMC("pmc", "PubMed Central"),
    HAS("has", "HAS"),
    WHO("who", "WHO / OMS"),
    WEB("web", "Web"),
    LOCAL("local", "Local files");

    private final String key;
    private final String label;

    SourceKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The lower-case key used in ids, filters and JSON ({@code "pubmed"}). */
    @JsonValue
    public String key() {
        return key;
    }

    /** A human label ({@code "PubMed"}). */
    public String label() {
        return label;
    }

    /** Parses a key such as {@code "has"}; the message names the bad value and the accepted ones. */
    public static SourceKind fromKey(String key) {
        if (key != null) {
            String k = key.trim().toLowerCase(Locale.ROOT);
            for (SourceKind kind : values()) {
                if (kind.key.equals(k)) {
                    return kind;
                }
            }
        }
        throw new IllegalArgumentException("unknown source '" + key + "'; expected one of " + keys());
    }

    public static String keys() {
        return Arrays.stream(values()).map(SourceKind::key).collect(Collectors.joining(", "));
    }
}
