package fr.preuve.indexer.fetch;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/** What a {@link Fetcher} gave: a body (downloaded now or kept from an earlier download), or a failure with its reason. */
public sealed interface FetchOutcome permits FetchOutcome.Body, FetchOutcome.Failed {

    /** The URL asked for. */
    URI url();

    /** A body on disk, in the content-addressed download cache. */
    sealed interface Body extends FetchOutcome permits Fetched, NotModified {
        /** The file holding the body (read-only; shared by every URL with the same content). */
        Path file();

        /** SHA-256 of the body, hex. */
        String sha256();

        /** The {@code Content-Type} the server sent, or null. */
        String contentType();
    }

    /**
     * Downloaded by this request.
     *
     * @param finalUrl the URL after redirects
     */
    record Fetched(URI url, URI finalUrl, Path file, String sha256, String contentType) implements Body {
        public Fetched {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * Not downloaded again: the server answered 304 to a conditional GET ({@code revalidated}), or the request allowed
     * reusing the cached copy of an immutable resource.
     */
    record NotModified(URI url, Path file, String sha256, String contentType, boolean revalidated) implements Body {
        public NotModified {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(file, "file");
        }
    }

    /**
     * Nothing usable.
     *
     * @param status the last HTTP status, or 0 when no answer came (refused URL, network error, robots.txt)
     * @param reason why, in words ({@code "HTTP 404 Not Found"}, {@code "host evil.example is not allowed"})
     */
    record Failed(URI url, int status, String reason) implements FetchOutcome {
        public Failed {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
