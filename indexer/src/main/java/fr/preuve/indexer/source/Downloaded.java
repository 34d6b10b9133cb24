package fr.preuve.indexer.source;

import fr.preuve.indexer.fetch.FetchOutcome;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Helpers for sources that parse downloaded bodies with the file parsers. */
public final class Downloaded {
    private Downloaded() {
    }

    /**
     * Reads a downloaded body with a file source, reporting failures at {@code where} (the URL, or a batch label)
     * instead of the cache file's content-hash name.
     */
    public static void read(DocumentSource parser, Path file, String where, Consumer<ReadOutcome> sink) {
        String blob = file.getFileName().toString();
        parser.read(outcome -> sink.accept(outcome instanceof ReadOutcome.Failed f
                ? new ReadOutcome.Failed(f.location().replace(blob, where), f.reason()) : outcome));
    }

    /** A failed download as a read failure located at its URL. */
    public static ReadOutcome.Failed failure(FetchOutcome.Failed f) {
        return new ReadOutcome.Failed(f.url().toString(), f.reason());
    }
}
