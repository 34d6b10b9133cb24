package fr.preuve.core.search;

/**
 * A vector or hybrid search whose query embedder is not the model the index's vectors were made with: the scores
 * would be meaningless, so the search is refused. BM25 search still works; re-indexing with the corpus's model ends it.
 */
public final class ModelMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String indexModel;
    private final String queryModel;

    public ModelMismatchException(String corpus, String indexModel, String queryModel) {
        super("the index of corpus '" + corpus + "' holds vectors of embedding model '" + indexModel
                + "' but queries are embedded with '" + queryModel + "': run `preuve index` to embed the corpus with "
                + "its declared model (a server re-indexes on start); BM25 search (--retriever bm25) still works");
        this.indexModel = indexModel;
        this.queryModel = queryModel;
    }

    /** The model id recorded with the index. */
    public String indexModel() {
        return indexModel;
    }

    /** The model id of the query embedder. */
    public String queryModel() {
        return queryModel;
    }
}
