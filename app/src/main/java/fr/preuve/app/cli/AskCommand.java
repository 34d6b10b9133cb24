package fr.preuve.app.cli;

import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.Coverage;
import fr.preuve.core.answer.AnswerListener;
import fr.preuve.core.answer.AnswerSentence;
import fr.preuve.core.answer.CitedPassage;
import fr.preuve.core.answer.Footprint;
import fr.preuve.core.answer.ModelInfo;
import fr.preuve.core.answer.Verdict;
import fr.preuve.core.audit.AuditChannel;
import fr.preuve.core.config.Yaml;
import fr.preuve.app.runtime.PreuveRuntime;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Answers a question from the command line, with citations and the transparency block. */
@Command(name = "ask", mixinStandardHelpOptions = true, description = "Answer a question with cited sentences.")
public class AskCommand extends PreuveCommand {
    @Mixin
    FilterOptions filters;

    @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "The question (French or English).")
    List<String> question;

    @Option(names = "--json", description = "Print the answer as JSON (as POST /api/ask returns it).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (PreuveRuntime runtime = readOnly(config())) {
            Answer a = runtime.ask(String.join(" ", question), filters.filters(), AuditChannel.CLI, null,
                    AnswerListener.NONE);
            if (json) {
                out().println(Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(a));
            } else {
                print(a, out());
            }
            warnIfNotRecorded(runtime, a);
            return 0;
        }
    }

    /** The answer is given either way; a failed audit write is said on stderr (the details are in the log). */
    private void warnIfNotRecorded(PreuveRuntime runtime, Answer a) {
        if (runtime.audit().health().failures() > 0) {
            err().println("preuve: warning: answer " + a.id() + " was not recorded in the audit"
                    + " trail: " + runtime.audit().health().lastFailure());
        }
    }

    static void print(Answer a, PrintWriter out) {
        boolean fr = "fr".equals(a.language());
        for (String w : a.warnings()) {
            out.println("! " + w);
        }
        if (a.abstained()) {
            out.println(a.answer());
        } else if (a.coverage() == Coverage.PARTIAL) {
            out.println(a.lead());
        }
        List<AnswerSentence> delivered = a.sentences().stream().filter(AnswerSentence::delivered).toList();
        if (!a.abstained()) {
            for (AnswerSentence s : delivered) {
                out.printf("  %s %s %s%n", s.verdict() == Verdict.SUPPORTED ? "✓" : "⚠", s.text(), cites(s));
            }
        }
        List<AnswerSentence> removed = a.sentences().stream().filter(s -> !s.delivered()).toList();
        if (!removed.isEmpty()) {
            out.println();
            out.println(fr ? "Phrases retirées par la vérification :" : "Sentences removed by verification:");
            for (AnswerSentence s : removed) {
                out.printf("  ✗ %s %s%n      %s: %s%n", s.text(), cites(s), s.verdict().key(), s.reason());
            }
        }
        out.println();
        out.println(a.abstained() ? (fr ? "Passages les plus proches :" : "Closest passages:") : "Sources:");
        for (CitedPassage p : a.passages()) {
            out.printf(Locale.ROOT, "  [%d] %s. %s%s%s%s%n", p.n(), p.sourceLabel(), p.title(),
                    p.year() == null ? "" : " (" + p.year() + ")",
                    p.page() == null ? "" : ", p. " + p.page(),
                    p.url() == null ? "" : ". " + p.url());
        }
        out.println();
        transparency(a, out);
    }

    /** Mode, model and endpoint, HDS approval, corpus version and date, timings and the notice, in the answer's language. */
    static void transparency(Answer a, PrintWriter out) {
        boolean fr = "fr".equals(a.language());
        ModelInfo m = a.model();
        boolean local = m.endpoint().equals("local");
        out.printf(Locale.ROOT, fr ? "Mode : %s%n" : "Mode: %s%n", a.modeLabel());
        out.printf(Locale.ROOT, fr ? "Modèle : %s · point d'accès %s · agréé données de santé (HDS) : %s%s%n"
                        : "Model: %s · endpoint %s · approved for health data (HDS): %s%s%n",
                local ? m.model() : m.provider() + " " + m.model(), m.endpoint(),
                m.healthDataApproved() ? (fr ? "oui" : "yes") : (fr ? "non" : "no"),
                local ? (fr ? " (rien n'a quitté la machine)" : " (nothing left this machine)") : "");
        out.printf(Locale.ROOT, fr ? "Corpus : %s, du %s%n" : "Corpus: %s, of %s%n", a.corpusVersion(),
                a.corpusDate() == null ? (fr ? "(premier index en cours)" : "(first index in progress)") : a.corpusDate());
        out.printf(Locale.ROOT, fr ? "Temps : recherche %.0f ms, total %.0f ms · réponse %s%n"
                        : "Time: retrieval %.0f ms, total %.0f ms · answer %s%n",
                a.timings().retrievalMs(), a.timings().totalMs(), a.id());
        Footprint f = a.footprint();
        out.printf(Locale.ROOT, fr ? "Empreinte : %.0f ms de CPU · jetons du modèle : %d envoyés, %d reçus · ≈ %s mWh "
                        + "(estimation, méthode sur /about)%n"
                        : "Footprint: %.0f ms of CPU · model tokens: %d sent, %d received · ≈ %s mWh "
                        + "(an estimate, method on /about)%n",
                f.retrievalCpuMs() + f.answerCpuMs(), f.tokensSent(), f.tokensReceived(),
                fr ? milliWattHours(f.energyWh()).replace('.', ',') : milliWattHours(f.energyWh()));
        out.println(a.notice());
    }

    /** Milli-watt-hours with two significant digits ({@code 0.033}, {@code 1.2}, {@code 340}). */
    static String milliWattHours(double wh) {
        java.math.BigDecimal mwh = new java.math.BigDecimal(wh * 1_000).round(new java.math.MathContext(2));
        return mwh.stripTrailingZeros().toPlainString();
    }

    private static String cites(AnswerSentence s) {
        return s.citations().stream().map(n -> "[" + n + "]").reduce("", String::concat);
    }
}
