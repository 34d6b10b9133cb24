package fr.preuve.indexer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.preuve.core.config.SearchSettings;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.search.Retriever;
import fr.preuve.core.search.SearchQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** For 100 PubMedQA items, searching the item's question returns its own abstract in the top 5. */
class RetrievalSanityTest {

    @Test
    void questionsFindTheirOwnAbstractInTheTopFive() throws Exception {
        JsonNode all = new ObjectMapper().readTree(DemoData.PUBMEDQA.toFile());
        List<Map.Entry<String, String>> items = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = all.properties().iterator(); it.hasNext() && items.size() < 100; ) {
            var e = it.next();
            items.add(Map.entry(e.getKey(), e.getValue().get("QUESTION").asText()));
        }
        HybridSearcher searcher = new HybridSearcher(DemoData.pubmedqaIndex(), DemoData.embedder(), SearchSettings.defaults());
        StringBuilder report = new StringBuilder();
        double hybrid = 0;
        for (Retriever r : Retriever.values()) {
            int found = 0;
            for (var item : items) {
                found += searcher.search(new SearchQuery(item.getValue(), 5, Filters.NONE, r, 1)).hits().stream()
                        .anyMatch(h -> h.passage().docId().toString().equals("pubmed:" + item.getKey())) ? 1 : 0;
            }
            double rate = found / (double) items.size();
            report.append(String.format(Locale.ROOT, "%s %.2f  ", r.key(), rate));
            if (r == Retriever.HYBRID) {
                hybrid = rate;
            }
        }
        System.out.println("PubMedQA own-abstract@5 over " + items.size() + " questions: " + report);
        assertThat(items).hasSize(100);
        assertThat(hybrid).as(report.toString()).isGreaterThanOrEqualTo(0.95);
    }
}
