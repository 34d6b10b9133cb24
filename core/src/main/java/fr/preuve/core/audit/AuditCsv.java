package fr.preuve.core.audit;

import fr.preuve.core.answer.Verdict;
import fr.preuve.core.config.Keyed;
import fr.preuve.core.guard.FindingType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Audit entries as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted,
 * quotes doubled), one header line then one line per entry. Lists are joined with spaces.
 */
public final class AuditCsv {
    /** The header, in column order. */
    public static final List<String> COLUMNS = List.of("id", "time", "channel", "requester", "mode", "modelProvider", "model",
            "endpoint", "healthDataApproved", "corpusVersion", "corpusDate", "language", "fingerprint", "question",
            "findingTypes", "filterSources", "filterLanguages", "filterFrom", "filterTo", "retrieved", "cited",
            "supported", "unsupported", "invalidCitation", "delivered", "abstained", "deliveredChars", "warnings",
            "retrievalMs", "answerMs", "totalMs");

    private AuditCsv() {
    }

    public static void write(List<AuditEntry> entries, Writer out) {
        try {
            line(out, COLUMNS);
            for (AuditEntry e : entries) {
                line(out, row(e));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV export: " + e.getMessage(), e);
        }
    }

    static List<String> row(AuditEntry e) {
        return List.of(e.id(), e.time().toString(), str(e.channel()), str(e.requester()), str(e.mode()), str(e.model().provider()),
                str(e.model().model()), str(e.model().endpoint()), Boolean.toString(e.model().healthDataApproved()),
                str(e.corpusVersion()), str(e.corpusDate()), str(e.language()), e.fingerprint(), str(e.question()),
                e.findingTypes().stream().map(FindingType::key).collect(Collectors.joining(" ")),
                e.filters() == null ? "" : e.filters().sources().stream().map(s -> s.key()).sorted()
                        .collect(Collectors.joining(" ")),
                e.filters() == null ? "" : e.filters().languages().stream().sorted().collect(Collectors.joining(" ")),
                e.filters() == null || e.filters().fromYear() == null ? "" : e.filters().fromYear().toString(),
                e.filters() == null || e.filters().toYear() == null ? "" : e.filters().toYear().toString(),
                String.join(" ", e.retrieved()), String.join(" ", e.cited()),
                Long.toString(e.count(Verdict.SUPPORTED)), Long.toString(e.count(Verdict.UNSUPPORTED)),
                Long.toString(e.count(Verdict.INVALID_CITATION)), Long.toString(e.delivered()),
                Boolean.toString(e.abstained()), Integer.toString(e.deliveredChars()), String.join(" | ", e.warnings()),
                ms(e.timings().retrievalMs()), ms(e.timings().answerMs()), ms(e.timings().totalMs()));
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** A field, quoted when it holds a comma, a quote or a line break. */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    private static String str(Keyed k) {
        return k == null ? "" : k.key();
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
