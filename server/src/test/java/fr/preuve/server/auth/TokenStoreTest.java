package fr.preuve.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {
    @TempDir
    Path home;

    private TokenStore store() {
        return new TokenStore(home.resolve("tokens.json"), Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsStoredOwnerOnly() throws Exception {
        TokenStore.Issued issued = store().create("dr.martin", Role.CLINICIAN);
        assertThat(issued.secret()).startsWith("pv_").hasSizeGreaterThan(40);
        assertThat(issued.toString()).doesNotContain(issued.secret());
        String file = Files.readString(home.resolve("tokens.json"), StandardCharsets.UTF_8);
        assertThat(file).contains("dr.martin").doesNotContain(issued.secret().substring(3));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("tokens.json"))))
                .isEqualTo("rw-------");
        // another process (the server) finds the token by its secret, and only by it
        assertThat(store().find(issued.secret())).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("dr.martin");
            assertThat(t.role()).isEqualTo(Role.CLINICIAN);
        });
        assertThat(store().find(issued.secret() + "x")).isEmpty();
        assertThat(store().find("Bearer " + issued.secret())).isEmpty();
    }

    @Test
    void aRevokedTokenIsRefusedByAStoreThatAlreadyReadTheFile() {
        TokenStore server = store();
        TokenStore.Issued issued = store().create("eval-nightly", Role.ADMIN);
        assertThat(server.find(issued.secret())).isPresent();
        assertThat(store().revoke("eval-nightly")).isTrue();
        assertThat(server.find(issued.secret())).as("the server rereads the changed file").isEmpty();
        assertThat(store().revoke("eval-nightly")).as("already revoked").isFalse();
        assertThat(server.list()).singleElement().satisfies(t -> assertThat(t.revoked()).isEqualTo("2026-12-03T10:00:00Z"));
    }

    @Test
    void namesAreCheckedAndUniqueAmongActiveTokens() {
        TokenStore s = store();
        s.create("ward-3", Role.CLINICIAN);
        assertThatThrownBy(() -> s.create("ward-3", Role.LIBRARIAN)).hasMessageContaining("already named 'ward-3'");
        assertThatThrownBy(() -> s.create("../etc", Role.ADMIN)).hasMessageContaining("token name '../etc'");
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("root");
    }
}
