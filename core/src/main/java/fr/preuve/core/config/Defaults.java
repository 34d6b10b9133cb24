package fr.preuve.core.config;

/** Every default value of Preuve, in one place. */
public final class Defaults {
    private Defaults() {
    }

    public static final int PORT = 7070;
    /** Loopback only: any other address needs authentication, or {@code --insecure-no-auth}. */
    public static final String HOST = "127.0.0.1";
    /** Largest request body the HTTP API accepts, in bytes. */
    public static final int HTTP_MAX_BODY_BYTES = 64 * 1024;
    /** The API tokens' file in the home directory (hashes only). */
    public static final String TOKENS_FILE = "tokens.json";
    /** How long the page's session cookie stays valid without being used. */
    public static final java.time.Duration SESSION_IDLE = java.time.Duration.ofHours(12);
    /**
     * Questions (ask, streamed ask, search) one client may send per minute, by token or user (by address when
     * authentication is off), all at once if it likes; beyond it, 429 with {@code Retry-After}.
     */
    public static final int RATE_QUESTIONS_PER_MINUTE = 30;
    /** Other API requests one client may send per minute (documents, guard, feedback, status...). */
    public static final int RATE_REQUESTS_PER_MINUTE = 600;
    /** Questions answered at the same time by the whole server; one more is told to retry (429). */
    public static final int MAX_CONCURRENT_QUESTIONS = 4;
    /** Failed logins one address may make per minute. */
    public static final int RATE_LOGINS_PER_MINUTE = 10;
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
    /**
     * Weights, relative to the same-language ones, of the BM25 and vector rankings of a French question's English
     * rendering ({@code fr.preuve.core.crosslingual}), searched among the English passages only, before the scale
     * below. Chosen on the dev split of eval/datasets/xl-demo.jsonl (98 answerable French questions, at full scale):
     * gold document in the top 5 for 0.980 at 1.0/1.0, 0.959 at 1.0/0.5, 0.969 at 0.5/1.0, 0.837 at 0.5/0.5, no gain
     * above 1.0 (docs/eval.md).
     */
    public static final double CROSS_LANGUAGE_BM25_WEIGHT = 1.0;
    public static final double CROSS_LANGUAGE_VECTOR_WEIGHT = 1.0;
    /**
     * The same for an English question's French rendering, searched among the French passages. On the dev split's 24
     * English questions over HAS text and 100 PubMedQA questions, every weight from 0.25 to 1.0 (vector 0 to 0.5) gave
     * the gold document in the top 5 for all; the lowest BM25 weight that keeps English questions on English text
     * first in a small corpus is kept, and no vector leg: the English-only model embeds the French rendering poorly.
     */
    public static final double CROSS_LANGUAGE_BM25_WEIGHT_TO_FRENCH = 0.5;
    public static final double CROSS_LANGUAGE_VECTOR_WEIGHT_TO_FRENCH = 0.0;
    /**
     * How fast the rendering's rankings gain or lose weight with the difference between what the best passage of each
     * language covers of the question: {@code clamp(0.5 + slope × (rendered coverage − own coverage), 0, 1)}
     * ({@code HybridSearcher}). Chosen on the French dev questions of eval/datasets/xl-demo.jsonl (98, over English
     * text) and the 46 answerable ones of fr-demo.jsonl (mostly over HAS text), gold document in the top 5: slope 2
     * gives 0.959 and 0.978 (3 and 5 the same), 1 gives 0.939 and 0.957, 0.5 gives 0.898 and 0.957; the rendering at
     * a fixed full weight 0.980 and 0.717; no rendering at all 0.541 and 0.891.
     */
    public static final double CROSS_LANGUAGE_SCALE_SLOPE = 2.0;

    // Extractive answers
    public static final int ANSWER_PASSAGES = 6;
    public static final int ANSWER_MIN_SENTENCES = 3;
    public static final int ANSWER_MAX_SENTENCES = 6;
    /** Passages whose quotable units an extractive answerer keeps prepared (split, shaped, analysed). */
    public static final int QUOTE_CACHE_PASSAGES = 4096;
    public static final int QUESTION_MAX_CHARS = 2_000;

