package fr.preuve.app.runtime;

import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerListener;
import fr.preuve.core.answer.AnswerService;
import fr.preuve.core.answer.AnswerServices;
import fr.preuve.core.answer.Answered;
import fr.preuve.core.answer.CorpusStamp;
import fr.preuve.core.audit.AuditChannel;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.crosslingual.QuestionRenderer;
import fr.preuve.core.embed.Embedder;
import fr.preuve.core.embed.EmbedderFactory;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.core.text.Chunker;
import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.IndexProgress;
import fr.preuve.indexer.pipeline.IndexReport;
import fr.preuve.indexer.pipeline.Indexer;
import fr.preuve.indexer.pipeline.ProgressListener;
import fr.preuve.indexer.versions.CorpusHistory;
import fr.preuve.indexer.versions.CorpusStatus;
import fr.preuve.app.audit.AuditTrail;
import fr.preuve.core.audit.AuditHealth;
import fr.preuve.core.audit.AuditLog;
import fr.preuve.core.guard.PatientDataGuard;
import fr.preuve.server.http.Backend;
import fr.preuve.server.metrics.Metrics;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Future;

/**
 * Everything a running Preuve needs, wired once: configuration, corpus, index, embedders, search, answers and (when
 * writable) the background indexing job, and the audit trail every answer is recorded in. Queries, answers and
 * indexing runs embed with the corpus's declared model, made by an {@link EmbedderFactory} ({@link EmbedderFactory#onnx()}
 * unless one is given). Closing it stops indexing and closes the index.
 */
public final class PreuveRuntime implements Backend, AutoCloseable {

    private final PreuveConfig config;
    private volatile CorpusConfig corpus;
    private final PassageIndex index;
    private final Embedder queryEmbedder;
    private final HybridSearcher searcher;
    private final AnswerService answers;
    private final IndexJob job;
    private final AuditTrail audit;
    private final Clock clock;
    private final Instant startedAt;
    private final QuestionRenderer renderer;
    /** Finds identifying patient data: in questions before retrieval and any model call, in feedback before storage. */
    private final PatientDataGuard guard = PatientDataGuard.standard();
    private final Metrics metrics;

