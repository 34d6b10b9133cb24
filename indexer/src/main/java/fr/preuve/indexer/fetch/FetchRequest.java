package fr.preuve.indexer.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * One GET.
 *
 * @param uri    what to download
 * @param accept the {@code Accept} header, or null for any
 * @param reuse  true when a body already in the download cache for this URL may be used without asking the server
 *               (immutable resources: a HAS upload, an IRIS bitstream); false to ask again, conditionally when the
 *               cache holds validators (ETag, Last-Modified)
 */
public record FetchRequest(URI uri, String accept, boolean reuse) {
    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
    }

    /** A fresh GET, revalidated against the cache when possible. */
    public static FetchRequest get(URI uri) {
        return new FetchRequest(uri, null, false);
    }

    /** A GET of an immutable resource: a cached copy is used without a request. */
    public static FetchRequest immutable(URI uri) {
        return new FetchRequest(uri, null, true);
    }

    public FetchRequest accepting(String mediaType) {
        return new FetchRequest(uri, mediaType, reuse);
    }
}
