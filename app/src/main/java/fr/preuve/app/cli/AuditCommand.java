package fr.preuve.app.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.preuve.core.audit.AuditCsv;
import fr.preuve.core.audit.AuditEntry;
import fr.preuve.core.audit.AuditLog;
import fr.preuve.core.audit.Feedback;
import fr.preuve.core.audit.FeedbackSummary;
import fr.preuve.core.audit.Rating;
import fr.preuve.core.audit.TimeRange;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.config.Yaml;
import fr.preuve.core.guard.FindingType;
import fr.preuve.app.audit.JdbcAuditLog;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reads the audit trail: lists and exports answers, summarises feedback. Days are whole UTC days. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "List and export the audit trail of answers, summarise feedback (dates: ISO days, in UTC).",
        subcommands = {AuditCommand.ListEntries.class, AuditCommand.Export.class, AuditCommand.FeedbackReport.class})
public class AuditCommand implements Runnable {

    /** JSON with ISO-8601 times. */
    private static final ObjectWriter JSON = Yaml.json().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .writerWithDefaultPrettyPrinter();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options of every audit subcommand: configuration and the period. */
    static final class Period {
        @Mixin
        CommonOptions common;

        @Option(names = "--from", paramLabel = "DATE", description = "First day (ISO, e.g. 2026-11-22; from 00:00 UTC).")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last day, included (until 24:00 UTC).")
        String to;

        TimeRange range() {
            return TimeRange.days(from, to);
        }

        /** The configured audit log; fails clearly when the default SQLite file does not exist yet. */
        AuditLog open() {
            PreuveConfig config = common.load();
            Path file = config.home().resolve(Defaults.AUDIT_DB_FILE);
            if (config.audit().url() == null && !Files.exists(file)) {
                throw new IllegalStateException("no audit trail at " + file + " yet: answers are recorded there as "
                        + "they are given (set PREUVE_AUDIT_URL or --home to read another)");
            }
            return JdbcAuditLog.open(config.auditUrl());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the answers of a period, oldest first.")
    static final class ListEntries implements Callable<Integer> {
        @Mixin
        Period period;

        @Option(names = "--limit", paramLabel = "N", description = "Most entries shown (default ${DEFAULT-VALUE}).",
                defaultValue = "" + Defaults.AUDIT_LIST_LIMIT)
        int limit;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            TimeRange range = period.range();
            PrintWriter out = spec.commandLine().getOut();
            try (AuditLog log = period.open()) {
                List<AuditEntry> entries = log.entries(range, limit);
                for (AuditEntry e : entries) {
                    out.printf(Locale.ROOT, "%s  %s  %-6s %-10s %s  %s%n", e.time(), e.id(), e.channel(), e.mode(),
                            e.abstained() ? "abstained" : String.format(Locale.ROOT, "%d/%d delivered",
                                    e.delivered(), e.verdicts().size()),
                            String.format(Locale.ROOT, "%.0f ms", e.timings().totalMs()));
                    out.println("    " + (e.question() != null ? e.question()
                            : "[question not kept: " + e.findingTypes().stream().map(FindingType::key)
                                    .collect(Collectors.joining(", ")) + "] fingerprint " + e.fingerprint().substring(0, 16)));
                    out.printf(Locale.ROOT, "    %s · %s @ %s (HDS %s) · corpus %s%n", e.mode(), e.model().model(),
                            e.model().endpoint(), e.model().healthDataApproved() ? "yes" : "no", e.corpusVersion());
                }
                out.printf(Locale.ROOT, "%d entr%s (%s)%s%n", entries.size(), entries.size() == 1 ? "y" : "ies",
                        range.describe(), entries.size() == limit ? "; more may exist, raise --limit" : "");
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export the answers of a period as CSV (RFC 4180, UTF-8) or JSON.")
    static final class Export implements Callable<Integer> {
        @Mixin
        Period period;

        @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "csv or json.")
        String format;

        @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            String f = format.strip().toLowerCase(Locale.ROOT);
            if (!f.equals("csv") && !f.equals("json")) {
                throw new IllegalArgumentException("--format must be csv or json, got '" + format + "'");
            }
            TimeRange range = period.range();
            List<AuditEntry> entries;
            try (AuditLog log = period.open()) {
                entries = log.entries(range, Integer.MAX_VALUE);
            }
            Writer w;
            try {
                w = output == null ? spec.commandLine().getOut()
                        : new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot write " + output + ": " + e);
            }
            try {
                if (f.equals("csv")) {
                    AuditCsv.write(entries, w);
                } else {
                    w.write(JSON.writeValueAsString(entries));
                    w.write("\n");
                    w.flush();
                }
            } finally {
                if (output != null) {
                    w.close();
                }
            }
            if (output != null) {
                spec.commandLine().getErr().printf(Locale.ROOT, "%d entries written to %s%n", entries.size(), output);
            }
            return 0;
        }
    }

    @Command(name = "feedback", mixinStandardHelpOptions = true,
            description = "Summarise the feedback of a period: counts per rating, corrections, answers marked incorrect.")
    static final class FeedbackReport implements Callable<Integer> {
        @Mixin
        Period period;

        @Option(names = "--json", description = "Print the summary as JSON.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            TimeRange range = period.range();
            PrintWriter out = spec.commandLine().getOut();
            FeedbackSummary s;
            try (AuditLog log = period.open()) {
                s = FeedbackSummary.of(log.feedback(range), Defaults.FEEDBACK_TOP_INCORRECT);
            }
            if (json) {
                out.println(JSON.writeValueAsString(s));
                return 0;
            }
            out.printf(Locale.ROOT, "%d feedback (%s)%n", s.total(), range.describe());
            for (Rating r : Rating.values()) {
                out.printf(Locale.ROOT, "  %-11s %d%n", r.key(), s.counts().get(r));
            }
            out.printf(Locale.ROOT, "%nCorrections (%d):%n", s.corrections().size());
            for (Feedback f : s.corrections()) {
                out.printf(Locale.ROOT, "  %s  %s  %s%n      %s%n", f.time(), f.answerId(), f.rating().key(),
                        f.correction().replaceAll("\\s+", " "));
            }
            out.printf(Locale.ROOT, "%nAnswers most often marked incorrect:%n");
            for (FeedbackSummary.Incorrect i : s.incorrect()) {
                out.printf(Locale.ROOT, "  %dx  %s%n", i.times(), i.answerId());
            }
            if (s.incorrect().isEmpty()) {
                out.println("  none");
            }
            out.flush();
            return 0;
        }
    }
}