    private PreuveRuntime(PreuveConfig config, CorpusConfig corpus, PassageIndex index, Embedder queryEmbedder,
                          IndexJob job, Clock clock, Metrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.corpus = corpus;
        this.index = index;
        this.queryEmbedder = queryEmbedder;
        this.searcher = new HybridSearcher(index, queryEmbedder, config.search());
        this.renderer = QuestionRenderer.of(config.llm(), guard, metrics.llm("render"));
        this.answers = AnswerServices.create(searcher, queryEmbedder, new DefaultSupportJudge(queryEmbedder),
                config.answer(), config.llm(), renderer, this::corpusStamp, guard, metrics.llm("answer"));
        this.job = job;
        this.audit = AuditTrail.of(config, clock);
        metrics.audit(audit::health);
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Opens the corpus index for writing (server, indexer); fails clearly if another process holds it. */
    public static PreuveRuntime writable(PreuveConfig config, CorpusConfig corpus, ProgressListener console) {
        return writable(config, corpus, console, EmbedderFactory.onnx());
    }

    /** {@link #writable(PreuveConfig, CorpusConfig, ProgressListener)} with the embedders of {@code embedders}. */
    public static PreuveRuntime writable(PreuveConfig config, CorpusConfig corpus, ProgressListener console,
                                         EmbedderFactory embedders) {
        Metrics metrics = Metrics.prometheus();
        PassageIndex index = PassageIndex.openForWriting(corpus.indexDir(config));
        ProgressListener progress = p -> {
            metrics.indexing().onProgress(p);
            console.onProgress(p);
        };
        try {
            return new PreuveRuntime(config, corpus, index, embedders.forQueries(corpus.embedding()),
                    new IndexJob(progress, embedders), Clock.systemUTC(), metrics);
        } catch (RuntimeException e) {
            closeQuietly(index);
            throw e;
        }
    }

    /** Opens the last committed index read-only (CLI search and ask, alongside a running server). */
    public static PreuveRuntime readOnly(PreuveConfig config, CorpusConfig corpus) {
        return readOnly(config, corpus, EmbedderFactory.onnx());
    }

    /** {@link #readOnly(PreuveConfig, CorpusConfig)} with the query embedder of {@code embedders}. */
    public static PreuveRuntime readOnly(PreuveConfig config, CorpusConfig corpus, EmbedderFactory embedders) {
        PassageIndex index = PassageIndex.openReadOnly(corpus.indexDir(config));
        try {
            return new PreuveRuntime(config, corpus, index, embedders.forQueries(corpus.embedding()), null,
                    Clock.systemUTC(), Metrics.prometheus());
        } catch (RuntimeException e) {
            closeQuietly(index);
            throw e;
        }
    }

    /** Starts indexing the corpus in the background (skipped quickly when it is up to date). */
    public Future<IndexReport> startIndexing(boolean force) {
        return startIndexing(corpus, force);
    }

    /**
     * Starts indexing {@code declaration}, a new reading of the served corpus's declaration (sources added, removed or
     * edited), in the background; from now on it is the declaration the librarian status shows. It must name the same
     * corpus, since the name selects the index, and the same embedding model, since queries are embedded with it.
     */
    public Future<IndexReport> startIndexing(CorpusConfig declaration, boolean force) {
        if (job == null) {
            throw new IllegalStateException("the index is open read-only");
        }
        if (!declaration.name().equals(corpus.name())) {
            throw new IllegalArgumentException("the declaration names corpus '" + declaration.name() + "' but this server "
                    + "serves corpus '" + corpus.name() + "'");
        }
        if (!declaration.embedding().equals(corpus.embedding())) {
            throw new IllegalArgumentException("the declaration changes the embedding model from '"
                    + corpus.embedding().name() + "' to '" + declaration.embedding().name() + "': restart the server "
                    + "with it, queries are embedded with the model it started with");
        }
        corpus = declaration;
        return job.start(embedder -> new Indexer(index, embedder, Chunker.defaults(), clock, job, job.stopSignal()),
                declaration, force);
    }

    /**
     * Starts a run of the served corpus from its declaration file, read again (a librarian's {@code POST
     * /api/corpus/runs}); one run at a time.
     */
    @Override
    public synchronized void startRun(boolean force) {
        if (job == null) {
            throw new IllegalStateException("the index is open read-only: this server cannot index");
        }
        if (job.progress().running()) {
            throw new IllegalStateException("a run is already in progress (" + job.progress().state().key() + ")");
        }
        var unused = startIndexing(CorpusConfig.load(corpus.file()), force);
    }

    /** Asks the run in progress to stop at its next batch, committed; the next run resumes from there. */
    @Override
    public void cancelRun() {
        if (job == null || !job.requestStop()) {
            throw new IllegalStateException("no run is in progress");
        }
    }

    /** The corpus version answers are drawn from; while a first run is in progress, says so. */
    @Override
    public String corpusVersion() {
        return corpusStamp().version();
    }

    /** The corpus version answers are drawn from, with its date (null before a first complete run). */
    public CorpusStamp corpusStamp() {
        CorpusState s = corpusState();
        return s.version() != null ? new CorpusStamp(s.version(), s.date()) : new CorpusStamp(corpus.name() + "-indexing", null);
    }

    /**
     * Answers a question and records it in the audit trail, with the {@code channel} it arrived by and who asked
     * ({@code requester}, null when nobody is authenticated). The answer is delivered even when the trail cannot be
     * written ({@link AuditTrail}).
     */
    @Override
    public Answer ask(String question, Filters filters, AuditChannel channel, String requester, AnswerListener listener) {
        Instant asked = clock.instant();
        Answered answered = answers.answer(question, filters, listener);
        audit.record(answered, filters, channel, requester, asked);
        metrics.answered(answered.answer());
        return answered.answer();
    }

    public AuditTrail audit() {
        return audit;
    }

    @Override
    public AuditLog auditLog() {
        return audit.log();
    }

    @Override
    public AuditHealth auditHealth() {
        return audit.health();
    }

    @Override
    public boolean auditWritable() {
        return audit.writable();
    }

    /** The meters of this Preuve ({@code GET /metrics}). */
    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public PatientDataGuard guard() {
        return guard;
    }

    @Override
    public IndexProgress indexing() {
        return job == null ? IndexProgress.idle("read-only") : job.progress();
    }

    @Override
    public String modelId() {
        return queryEmbedder.modelId();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public CorpusState corpusState() {
        return CorpusState.from(index.commitData());
    }

    /** Versions, manifests, last run and embedding cache kept beside the index. */
    @Override
    public CorpusHistory history() {
        return CorpusHistory.forIndex(index.dir());
    }

    /** The corpus as a librarian sees it: version, sources with counts, licences and failures, runs. */
    @Override
    public CorpusStatus corpusStatus() {
        return CorpusStatus.of(corpus, corpusState(), index.countsByOrigin(), history(), indexing());
    }

    @Override
    public PreuveConfig config() {
        return config;
    }

    @Override
    public CorpusConfig corpus() {
        return corpus;
    }

    @Override
    public PassageIndex index() {
        return index;
    }

    @Override
    public HybridSearcher searcher() {
        return searcher;
    }

    @Override
    public AnswerService answers() {
        return answers;
    }

    public Embedder queryEmbedder() {
        return queryEmbedder;
    }

    /**
     * Renders questions in the other language with the configured model, for retrieval ({@link QuestionRenderer#NONE}
     * when the provider is none); shared by every answer, so its circuit breaker sees every call.
     */
    public QuestionRenderer renderer() {
        return renderer;
    }

    /** The background job, or null when read-only. */
    public IndexJob job() {
        return job;
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    @Override
    public void close() throws IOException {
        try {
            if (job != null) {
                job.close();
            }
        } finally {
            try {
                queryEmbedder.close();
            } finally {
                try {
                    audit.close();
                } finally {
                    index.close();
                }
            }
        }
    }

    private static void closeQuietly(PassageIndex index) {
        try {
            index.close();
        } catch (Exception ignored) {
            // the original failure is reported
        }
    }
}
