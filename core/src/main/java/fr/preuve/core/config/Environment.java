package fr.preuve.core.config;

/** Reads environment variables; tests pass a map instead of the process environment. */
@FunctionalInterface
public interface Environment {
    /** The variable's value, or {@code null} when unset. */
    String get(String name);

    static Environment system() {
        return System::getenv;
    }

    static Environment of(java.util.Map<String, String> values) {
        return values::get;
    }
}
