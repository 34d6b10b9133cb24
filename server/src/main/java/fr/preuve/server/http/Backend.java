package fr.preuve.server.http;

import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerListener;
import fr.preuve.core.answer.AnswerService;
import fr.preuve.core.audit.AuditChannel;
import fr.preuve.core.audit.AuditHealth;
import fr.preuve.core.audit.AuditLog;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.guard.PatientDataGuard;
import fr.preuve.core.index.CorpusState;
import fr.preuve.core.index.PassageIndex;
import fr.preuve.core.search.Filters;
import fr.preuve.core.search.HybridSearcher;
import fr.preuve.indexer.config.CorpusConfig;
import fr.preuve.indexer.pipeline.IndexProgress;
import fr.preuve.indexer.versions.CorpusHistory;
import fr.preuve.indexer.versions.CorpusStatus;
import fr.preuve.server.metrics.Metrics;
import java.time.Clock;
import java.time.Instant;

/**
 * What the HTTP API serves: one running Preuve (corpus, index, search, answers, audit trail, background indexing),
 * wired by the application and handed to {@link ApiServer}. The server reads it and never builds any of it.
 */
public interface Backend {

    PreuveConfig config();

    /** The corpus declaration being served. */
    CorpusConfig corpus();

    PassageIndex index();

    HybridSearcher searcher();

    AnswerService answers();

    /**
     * Answers a question and records it in the audit trail, with the {@code channel} it arrived by and who asked
     * ({@code requester}: a token or user name, null without authentication); the answer is delivered even when the
     * trail cannot be written.
     */
    Answer ask(String question, Filters filters, AuditChannel channel, String requester, AnswerListener listener);

    /** The audit log, opened on first use; throws {@link IllegalStateException} when it cannot be. */
    AuditLog auditLog();

    AuditHealth auditHealth();

    /**
     * Whether answers can be recorded in the audit trail now ({@code GET /ready}): it opens (tried now if it never
     * did) and its last write did not fail.
     */
    default boolean auditWritable() {
        try {
            auditLog();
        } catch (IllegalStateException e) {
            return false;
        }
        return !"failing".equals(auditHealth().status());
    }

    /** The meters {@code GET /metrics} shows. */
    Metrics metrics();

    /** Finds identifying patient data in a text ({@code POST /api/guard}). */
    PatientDataGuard guard();

    Clock clock();

    CorpusState corpusState();

    /** The corpus version answers are drawn from; while a first run is in progress, says so. */
    String corpusVersion();

    /** The corpus as a librarian sees it: version, sources with counts, licences and failures, runs. */
    CorpusStatus corpusStatus();

    /** Versions, manifests, last run and embedding cache kept beside the index. */
    CorpusHistory history();

    /** The background indexing run's progress ({@code read-only} when the index is not writable). */
    IndexProgress indexing();

    /**
     * Starts a run of the served corpus in the background (its declaration read again, as when the server starts);
     * throws {@link IllegalStateException} when a run is already in progress or the index is read-only.
     */
    void startRun(boolean force);

    /**
     * Asks the run in progress to stop at its next batch (what it wrote is committed; the next run resumes); throws
     * {@link IllegalStateException} when no run is in progress.
     */
    void cancelRun();

    /** The embedding model queries are embedded with. */
    String modelId();

    Instant startedAt();
}
