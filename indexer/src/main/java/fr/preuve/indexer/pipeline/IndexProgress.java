package fr.preuve.indexer.pipeline;

import java.time.Instant;

/**
 * A snapshot of an indexing run, for the console progress bar and {@code GET /api/status}.
 *
 * @param state          where the run is
 * @param source         the source being read, or null
 * @param documentsRead  documents read so far
 * @param passagesDone   passages embedded and written
 * @param passagesTotal  passages to embed in this run (known once reading is over)
 * @param failures       items that could not be read
 * @param ratePerSecond  passages per second since embedding started
 * @param etaSeconds     estimated seconds left, or -1 when unknown
 * @param startedAt      when the run started, or null
 * @param message        last notable event in words
 */
public record IndexProgress(IndexState state, String source, int documentsRead, int passagesDone, int passagesTotal,
                            int failures, double ratePerSecond, long etaSeconds, Instant startedAt, String message) {

    public static IndexProgress idle(String message) {
        return new IndexProgress(IndexState.IDLE, null, 0, 0, 0, 0, 0, -1, null, message);
    }

    /** Fraction done in [0, 1] (0 when nothing is known yet). */
    public double fraction() {
        return passagesTotal <= 0 ? (state == IndexState.DONE ? 1 : 0) : Math.min(1.0, (double) passagesDone / passagesTotal);
    }

    public boolean running() {
        return state.running();
    }
}
