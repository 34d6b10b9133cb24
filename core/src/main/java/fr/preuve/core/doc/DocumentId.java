package fr.preuve.core.doc;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable document id, {@code source:native-id}: {@code pubmed:21645374}, {@code has:p_3240117}, {@code has:CT-19691},
 * {@code who:9789241549929}. The native id comes from the source (PMID, HAS id, ISBN...), so re-indexing the same
 * content gives the same id.
 */
public record DocumentId(SourceKind source, String nativeId) {
    private static final Pattern NATIVE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-/]*");

    public DocumentId {
        Objects.requireNonNull(source, "source");
        if (nativeId == null || !NATIVE.matcher(nativeId).matches()) {
            throw new IllegalArgumentException("bad native id '" + nativeId + "' for source " + source.key()
                    + ": letters, digits, '.', '_', '-', '/' only, starting with a letter or digit");
        }
    }

    public static DocumentId of(SourceKind source, String nativeId) {
        return new DocumentId(source, nativeId);
    }

    /** Parses {@code "pubmed:123"}; the message names the bad value. */
    @JsonCreator
    public static DocumentId parse(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("bad document id '" + id + "': expected source:native-id, e.g. pubmed:21645374");
        }
        return new DocumentId(SourceKind.fromKey(id.substring(0, colon)), id.substring(colon + 1));
    }

    @JsonValue
    @Override
    public String toString() {
        return source.key() + ":" + nativeId;
    }
}
