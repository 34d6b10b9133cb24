package fr.preuve.app.cli;

import fr.preuve.eval.trec.Qrels;
import fr.preuve.eval.trec.TrecEvaluation;
import fr.preuve.eval.trec.TrecRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code preuve eval trec RUN QRELS}: scores any TREC run file against TREC qrels or a BEIR qrels TSV with the metrics
 * of {@code preuve eval beir}. Reads no configuration and no index.
 */
@Command(name = "trec", mixinStandardHelpOptions = true,
        description = {"Score a TREC run (qid Q0 docid rank score tag) against qrels: nDCG@10, Recall@10, Recall@100 "
                + "and MRR@10, with n and 95%% intervals, computed as by eval beir.",
                "Qrels: TREC (qid 0 docid relevance) or a BEIR TSV (header query-id, corpus-id, score). As trec_eval, "
                        + "each query's documents are ordered by score descending, then document id descending; the "
                        + "rank column is checked but not used. Judged queries (a document of grade >= 1) missing "
                        + "from the run score 0; queries without a relevant document are excluded; run queries "
                        + "without judgements are ignored."})
class EvalTrecCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN", description = "The TREC run file.")
    Path run;

    @Parameters(index = "1", paramLabel = "QRELS", description = "The qrels: TREC four columns, or BEIR qrels/<split>.tsv.")
    Path qrels;

    @Option(names = "--json", description = "Print the result as JSON instead of a table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TrecEvaluation.Result result = TrecEvaluation.score(TrecRun.read(CommonOptions.resolve(run)),
                Qrels.read(CommonOptions.resolve(qrels)));
        var out = spec.commandLine().getOut();
        out.print(json ? result.toJson() + System.lineSeparator() : TrecEvaluation.table(result));
        out.flush();
        return 0;
    }
}
