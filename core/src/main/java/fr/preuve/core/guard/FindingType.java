package fr.preuve.core.guard;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of identifying patient data the {@link PatientDataGuard} reports, with their redaction placeholders. */
public enum FindingType {
    /** A person's name (surname, first name and surname, or initials), without the civility. */
    NAME("name", "[NOM]"),
    /** A French social security number (NIR) whose key checks. */
    NIR("nir", "[NIR]"),
    /** A full date given as a date of birth. */
    BIRTHDATE("birthdate", "[DATE_NAISSANCE]"),
    /** A telephone number, French or international. */
    PHONE("phone", "[TÉLÉPHONE]"),
    /** An e-mail address. */
    EMAIL("email", "[EMAIL]"),
    /** A postal address: street address and/or postcode with city. */
    ADDRESS("address", "[ADRESSE]"),
    /** A labelled patient or file identifier (IPP, NDA, n° de dossier, MRN...), only the identifier itself. */
    IPP("ipp", "[IPP]"),
    /** A day-precision date of an event (admission, surgery...), other than a publication date. */
    DATE("date", "[DATE]");

    private final String key;
    private final String placeholder;

    FindingType(String key, String placeholder) {
        this.key = key;
        this.placeholder = placeholder;
    }

    /** The lower-case key used in JSON ({@code "nir"}). */
    @JsonValue
    public String key() {
        return key;
    }

    /** What {@link PatientDataGuard#redact} puts in place of a finding ({@code "[NIR]"}). */
    public String placeholder() {
        return placeholder;
    }

    /** Parses a key such as {@code "phone"}; the message names the bad value and the accepted ones. */
    public static FindingType fromKey(String key) {
        if (key != null) {
            String k = key.trim().toLowerCase(Locale.ROOT);
            for (FindingType t : values()) {
                if (t.key.equals(k)) {
                    return t;
                }
            }
        }
        throw new IllegalArgumentException("unknown finding type '" + key + "'; expected one of " + keys());
    }

    /** The accepted keys, comma-separated. */
    public static String keys() {
        return Arrays.stream(values()).map(FindingType::key).collect(Collectors.joining(", "));
    }
}
