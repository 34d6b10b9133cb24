package fr.preuve.eval.dataset;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Whether the evidence passages support a claim; JSON values {@code "supported"} and {@code "not_supported"}. */
public enum SupportLabel {
    SUPPORTED("supported"),
    NOT_SUPPORTED("not_supported");

    private final String key;

    SupportLabel(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Parses a JSON value; null for anything else. */
    static SupportLabel fromKey(String key) {
        for (SupportLabel l : values()) {
            if (l.key.equals(key)) {
                return l;
            }
        }
        return null;
    }

    static String keys() {
        return Arrays.stream(values()).map(l -> '"' + l.key + '"').collect(Collectors.joining(" or "));
    }
}
