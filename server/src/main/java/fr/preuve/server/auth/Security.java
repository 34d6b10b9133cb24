package fr.preuve.server.auth;

import fr.preuve.core.config.AuthSettings;
import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.PreuveConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

/**
 * What protects the HTTP server: who may send requests ({@link Authenticator}) and how many ({@link RateLimits}).
 *
 * @param authenticator says who sent a request
 * @param limits        request rate limits and the cap on questions answered at once
 */
public record Security(Authenticator authenticator, RateLimits limits) {

    /** From the configuration: tokens in {@link PreuveConfig#tokensFile()}, the default limits. */
    public static Security of(PreuveConfig config, Clock clock) {
        return new Security(new Authenticator(config.auth(), new TokenStore(config.tokensFile(), clock),
                new Sessions(clock, Defaults.SESSION_IDLE)), new RateLimits(RateLimits.Settings.defaults()));
    }

    /** The same, with other rate limits. */
    public Security withLimits(RateLimits.Settings settings) {
        return new Security(authenticator, new RateLimits(settings));
    }

    public AuthSettings settings() {
        return authenticator.settings();
    }

    /**
     * Refuses to serve {@code host} when it is not a loopback address and nobody would be asked who they are,
     * unless {@code --insecure-no-auth} says so.
     */
    public void checkBind(String host) {
        AuthSettings s = settings();
        if (s.required() || s.insecureNoAuth() || loopback(host)) {
            return;
        }
        throw new IllegalStateException("refusing to serve " + host + " without authentication: anyone who reaches "
                + "the port could ask, read the corpus and write into the audit trail. Either bind loopback only "
                + "(PREUVE_HOST=127.0.0.1, the default), or turn authentication on (auth.mode: tokens in preuve.yaml "
                + "or PREUVE_AUTH=tokens, then preuve token create; or PREUVE_AUTH=trusted-header behind the "
                + "hospital's authenticating proxy), or, knowingly, pass --insecure-no-auth");
    }

    /** Whether {@code host} names only this machine. */
    public static boolean loopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
