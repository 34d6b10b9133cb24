package fr.preuve.core.config;

/** Every default value of Preuve, in one place. */
public final class Defaults {
    private Defaults() {
    }

    public static final int PORT = 7070;
    public static final String HOST = "0.0.0.0";
    /** Relative to the user's home directory. */
    public static final String HOME_DIR = ".preuve";
    public static final String CORPUS_CONFIG = "corpus-config/demo.yaml";

    // Passages
    public static final int CHUNK_MIN_WORDS = 100;
    public static final int CHUNK_TARGET_WORDS = 150;
    public static final int CHUNK_MAX_WORDS = 200;

    // Search
    public static final int SEARCH_K = 10;
    public static final int SEARCH_MAX_K = 100;
    public static final int SEARCH_CANDIDATES = 100;
    public static final int RRF_K = 60;
    public static final double BM25_WEIGHT = 1.0;
    public static final double VECTOR_WEIGHT = 1.0;
    public static final int MAX_PASSAGES_PER_DOCUMENT = 3;

    // Extractive answers
    public static final int ANSWER_PASSAGES = 6;
    public static final int ANSWER_MIN_SENTENCES = 3;
    public static final int ANSWER_MAX_SENTENCES = 6;
    public static final int QUESTION_MAX_CHARS = 2_000;
    /**
     * Cosine (bge-small-en-v1.5-q) between the question and its best passage at or above which the corpus counts as
     * holding evidence. Measured on the PubMedQA demo index: answerable questions 0.70–0.93 (100 titles, 10 paraphrases,
     * French included), French questions on HAS text 0.73–0.84, off-topic questions 0.49–0.61.
     */
    public static final double MIN_VECTOR_SIMILARITY = 0.65;
    /**
     * Share of the question's content terms found in one of the best passages that also counts as evidence when the
     * similarity is at most 0.05 under {@link #MIN_VECTOR_SIMILARITY} (exact terminology the English model reads
     * poorly). Off-topic questions reached 0.50 on the same measurements.
     */
    public static final double MIN_TERM_COVERAGE = 0.8;
    /** How far under {@link #MIN_VECTOR_SIMILARITY} strong lexical evidence may still count. */
    public static final double LEXICAL_RESCUE_MARGIN = 0.05;

    // Indexing
    public static final int EMBED_BATCH = 64;
    public static final int COMMIT_EVERY_PASSAGES = 512;
}
