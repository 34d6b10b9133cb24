package fr.preuve.app.cli;

import fr.preuve.core.config.ConfigException;
import fr.preuve.core.embed.EmbedderFactory;
import fr.preuve.core.index.IndexLockedException;
import fr.preuve.server.http.PortInUseException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code preuve} command line: one entry point, one subcommand per task. */
@Command(name = "preuve", mixinStandardHelpOptions = true, version = "Preuve 0.1.0",
        description = "Clinical literature assistant: cited answers from HAS, WHO and PubMed sources.",
        subcommands = {DemoCommand.class, ServeCommand.class, IndexCommand.class, CorpusCommand.class, SearchCommand.class,
                AskCommand.class, GuardCommand.class, AuditCommand.class, TokenCommand.class, BenchCommand.class, EvalCommand.class, CommandLine.HelpCommand.class})
public final class PreuveCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI with the ONNX models and returns its exit code. */
    public static int execute(String... args) {
        return execute(EmbedderFactory.onnx(), args);
    }

    /** Runs the CLI with the embedding models of {@code embedders} (tests share one) and returns its exit code. */
    public static int execute(EmbedderFactory embedders, String... args) {
        CommandLine cli = new CommandLine(new PreuveCli(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof PreuveCommand command) {
                    command.embedders = embedders;
                }
                return made;
            }
        });
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (isUserError(e)) {
                commandLine.getErr().println("preuve: " + e.getMessage());
                return 2;
            }
            commandLine.getErr().println("preuve: unexpected error: " + e);
            e.printStackTrace(commandLine.getErr());
            return 1;
        });
        return cli.execute(args);
    }

    static boolean isUserError(Exception e) {
        return e instanceof ConfigException || e instanceof IndexLockedException || e instanceof PortInUseException
                || e instanceof IllegalArgumentException || e instanceof IllegalStateException;
    }
}
