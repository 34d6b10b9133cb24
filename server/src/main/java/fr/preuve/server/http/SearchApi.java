package fr.preuve.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.Retriever;
import fr.preuve.core.search.SearchHit;
import fr.preuve.core.search.SearchQuery;
import fr.preuve.core.search.SearchResult;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /api/search}: ranked passages with each retriever's scores, by query parameters or by a JSON body. */
final class SearchApi {
    private final Backend backend;
    private final JsonBodies bodies;

    SearchApi(Backend backend, JsonBodies bodies) {
        this.backend = backend;
        this.bodies = bodies;
    }

    /** {@code GET /api/search?q=&k=&source=&lang=&from=&to=&type=&retriever=&maxPerDoc=}. */
    void get(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        Filters filters = RequestParams.filters(params);
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) {
            throw ApiError.badRequest("parameter q (the query) is missing or empty");
        }
        RequestParams.limited(backend, "q", q);
        int k = ctx.queryParam("k") == null ? backend.config().search().k()
                : RequestParams.integer("k", ctx.queryParam("k"), 1, Defaults.SEARCH_MAX_K);
        Integer maxPerDoc = ctx.queryParam("maxPerDoc") == null ? null
                : RequestParams.integer("maxPerDoc", ctx.queryParam("maxPerDoc"), 1, 1000);
        Retriever retriever = RequestParams.retriever(ctx.queryParam("retriever"));
        searched(ctx, q, k, filters, retriever, maxPerDoc);
    }

    /**
     * {@code POST /api/search} with {@code {"q", "k"?, "filters"?, "retriever"?, "maxPerDoc"?}}: the same search,
     * with the query out of the URL (the page uses it).
     */
    void post(Context ctx) {
        JsonNode body = bodies.object(ctx, "{\"q\": \"...\", \"k\": 10}");
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("q", "k", "filters", "retriever", "maxPerDoc").contains(f)) {
                throw ApiError.badRequest("unknown field '" + f + "'; expected q, k, filters, retriever and maxPerDoc");
            }
        }
        JsonNode q = body.get("q");
        if (q == null || !q.isTextual() || q.asText().isBlank()) {
            throw ApiError.badRequest("field q (the query) is missing, empty or not a string");
        }
        RequestParams.limited(backend, "q", q.asText());
        int k = body.has("k") ? RequestParams.integer("k", body.get("k").asText(), 1, Defaults.SEARCH_MAX_K)
                : backend.config().search().k();
        Integer maxPerDoc = body.has("maxPerDoc") ? RequestParams.integer("maxPerDoc", body.get("maxPerDoc").asText(), 1, 1000)
                : null;
        Retriever retriever = RequestParams.retriever(body.has("retriever") ? body.get("retriever").asText() : null);
        searched(ctx, q.asText(), k, RequestParams.filters(body.get("filters")), retriever, maxPerDoc);
    }

    private void searched(Context ctx, String q, int k, Filters filters, Retriever retriever, Integer maxPerDoc) {
        SearchResult result = backend.searcher().search(new SearchQuery(q, k, filters, retriever, maxPerDoc));
        ctx.json(new SearchResponse(q, k, retriever.key(), filters, result.hits().stream().map(SearchResponse.Hit::of).toList(),
                new SearchResponse.Timings(result.embedMillis(), result.searchMillis()), backend.corpusVersion()));
    }

    /** The JSON of {@code GET} and {@code POST /api/search}. */
    public record SearchResponse(String query, int k, String retriever, Filters filters, List<Hit> hits,
                                 Timings timings, String corpusVersion) {
        /** One ranked passage with each retriever's score. */
        public record Hit(int rank, String id, String docId, String source, String title, String url, Integer year,
                          Integer page, String section, String lang, String text, Scores scores) {
            static Hit of(SearchHit h) {
                Passage p = h.passage();
                return new Hit(h.rank(), p.id(), p.docId().toString(), p.source().key(), p.title(), p.url(), p.year(),
                        p.page(), p.section(), p.language(), p.text(),
                        new Scores(h.score(), h.bm25(), h.bm25Rank(), h.vector(), h.vectorRank(), h.crossBm25(),
                                h.crossBm25Rank(), h.crossVector(), h.crossVectorRank()));
            }
        }

        /** Fused, BM25 and vector scores (null where that retriever did not find the passage). */
        public record Scores(double fused, Double bm25, Integer bm25Rank, Double vector, Integer vectorRank,
                             Double crossBm25, Integer crossBm25Rank, Double crossVector, Integer crossVectorRank) {
        }

        /** Milliseconds spent embedding the query and searching. */
        public record Timings(double embedMs, double searchMs) {
        }
    }
}
