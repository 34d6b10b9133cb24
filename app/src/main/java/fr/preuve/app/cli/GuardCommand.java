package fr.preuve.app.cli;

import fr.preuve.core.config.Yaml;
import fr.preuve.core.guard.Finding;
import fr.preuve.core.guard.PatientDataGuard;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows what the patient-data guard finds in a text; informational, so it exits 0 with or without findings. */
@Command(name = "guard", mixinStandardHelpOptions = true, description = "Show the identifying patient data the guard finds in a text.")
public class GuardCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The text (words are joined with spaces).")
    List<String> text;

    @Option(names = "--json", description = "Print JSON: {\"findings\": [{\"type\", \"text\", \"start\", \"end\"}]}"
            + " (with --redact, also \"redacted\").")
    boolean json;

    @Option(names = "--redact", description = "Print the text with each finding replaced by a placeholder ([NOM], [NIR]...).")
    boolean redact;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String input = String.join(" ", text);
        PatientDataGuard guard = PatientDataGuard.standard();
        List<Finding> findings = guard.scan(input);
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("findings", findings);
            if (redact) {
                body.put("redacted", guard.redact(input, findings));
            }
            out.println(Yaml.json().writeValueAsString(body));
        } else if (redact) {
            out.println(guard.redact(input, findings));
        } else {
            int width = findings.stream().mapToInt(f -> f.text().length()).max().orElse(0);
            for (Finding f : findings) {
                out.printf(Locale.ROOT, "%-10s %-" + width + "s  [%d, %d)%n", f.type().key(), f.text(), f.start(), f.end());
            }
            out.println(findings.isEmpty() ? "Aucune donnée identifiante détectée (no identifying data found)."
                    : String.format(Locale.ROOT, "%d donnée%s identifiante%s détectée%s (%d finding%s).", findings.size(),
                            plural(findings), plural(findings), plural(findings), findings.size(), plural(findings)));
        }
        out.flush();
        return 0;
    }

    private static String plural(List<?> list) {
        return list.size() > 1 ? "s" : "";
    }
}