    // The footprint of an answer (orders of magnitude; the method is stated on /about)
    /**
     * Watts of one busy server core: a server processor's rated power over its cores (for instance 205 W over 32
     * cores, about 6 W, to 280 W over 24, about 12 W); 10 W.
     */
    public static final double ENERGY_WATTS_PER_CORE = 10.0;
    /**
     * Watt-hours per 1,000 tokens a hosted large model generates: published estimates put a chatbot reply of about
     * 500 tokens at about 0.3 Wh (Epoch AI, 2025), within a factor of ten either way by model and hardware.
     */
    public static final double ENERGY_WH_PER_1K_TOKENS = 0.6;
    /**
     * What a token sent (read by the model) costs next to one it generates: the prompt is read in parallel, an order
     * of magnitude cheaper per token (an assumption, stated on /about).
     */
    public static final double ENERGY_SENT_TOKEN_WEIGHT = 0.1;
    /**
     * Passages of one document an answer may draw from (fewer than {@link #MAX_PASSAGES_PER_DOCUMENT} in a search, so
     * that an answer quotes more documents).
     */
    public static final int ANSWER_MAX_PASSAGES_PER_DOCUMENT = 2;
    /** Closest passages shown with an abstention. */
    public static final int ABSTENTION_PASSAGES = 3;

    // Generative answers (provider none unless configured)
    /** Deadline of one generation; past it the answer falls back to extractive. */
    public static final int LLM_TIMEOUT_SECONDS = 60;
    public static final int LLM_MAX_TOKENS = 800;
    public static final double LLM_TEMPERATURE = 0.0;
    /**
     * Deadline of one question rendering (the question translated by the model for retrieval), much shorter than a
     * generation's since retrieval waits for it: past it there is no rendering and retrieval uses the lexical bridge.
     */
    public static final int LLM_RENDER_TIMEOUT_SECONDS = 8;
    /** Consecutive failures that open the circuit breaker. */
    public static final int LLM_CIRCUIT_FAILURES = 3;
    /** How long an open circuit stays open before one trial call. */
    public static final int LLM_CIRCUIT_OPEN_SECONDS = 30;
    /** Passages numbered in the prompt. */
    public static final int LLM_PROMPT_PASSAGES = 6;
    /** How long {@code preuve eval questions --server URL} waits for one answer (retrieval, model, verification). */
    public static final int EVAL_SERVER_TIMEOUT_SECONDS = 180;
    /** Fewest verified sentences an answer must keep; fewer and Preuve abstains. */
    public static final int LLM_MIN_SUPPORTED_SENTENCES = 1;

    // Indexing
    public static final int EMBED_BATCH = 64;
    public static final int COMMIT_EVERY_PASSAGES = 512;
    /** Complete corpus versions whose Lucene commits are kept on disk, so that the corpus can be rolled back to them. */
    public static final int KEEP_VERSIONS = 10;
    /** Neighbours per node of the HNSW graph of passage vectors (Lucene's default, stated so that it is recorded). */
    public static final int HNSW_MAX_CONN = 16;
    /** Candidates kept while the HNSW graph is built (Lucene's default, stated so that it is recorded). */
    public static final int HNSW_BEAM_WIDTH = 100;

    // Support judge
    /**
     * Minimum cosine (bge-small-en-v1.5-q) between a claim and its best evidence unit for {@code default-v1}, claim
     * and evidence in the same language. {@code preuve eval support --calibrate} on the calibration half of
     * eval/datasets/support/expertqa-medicine-dev.jsonl picks 0.74 (lowest threshold with precision >= 0.8). That lets
     * on-topic fabrications through: against the real WHO healthy-diet passage on salt, "Eating more salt improves
     * memory in older adults", "Salt is recommended to treat dementia" and "Salt intake has no effect on blood
     * pressure" score 0.75-0.81, a faithful paraphrase 0.97. Preuve puts precision first, so the threshold sits above
     * them: on ExpertQA (n = 152 with evidence) 0.82 with the lexical floor below gives precision 0.86, recall 0.46
     * (0.74/0.20: 0.82, 0.90). Removed sentences stay listed with their reason (docs/eval.md, "Support judge
     * calibration").
     */
    public static final double SUPPORT_MIN_SIMILARITY = 0.82;
    /**
     * Minimum share of a claim's content words found in its evidence (same language): a claim sharing about a third
     * of its content words or less with what it cites is off-topic however close its embedding.
     */
    public static final double SUPPORT_MIN_LEXICAL_SHARE = 0.35;
    /**
     * Minimum cosine when claim and evidence languages differ (a French claim citing English text; only similarity
     * counts, numbers and drug names are still checked). Not calibrated on data (no French support judgements exist
     * yet): on 7 hand-written French claims against English WHO sentences, true translations scored 0.66-0.90 and
     * wrong or unrelated claims 0.54-0.60.
     */
    public static final double SUPPORT_MIN_CROSS_LANGUAGE_SIMILARITY = 0.65;

