package fr.preuve.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.server.auth.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's side of security: {@code preuve token create|list|revoke} (the secret printed once, only its hash
 * on disk, revocation) and {@code serve} refusing a network address without authentication.
 */
class SecurityCliTest {
    @TempDir
    Path home;

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @Test
    void createPrintsTheSecretOnceListNeverShowsItRevokeEndsIt() throws Exception {
        CliTest.Run created = run("token", "create", "--home", home.toString(), "--role", "librarian", "--name", "bib.durand");
        assertThat(created.exit()).as(created.err()).isZero();
        String secret = created.out().strip();
        assertThat(secret).startsWith(TokenStore.PREFIX).doesNotContain("\n");
        assertThat(created.err()).contains("shown only once").contains("bib.durand");
        assertThat(Files.readString(home.resolve("tokens.json"))).doesNotContain(secret);
        assertThat(new TokenStore(home.resolve("tokens.json"), Clock.systemUTC()).find(secret)).isPresent();

        CliTest.Run listed = run("token", "list", "--home", home.toString());
        assertThat(listed.out()).contains("bib.durand").contains("librarian").doesNotContain(secret);

        CliTest.Run badRole = run("token", "create", "--home", home.toString(), "--role", "root", "--name", "x");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("root").contains("clinician");

        assertThat(run("token", "revoke", "--home", home.toString(), "bib.durand").exit()).isZero();
        assertThat(new TokenStore(home.resolve("tokens.json"), Clock.systemUTC()).find(secret)).isEmpty();
        assertThat(run("token", "list", "--home", home.toString()).out()).contains("REVOKED");
        CliTest.Run again = run("token", "revoke", "--home", home.toString(), "bib.durand");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("no active token named 'bib.durand'");
    }

    @Test
    void serveRefusesANetworkAddressWithoutAuthenticationBeforeLoadingAnything() throws Exception {
        Path config = Files.writeString(home.resolve("preuve.yaml"), "host: 0.0.0.0\n");
        CliTest.Run r = run("serve", "--config", config.toString(), "--home", home.toString(), "--corpus",
                ApiServerTest.smallCorpus().file().toString(), "--port", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("refusing to serve 0.0.0.0 without authentication").contains("PREUVE_HOST")
                .contains("--insecure-no-auth");
        assertThat(home.resolve("indexes")).as("nothing was opened").doesNotExist();
    }
}
