package fr.preuve.server.cli;

import fr.preuve.core.answer.Answer;
import fr.preuve.core.answer.AnswerSentence;
import fr.preuve.core.answer.CitedPassage;
import fr.preuve.core.answer.ModelInfo;
import fr.preuve.core.answer.Verdict;
import fr.preuve.core.config.PreuveConfig;
import fr.preuve.core.config.Yaml;
import fr.preuve.server.app.PreuveRuntime;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Answers a question from the command line, with citations and the transparency block. */
@Command(name = "ask", mixinStandardHelpOptions = true, description = "Answer a question with cited sentences.")
public class AskCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    FilterOptions filters;

    @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "The question (French or English).")
    List<String> question;

    @Option(names = "--json", description = "Print the answer as JSON (as POST /api/ask returns it).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PreuveConfig config = common.load();
        PrintWriter out = spec.commandLine().getOut();
        try (PreuveRuntime runtime = PreuveRuntime.readOnly(config, CommonOptions.corpus(config))) {
            Answer a = runtime.answers().ask(String.join(" ", question), filters.filters());
            if (json) {
                out.println(Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(a));
                return 0;
            }
            print(a, out);
            return 0;
        }
    }

    static void print(Answer a, PrintWriter out) {
        boolean fr = "fr".equals(a.language());
        for (String w : a.warnings()) {
            out.println("! " + w);
        }
        if (a.abstained()) {
            out.println(a.answer());
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
        ModelInfo m = a.model();
        out.printf(Locale.ROOT, "Mode: %s · %s%s · corpus %s · %.0f ms%n", a.modeLabel(),
                m.endpoint().equals("local") ? (fr ? "rien n'a quitté la machine" : "nothing left this machine")
                        : m.provider() + " " + m.model() + " @ " + m.endpoint(),
                m.endpoint().equals("local") ? "" : m.healthDataApproved() ? (fr ? " (agréé HDS)" : " (HDS-approved)")
                        : (fr ? " (non agréé HDS)" : " (not HDS-approved)"),
                a.corpusVersion(), a.timings().totalMs());
        out.println(a.notice());
    }

    private static String cites(AnswerSentence s) {
        return s.citations().stream().map(n -> "[" + n + "]").reduce("", String::concat);
    }
}
