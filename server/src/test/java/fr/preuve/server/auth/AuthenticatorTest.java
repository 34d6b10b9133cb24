package fr.preuve.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import fr.preuve.core.config.AuthSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {
    @TempDir
    Path home;

    private Instant now = Instant.parse("2026-12-03T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private Authenticator tokens() {
        return new Authenticator(AuthSettings.tokens(), new TokenStore(home.resolve("tokens.json"), clock),
                new Sessions(clock, Duration.ofHours(12)));
    }

    private static Authenticator.Request bearer(String secret) {
        return new Authenticator.Request("Bearer " + secret, null, "10.1.2.3", h -> null);
    }

    @Test
    void aBearerTokenNamesItsHolderAndABadOneIsRefused() {
        Authenticator auth = tokens();
        String secret = auth.tokens().create("dr.martin", Role.LIBRARIAN).secret();
        assertThat(auth.authenticate(bearer(secret))).isEqualTo(new Authenticator.Known(Principal.of("dr.martin", Role.LIBRARIAN)));
        assertThat(auth.authenticate(bearer("pv_forged"))).isInstanceOf(Authenticator.Refused.class);
        assertThat(auth.authenticate(new Authenticator.Request("Basic ZHI6cHc=", null, "10.1.2.3", h -> null)))
                .isInstanceOfSatisfying(Authenticator.Refused.class, r -> assertThat(r.status()).isEqualTo(401));
        assertThat(auth.authenticate(new Authenticator.Request(null, null, "10.1.2.3", h -> null)))
                .isInstanceOf(Authenticator.Anonymous.class);
    }

    @Test
    void aSessionEndsWhenIdleTooLongOrWhenItsTokenIsRevoked() {
        Authenticator auth = tokens();
        TokenStore.Issued issued = auth.tokens().create("ward-3", Role.CLINICIAN);
        String session = auth.sessions().open(issued.info().hash());
        var byCookie = new Authenticator.Request(null, session, "10.1.2.3", h -> null);
        assertThat(auth.authenticate(byCookie)).isInstanceOf(Authenticator.Known.class);
        now = now.plus(Duration.ofHours(11));
        assertThat(auth.authenticate(byCookie)).as("used within 12 h: still open").isInstanceOf(Authenticator.Known.class);
        now = now.plus(Duration.ofHours(13));
        assertThat(auth.authenticate(byCookie)).as("idle 13 h").isInstanceOf(Authenticator.Refused.class);

        String second = auth.sessions().open(issued.info().hash());
        auth.tokens().revoke("ward-3");
        assertThat(auth.authenticate(new Authenticator.Request(null, second, "10.1.2.3", h -> null)))
                .as("token revoked").isInstanceOf(Authenticator.Refused.class);
    }

    @Test
    void theProxysHeadersAreBelievedFromItsAddressOnly() {
        var settings = new AuthSettings(AuthSettings.Mode.TRUSTED_HEADER, "X-Remote-User", "X-Remote-Role",
                List.of("10.0.0.1", "::1"), false);
        Authenticator auth = new Authenticator(settings, new TokenStore(home.resolve("tokens.json"), clock),
                new Sessions(clock, Duration.ofHours(1)));
        Map<String, String> headers = Map.of("X-Remote-User", "jdupont", "X-Remote-Role", "librarian");
        assertThat(auth.authenticate(new Authenticator.Request(null, null, "10.0.0.1", headers::get)))
                .isEqualTo(new Authenticator.Known(Principal.of("jdupont", Role.LIBRARIAN)));
        assertThat(auth.authenticate(new Authenticator.Request(null, null, "0:0:0:0:0:0:0:1", headers::get)))
                .as("the same IPv6 address written in full").isInstanceOf(Authenticator.Known.class);
        assertThat(auth.authenticate(new Authenticator.Request(null, null, "10.0.0.2", headers::get)))
                .as("a client that forges the proxy's header").isInstanceOfSatisfying(Authenticator.Refused.class,
                        r -> assertThat(r.status()).isEqualTo(403));
        assertThat(auth.authenticate(new Authenticator.Request(null, null, "10.0.0.1",
                Map.of("X-Remote-User", "jdupont")::get))).as("no role header: clinician")
                .isEqualTo(new Authenticator.Known(Principal.of("jdupont", Role.CLINICIAN)));
        assertThat(auth.authenticate(new Authenticator.Request(null, null, "10.0.0.1",
                Map.of("X-Remote-User", "jdupont", "X-Remote-Role", "root")::get)))
                .isInstanceOf(Authenticator.Refused.class);
    }
}
