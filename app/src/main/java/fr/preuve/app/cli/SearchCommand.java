package fr.preuve.app.cli;

import fr.preuve.core.config.Yaml;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.search.Retriever;
import fr.preuve.core.search.SearchHit;
import fr.preuve.core.search.SearchQuery;
import fr.preuve.core.search.SearchResult;
import fr.preuve.app.runtime.PreuveRuntime;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Searches the index from the command line (read-only: works while a server runs). */
@Command(name = "search", mixinStandardHelpOptions = true, description = "Rank passages for a query (BM25, vectors or both).")
public class SearchCommand extends PreuveCommand {
    @Mixin
    FilterOptions filters;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query.")
    java.util.List<String> query;

    @Option(names = "-k", paramLabel = "N", description = "Passages to return (default ${DEFAULT-VALUE}).", defaultValue = "10")
    int k;

    @Option(names = "--retriever", paramLabel = "R", description = "hybrid (default), bm25 or vector.", defaultValue = "hybrid")
    String retriever;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        try (PreuveRuntime runtime = readOnly(config())) {
            SearchResult r = runtime.searcher().search(new SearchQuery(String.join(" ", query), k, filters.filters(),
                    Retriever.fromKey(retriever), null));
            if (json) {
                out.println(Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(r.hits()));
                return 0;
            }
            for (SearchHit h : r.hits()) {
                Passage p = h.passage();
                out.printf(Locale.ROOT, "%2d. %-22s %s%s%n", h.rank(), p.id(), p.title(),
                        p.page() == null ? "" : " (p. " + p.page() + ")");
                out.printf(Locale.ROOT, "    fused %.4f  bm25 %s  vector %s  %s%n", h.score(),
                        h.bm25() == null ? "-" : String.format(Locale.ROOT, "%.2f (#%d)", h.bm25(), h.bm25Rank()),
                        h.vector() == null ? "-" : String.format(Locale.ROOT, "%.3f (#%d)", h.vector(), h.vectorRank()),
                        p.url() == null ? "" : p.url());
                out.println("    " + abbreviate(p.text(), 220));
            }
            out.printf(Locale.ROOT, "%d passages, embed %.1f ms, search %.1f ms, corpus %s%n", r.hits().size(),
                    r.embedMillis(), r.searchMillis(), runtime.corpusVersion());
            return 0;
        }
    }

    static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}
