package fr.preuve.server.auth;

import fr.preuve.core.config.Keyed;

/** What a user may do; each role may do everything the roles before it may. */
public enum Role implements Keyed {
    /** Ask, search, read documents and passages, check a question for patient data, give feedback. */
    CLINICIAN(1),
    /** Also the corpus pages and API: sources, versions, differences, indexing runs. */
    LIBRARIAN(2),
    /** Also the audit trail's export and the API tokens. */
    ADMIN(3);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return rank >= needed.rank;
    }

    /** The role named {@code raw}: {@code clinician}, {@code librarian} or {@code admin}. */
    public static Role parse(String raw) {
        return Keyed.fromKey(Role.class, "role", raw == null ? "" : raw.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
