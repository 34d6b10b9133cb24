package fr.preuve.app.cli;

import fr.preuve.core.search.Filters;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Search and answer filters on the command line. */
final class FilterOptions {
    @Option(names = "--source", split = ",", paramLabel = "SOURCE", description = "Only these sources: pubmed, has, who...")
    List<String> sources = new ArrayList<>();

    @Option(names = "--lang", split = ",", paramLabel = "LANG", description = "Only these languages: en, fr.")
    List<String> languages = new ArrayList<>();

    @Option(names = "--from", paramLabel = "YEAR", description = "Published in or after this year.")
    Integer from;

    @Option(names = "--to", paramLabel = "YEAR", description = "Published in or before this year.")
    Integer to;

    @Option(names = "--type", split = ",", paramLabel = "TYPE",
            description = "Only these publication types: guideline, practice-guideline, drug-opinion, meta-analysis, "
                    + "systematic-review, rct, review, article, other.")
    List<String> types = new ArrayList<>();

    Filters filters() {
        return Filters.parse(sources, languages, from, to, types);
    }
}
