package fr.preuve.server.metrics;

import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerSentence;
import fr.preuve.core.answer.Footprint;
import fr.preuve.core.answer.Verdict;
import fr.preuve.core.audit.AuditHealth;
import fr.preuve.core.llm.LlmObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The meters of a running Preuve, over a Micrometer {@link MeterRegistry}: HTTP requests ({@link HttpMetrics}),
 * answers, model calls ({@link LlmMetrics}), indexing ({@link IndexingMetrics}) and the audit trail. Every label has
 * a few known values: a route template, a mode, an outcome, a state; never a question, a path or an id.
 */
public final class Metrics {
    /** Latency buckets of every timer, so that Prometheus can compute quantiles over any set of series. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final MeterRegistry registry;
    private final IndexingMetrics indexing;
    /** Read through this object, which the runtime holds: Micrometer keeps weak references to what meters read. */
    private volatile Supplier<AuditHealth> auditHealth;

    /** Meters in {@code registry}; {@link #scrape()} is empty unless it is a Prometheus registry. */
    public Metrics(MeterRegistry registry) {
        this.registry = registry;
        this.indexing = new IndexingMetrics(registry);
    }

    /** The default: a Prometheus registry with the JVM's memory, threads, processor and uptime. */
    public static Metrics prometheus() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return new Metrics(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The meters in the Prometheus text format, when the registry is a Prometheus one. */
    public Optional<String> scrape() {
        return registry instanceof PrometheusMeterRegistry p ? Optional.of(p.scrape()) : Optional.empty();
    }

    /** Counts an answer by mode and outcome, its removed and flagged sentences, and times it. */
    public void answered(Answer answer) {
        String mode = answer.mode().key();
        String outcome = outcome(answer);
        Counter.builder("preuve.answers").description("Answers given, by mode and outcome")
                .tag("mode", mode).tag("outcome", outcome).register(registry).increment();
        long removed = 0;
        long flagged = 0;
        for (AnswerSentence s : answer.sentences()) {
            if (s.verdict() != Verdict.SUPPORTED) {
                if (s.delivered()) {
                    flagged++;
                } else {
                    removed++;
                }
            }
        }
        sentences(mode, "removed").increment(removed);
        sentences(mode, "flagged").increment(flagged);
        Timer.builder("preuve.answer.duration").description("Time to answer a question, retrieval included")
                .tag("mode", mode).tag("outcome", outcome).serviceLevelObjectives(BUCKETS).register(registry)
                .record(Duration.ofNanos(Math.round(answer.timings().totalMs() * 1e6)));
        footprint(mode, answer.footprint());
    }

    /** An answer's CPU seconds by phase, its model tokens by direction and its estimated energy, by mode. */
    private void footprint(String mode, Footprint f) {
        cpu(mode, "retrieval").increment(f.retrievalCpuMs() / 1e3);
        cpu(mode, "composition").increment(f.answerCpuMs() / 1e3);
        Counter.builder("preuve.answer.tokens").description("Tokens of the model calls made for answers, by direction")
                .tag("mode", mode).tag("direction", "sent").register(registry).increment(f.tokensSent());
        Counter.builder("preuve.answer.tokens").description("Tokens of the model calls made for answers, by direction")
                .tag("mode", mode).tag("direction", "received").register(registry).increment(f.tokensReceived());
        Counter.builder("preuve.answer.energy").baseUnit("watt-hours")
                .description("Estimated energy of the answers (method on /about)").tag("mode", mode)
                .register(registry).increment(f.energyWh());
    }

    private Counter cpu(String mode, String phase) {
        return Counter.builder("preuve.answer.cpu").baseUnit("seconds")
                .description("CPU time of the answering thread, by phase").tag("mode", mode).tag("phase", phase)
                .register(registry);
    }

    private Counter sentences(String mode, String action) {
        return Counter.builder("preuve.answer.unsupported.sentences")
                .description("Sentences that failed verification, removed from the answer or flagged in it")
                .tag("mode", mode).tag("action", action).register(registry);
    }

    /** The outcome label of {@code answer}: answered, partial or abstained. */
    static String outcome(Answer answer) {
        return switch (answer.coverage()) {
            case FULL -> "answered";
            case PARTIAL -> "partial";
            case NONE -> "abstained";
        };
    }

    /** The observer of one model gateway, {@code answer} (answers and the LLM judge) or {@code render}. */
    public LlmObserver llm(String gateway) {
        return new LlmMetrics(registry, gateway.toLowerCase(Locale.ROOT));
    }

    /** Indexing progress gauges and run counters, fed by the indexing job's progress. */
    public IndexingMetrics indexing() {
        return indexing;
    }

    /** Reads the audit trail's counts and state from {@code health} at each scrape. */
    public void audit(Supplier<AuditHealth> health) {
        this.auditHealth = health;
        FunctionCounter.builder("preuve.audit.recorded", this, m -> m.auditHealth.get().recorded())
                .description("Answers recorded in the audit trail").register(registry);
        FunctionCounter.builder("preuve.audit.failures", this, m -> m.auditHealth.get().failures())
                .description("Audit trail writes or openings that failed").register(registry);
        Gauge.builder("preuve.audit.failing", this, m -> "failing".equals(m.auditHealth.get().status()) ? 1 : 0)
                .description("1 while the audit trail's last write failed").register(registry);
    }
}
