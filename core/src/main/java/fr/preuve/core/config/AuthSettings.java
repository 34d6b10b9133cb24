package fr.preuve.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who may use the HTTP server (see {@code docs/security.md}).
 *
 * @param mode            how requests are authenticated ({@code auth.mode}, {@code PREUVE_AUTH})
 * @param trustedHeader   with {@link Mode#TRUSTED_HEADER}: the header in which the hospital's authenticating proxy
 *                        names the user ({@code auth.trustedHeader}, {@code PREUVE_AUTH_TRUSTED_HEADER})
 * @param roleHeader      with {@link Mode#TRUSTED_HEADER}: the header carrying the user's role
 *                        ({@code clinician}, {@code librarian} or {@code admin}); a missing header means clinician
 * @param trustedProxies  with {@link Mode#TRUSTED_HEADER}: the addresses of the proxies whose headers are believed
 *                        ({@code auth.trustedProxies}, {@code PREUVE_AUTH_TRUSTED_PROXIES}, comma-separated); any
 *                        other client is refused
 * @param insecureNoAuth  {@code --insecure-no-auth}: serve without authentication on a non-loopback address, said on
 *                        {@code /api/status} and on the page
 */
public record AuthSettings(Mode mode, String trustedHeader, String roleHeader, List<String> trustedProxies,
                           boolean insecureNoAuth) {

    /** How requests are authenticated. */
    public enum Mode implements Keyed {
        /** Nobody is asked who they are: only for loopback, or with {@code --insecure-no-auth}. */
        NONE,
        /** API tokens ({@code preuve token create}), as a bearer header or through the page's session cookie. */
        TOKENS,
        /** An authenticating reverse proxy names the user in a header; only its addresses are believed. */
        TRUSTED_HEADER;

        /** The mode named {@code raw} ({@code none}, {@code tokens}, {@code trusted-header}). */
        public static Mode parse(String raw) {
            return Keyed.fromKey(Mode.class, "auth.mode", raw.strip().toLowerCase(Locale.ROOT).replace('_', '-'));
        }

        @Override
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public AuthSettings {
        Objects.requireNonNull(mode, "mode");
        trustedHeader = blankToNull(trustedHeader);
        roleHeader = blankToNull(roleHeader);
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (mode == Mode.TRUSTED_HEADER) {
            if (trustedHeader == null) {
                throw new IllegalArgumentException("auth.mode trusted-header needs auth.trustedHeader "
                        + "(PREUVE_AUTH_TRUSTED_HEADER), the header in which the proxy names the user");
            }
            if (trustedProxies.isEmpty()) {
                throw new IllegalArgumentException("auth.mode trusted-header needs auth.trustedProxies "
                        + "(PREUVE_AUTH_TRUSTED_PROXIES), the addresses of the proxies whose headers are believed");
            }
        }
        if (insecureNoAuth && mode != Mode.NONE) {
            throw new IllegalArgumentException("--insecure-no-auth contradicts auth.mode " + mode.key()
                    + "; use one or the other");
        }
    }

    /** No authentication: the default, which the server accepts on loopback addresses only. */
    public static AuthSettings none() {
        return new AuthSettings(Mode.NONE, null, null, List.of(), false);
    }

    /** API tokens. */
    public static AuthSettings tokens() {
        return new AuthSettings(Mode.TOKENS, null, null, List.of(), false);
    }

    /** The same settings, run open on any address ({@code --insecure-no-auth}). */
    public AuthSettings insecure() {
        return new AuthSettings(mode, trustedHeader, roleHeader, trustedProxies, true);
    }

    /** Whether requests must say who makes them. */
    public boolean required() {
        return mode != Mode.NONE;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
