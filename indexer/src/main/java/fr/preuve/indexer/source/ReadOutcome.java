package fr.preuve.indexer.source;

import fr.preuve.core.doc.SourceDocument;
import java.util.Objects;

/** What reading one item of a source gave: a document, or a failure that names where and why. Never null. */
public sealed interface ReadOutcome permits ReadOutcome.Read, ReadOutcome.Failed {

    /** A document parsed successfully. */
    record Read(SourceDocument document) implements ReadOutcome {
        public Read {
            Objects.requireNonNull(document, "document");
        }
    }

    /**
     * An item that could not be read; the rest of the source goes on.
     *
     * @param location file name, with record, line or page where known ({@code "ori_pqal.json#21645374"})
     * @param reason   why, in words a librarian understands ({@code "PDF is encrypted"})
     */
    record Failed(String location, String reason) implements ReadOutcome {
        public Failed {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
