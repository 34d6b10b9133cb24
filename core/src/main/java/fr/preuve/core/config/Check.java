package fr.preuve.core.config;

/** Fail-fast validation whose messages name the setting and the bad value. */
public final class Check {
    private Check() {
    }

    /** {@code text} when it holds at most {@code max} characters; otherwise fails, naming {@code name} and its length. */
    public static String length(String name, String text, int max) {
        if (text.length() > max) {
            throw new IllegalArgumentException(name + " is " + text.length() + " characters long; the limit is " + max);
        }
        return text;
    }

    static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    static void range(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