    // Fetching (network sources)
    /** Sent with every request; a contact address is appended when the corpus declares one. */
    public static final String USER_AGENT = "Preuve/0.1 (+https://github.com/preuve/preuve; clinical literature indexer)";
    /** The product token matched against robots.txt {@code User-agent} lines. */
    public static final String ROBOTS_AGENT = "Preuve";
    public static final int FETCH_CONNECT_TIMEOUT_SECONDS = 10;
    /** Deadline of one response, headers and body (a slow body is cut and retried). */
    public static final int FETCH_READ_TIMEOUT_SECONDS = 120;
    public static final int FETCH_MAX_REDIRECTS = 5;
    /** Largest body downloaded (the WHO malaria guidelines PDF is 2.9 MB; IRIS PDFs reach ~50 MB). */
    public static final long FETCH_MAX_BYTES = 100L * 1024 * 1024;
    /** Requests per second per host when the source sets none. */
    public static final double FETCH_REQUESTS_PER_SECOND = 1.0;
    /** Attempts per request (the first plus retries on 429, 5xx and network errors). */
    public static final int FETCH_MAX_ATTEMPTS = 5;
    public static final int FETCH_BACKOFF_FIRST_MILLIS = 1_000;
    public static final int FETCH_BACKOFF_MAX_SECONDS = 60;
    /** A Retry-After longer than this ends the retries (the failure is reported; a later run resumes). */
    public static final int FETCH_MAX_RETRY_AFTER_SECONDS = 300;

    // PubMed E-utilities (NCBI etiquette: at most 3 requests/s without an API key, 10 with one)
    public static final String EUTILS_BASE = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/";
    public static final double EUTILS_RATE_WITHOUT_KEY = 3.0;
    public static final double EUTILS_RATE_WITH_KEY = 10.0;
    /** Records per efetch request (NCBI allows up to 10,000; smaller batches make resuming cheaper). */
    public static final int EUTILS_BATCH = 200;
    /** esearch retmax when no history server is used (NCBI caps it at 10,000). */
    public static final int EUTILS_MAX_RECORDS = 10_000;

    // HAS publication API
    public static final String HAS_API_BASE = "https://www.has-sante.fr/rest/";
    public static final int HAS_PAGE_SIZE = 50;

    // Audit trail (docs/audit.md)
    /** The SQLite audit database, in the home directory next to the indexes, when {@code audit.url} is not set. */
    public static final String AUDIT_DB_FILE = "audit.db";
    /** The generated fingerprint key (owner-only permissions), when {@code PREUVE_AUDIT_KEY} is not set. */
    public static final String AUDIT_KEY_FILE = "audit.key";
    /** Length of a generated fingerprint key, in bytes (the HMAC-SHA256 block is 64, its output 32). */
    public static final int AUDIT_KEY_BYTES = 32;
    /** Shortest {@code PREUVE_AUDIT_KEY} accepted, in characters. */
    public static final int AUDIT_MIN_KEY_CHARS = 32;
    /** How long a writer waits for another process holding the SQLite lock (the CLI beside a server). */
    public static final int AUDIT_BUSY_TIMEOUT_MS = 5_000;
    /** Entries {@code preuve audit list} shows when {@code --limit} is not given. */
    public static final int AUDIT_LIST_LIMIT = 50;
    /** Longest correction text a feedback may carry. */
    public static final int FEEDBACK_MAX_CORRECTION_CHARS = 2_000;
    /** Answers listed by {@code preuve audit feedback} as most often marked incorrect. */
    public static final int FEEDBACK_TOP_INCORRECT = 10;
}
