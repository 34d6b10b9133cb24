package fr.preuve.eval.answers;

import java.util.List;
import java.util.Locale;

/**
 * Decides, independently of the answerer's own verdicts, whether cited passages support a sentence. The check shipped
 * here is verbatim containment (whitespace and case folded): exact for extractive answers, strict for generated ones.
 * The semantic support judge of the LLM issue plugs in behind this interface.
 */
@FunctionalInterface
public interface SupportCheck {

    /** Whether {@code passages} (the texts of the cited passages) support {@code sentence}. */
    boolean supports(String sentence, List<String> passages);

    /** A name for reports. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** The sentence appears verbatim in one of the passages, ignoring case and runs of white space. */
    SupportCheck VERBATIM = new SupportCheck() {
        @Override
        public boolean supports(String sentence, List<String> passages) {
            String s = fold(sentence);
            return !s.isEmpty() && passages.stream().anyMatch(p -> fold(p).contains(s));
        }

        @Override
        public String name() {
            return "verbatim containment";
        }
    };

    /** Lower-cases and collapses white space, for lenient string comparisons. */
    static String fold(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
