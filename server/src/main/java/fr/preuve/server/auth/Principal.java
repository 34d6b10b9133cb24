package fr.preuve.server.auth;

import java.util.Objects;

/**
 * Who makes a request: the name of the API token, or the user the hospital's proxy named, with their role. Never the
 * token's secret.
 *
 * @param name  token name or user name; {@code "local"} when authentication is off, {@code "anonymous"} before login
 * @param role  what they may do
 * @param proof how the server knows
 */
public record Principal(String name, Role role, Proof proof) {
    /** How the server knows who sends a request. */
    public enum Proof {
        /** Authentication is off: everyone may do everything. */
        OPEN,
        /** A token, a session or the trusted proxy named them. */
        AUTHENTICATED,
        /** Nothing yet: only the open routes (page, health, login). */
        ANONYMOUS
    }

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(proof, "proof");
    }

    /** Everyone, when the server runs without authentication. */
    public static Principal open() {
        return new Principal("local", Role.ADMIN, Proof.OPEN);
    }

    /** A request with no credentials, on a server that wants them. */
    public static Principal anonymous() {
        return new Principal("anonymous", Role.CLINICIAN, Proof.ANONYMOUS);
    }

    /** A user who proved who they are. */
    public static Principal of(String name, Role role) {
        return new Principal(name, role, Proof.AUTHENTICATED);
    }

    public boolean authenticated() {
        return proof == Proof.AUTHENTICATED;
    }

    /** The name the audit trail records: null without authentication. */
    public String requester() {
        return authenticated() ? name : null;
    }
}
