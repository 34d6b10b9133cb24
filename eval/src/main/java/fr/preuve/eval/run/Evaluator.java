package fr.preuve.eval.run;

import fr.preuve.core.answer.Answered;
import fr.preuve.core.answer.AnswerServices;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.EmbedderFactory;
import fr.preuve.core.embed.EmbeddingSpec;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.JudgeSpec;
import fr.preuve.core.verify.SupportJudge;
import fr.preuve.core.verify.judge.CheckedSupportJudge;
import fr.preuve.eval.answers.AnswerEvaluation;
import fr.preuve.eval.answers.AnswerLog;
import fr.preuve.eval.answers.LocalAnswers;
import fr.preuve.eval.answers.RemoteAnswers;
import fr.preuve.eval.answers.SupportCheck;
import fr.preuve.eval.beir.BeirDataset;
import fr.preuve.eval.beir.BeirIndex;
import fr.preuve.eval.beir.BeirSource;
import fr.preuve.eval.beir.RetrievalEvaluation;
import fr.preuve.eval.dataset.QuestionSet;
import fr.preuve.eval.dataset.SupportSet;
import fr.preuve.eval.support.SupportEvaluation;
import fr.preuve.eval.trec.TrecRunWriter;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs an {@link EvalRun} and gives what it {@link Evaluated evaluated}: BEIR retrieval over its own index, answers in
 * process ({@link LocalAnswers}) or from a running Preuve, a support judge on human judgements.
 *
 * @param config        the configuration (home, search settings, the LLM the questions and the llm judge use)
 * @param embedders     makes the embedding models (a BEIR corpus's, the support judges' and the support check's)
 * @param resolve       finds a path as written on the command line or in a suite (the working directory, then the
 *                      installation directory)
 * @param local         opens the in-process answers of a questions run
 * @param indexProgress follows the indexing of a BEIR corpus
 * @param progress      receives progress lines ({@code eval questions 25/120}…)
 */
public record Evaluator(PreuveConfig config, EmbedderFactory embedders, UnaryOperator<Path> resolve,
                        LocalAnswers.Opener local,
                        ProgressListener indexProgress, Progress progress) {

    /** Runs {@code run}. */
    public Evaluated evaluate(EvalRun run) {
        return switch (run) {
            case EvalRun.Retrieval r -> new Evaluated.Retrieval(retrieval(r));
            case EvalRun.Questions q -> new Evaluated.Answers(questions(q));
            case EvalRun.Support s -> new Evaluated.Support(support(s), s.calibrate());
        };
    }

    private RetrievalEvaluation.Result retrieval(EvalRun.Retrieval run) {
        BeirDataset dataset = BeirDataset.load(resolve.apply(run.dataset()), run.split());
        if (run.run() != null) {
            TrecRunWriter.checkWritable(run.run());
        }
        CorpusConfig beir = BeirSource.corpusConfig(dataset);
        Path indexDir = beir.indexDir(config);
        progress.note("eval beir: " + dataset.name() + ": " + dataset.corpusIds().size() + " documents, "
                + dataset.judgedQueries().size() + " judged " + run.split() + " queries; index " + indexDir);
        BeirIndex.Info info;
        try (Embedder embedder = embedders.forIndexing(beir.embedding())) {
            info = BeirIndex.build(dataset, indexDir, embedder, indexProgress);
        }
        try (Embedder embedder = embedders.forQueries(beir.embedding());
             PassageIndex index = PassageIndex.openReadOnly(indexDir)) {
            HybridSearcher searcher = new HybridSearcher(index, embedder, config.search());
            return RetrievalEvaluation.run(dataset, searcher, run.queries(), info.toMap(), progress, runFiles(run.run()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes each retriever's rankings as a TREC run next to {@code file}, or nothing when it is null. */
    private RetrievalEvaluation.Rankings runFiles(Path file) {
        if (file == null) {
            return RetrievalEvaluation.Rankings.NONE;
        }
        return (retriever, byQuery) -> {
            Path out = TrecRunWriter.fileFor(file, retriever);
            TrecRunWriter.write(out, TrecRunWriter.tag(retriever), byQuery);
            progress.note("eval beir: wrote " + out);
        };
    }

    /**
     * Asks every question, in process over the corpus index (read-only) or through the run's server, and scores the
     * answers. Support is verbatim containment, else a judge other than the gate's
     * ({@link SupportCheck#otherThanGate}), decided here, independently of the answerer's verdicts.
     */
    private AnswerEvaluation.Result questions(EvalRun.Questions run) {
        QuestionSet all = QuestionSet.load(resolve.apply(run.file()));
        QuestionSet set = run.split() == null ? all : all.only(run.split());
        Progress lines = progress.prefixed("eval ");
        JudgeSpec gate = config.llm().judge();
        try (AnswerLog log = AnswerLog.open(run.answers())) {
            if (run.server() != null) {
                try (Embedder embedder = embedders.forQueries(EmbeddingSpec.shipped())) {
                    String serverToken = System.getenv("PREUVE_TOKEN"); // a server with auth.mode tokens wants one
                    RemoteAnswers remote = new RemoteAnswers(run.server(),
                            Duration.ofSeconds(Defaults.EVAL_SERVER_TIMEOUT_SECONDS), serverToken,
                            d -> Thread.sleep(d.toMillis()));
                    return AnswerEvaluation.run(set, q -> log.write(q.id(), remote.apply(q)),
                            SupportCheck.otherThanGate(embedder, gate), lines);
                }
            }
            try (LocalAnswers answers = local.open()) {
                return AnswerEvaluation.runAsked(set, q -> {
                    Answered a = answers.answer(q.question());
                    List<Passage> hits = run.answers() == null ? List.of() : a.retrieved().stream()
                            .map(answers::passage).flatMap(Optional::stream).toList();
                    return new AnswerEvaluation.Asked(log.write(q.id(), a.answer(), hits),
                            a.retrieved().stream().map(id -> id.substring(0, id.indexOf('#'))).toList());
                }, SupportCheck.otherThanGate(answers.queryEmbedder(), gate), lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the answers log " + run.answers() + ": " + e.getMessage(), e);
        }
    }

    /** Loads the set (or its first rows) and runs the judge on it; calibrates when the run asks. */
    private SupportEvaluation.Result support(EvalRun.Support run) {
        SupportSet set = SupportSet.load(resolve.apply(run.file()));
        if (run.rows() != null) {
            set = set.first(run.rows());
        }
        if (JudgeSpec.LLM.equals(run.judge()) && !config.llm().enabled()) {
            throw new IllegalArgumentException("--judge llm needs an llm section in the configuration "
                    + "(--config FILE or $PREUVE_CONFIG): the endpoint that judges each claim");
        }
        SupportEvaluation.Result result;
        // the model is loaded only for the judges that embed (not for the LLM or an NLI model)
        try (Embedder embedder = run.judge().usesEmbeddings() ? embedders.forQueries(EmbeddingSpec.shipped()) : null) {
            SupportJudge judge = AnswerServices.judge(run.judge(), () -> new DefaultSupportJudge(embedder),
                    () -> AnswerServices.gateway(config.llm()));
            if (JudgeSpec.DEFAULT.equals(run.judge())) {
                judge = new CheckedSupportJudge(judge, DrugLexicon.standard());
            }
            try {
                result = SupportEvaluation.run(set, judge, progress.prefixed("eval "));
            } finally {
                if (judge instanceof AutoCloseable c) {
                    close(c);
                }
            }
        }
        return run.calibrate() ? SupportEvaluation.calibrate(result, run.minPrecision()) : result;
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close the judge: " + e.getMessage(), e);
        }
    }
}
