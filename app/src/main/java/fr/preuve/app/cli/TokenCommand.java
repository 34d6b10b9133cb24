package fr.preuve.app.cli;

import fr.preuve.server.auth.Role;
import fr.preuve.server.auth.TokenStore;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The API tokens of {@code auth.mode: tokens}: create (the secret is shown once), list, revoke. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Create, list and revoke the API tokens of auth.mode tokens (stored as hashes in "
                + "$PREUVE_HOME/tokens.json, readable by its owner only).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
public class TokenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The token file the configuration names. */
    abstract static class TokenTask extends PreuveCommand {
        TokenStore store() {
            return new TokenStore(config().tokensFile(), Clock.systemUTC());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token and print its secret, once: it cannot be shown again.")
    static final class Create extends TokenTask {
        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "clinician (ask, search, documents, feedback), librarian (also the corpus pages and "
                        + "API) or admin (also the audit export and tokens).")
        String role;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "Who or what holds it (recorded in the audit trail), e.g. dr.martin or eval-nightly.")
        String name;

        @Override
        public Integer call() {
            TokenStore store = store();
            TokenStore.Issued issued = store.create(name, Role.parse(role));
            PrintWriter out = out();
            out.println(issued.secret());
            out.flush();
            err().printf(Locale.ROOT, "token '%s' (%s) created in %s; the secret above is shown only once: "
                    + "send it as 'Authorization: Bearer <secret>' or paste it in the page's login form%n",
                    name, issued.info().role().key(), store.file());
            err().flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tokens (never their secrets).")
    static final class ListTokens extends TokenTask {
        @Override
        public Integer call() {
            PrintWriter out = out();
            var tokens = store().list();
            if (tokens.isEmpty()) {
                out.println("no API token yet: preuve token create --role admin --name NAME");
            }
            for (TokenStore.TokenInfo t : tokens) {
                out.printf(Locale.ROOT, "%-24s %-10s created %s%s%n", t.name(), t.role().key(), t.created(),
                        t.active() ? "" : "  REVOKED " + t.revoked());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token: a running server refuses it, and ends its sessions, at once.")
    static final class Revoke extends TokenTask {
        @Parameters(paramLabel = "NAME", description = "The token's name.")
        String name;

        @Override
        public Integer call() {
            if (!store().revoke(name)) {
                err().println("preuve: no active token named '" + name + "' (see preuve token list)");
                return 2;
            }
            out().println("token '" + name + "' revoked");
            out().flush();
            return 0;
        }
    }
}
