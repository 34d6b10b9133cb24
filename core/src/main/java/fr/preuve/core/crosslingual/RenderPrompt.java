package fr.preuve.core.crosslingual;

import fr.preuve.core.llm.Prompt;
import fr.preuve.core.llm.PromptTemplate;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rendering prompt, from a versioned template in the resources ({@code render-v1.txt}): rules in the system
 * message, the question alone between {@code <question>} delimiters in the user message.
 */
final class RenderPrompt {

    static final String VERSION = "render-v1";

    /** Anything that would open or close the question's delimiters from inside it. */
    static final Pattern DELIMITER = Pattern.compile("<\\s*/?\\s*question\\s*>", Pattern.CASE_INSENSITIVE);

    private final String system;
    private final String user;
    private final String version;

    private RenderPrompt(String system, String user, String version) {
        this.system = system;
        this.user = user;
        this.version = version;
    }

    /** The current template. */
    static RenderPrompt standard() {
        return load(VERSION);
    }

    /** Loads {@code <version>.txt} from this package's resources. */
    static RenderPrompt load(String version) {
        PromptTemplate t = PromptTemplate.load(RenderPrompt.class, version, "rendering prompt");
        if (!t.user().contains("{{question}}") && !t.system().contains("{{question}}")) {
            throw new IllegalArgumentException("rendering prompt " + version + " needs a {{question}} placeholder");
        }
        return new RenderPrompt(t.system(), t.user(), version);
    }

    /** The prompt rendering {@code question} from {@code from} into {@code to} (ISO codes, checked). */
    Prompt build(String question, String from, String to) {
        Objects.requireNonNull(question, "question");
        Map<String, String> values = Map.of("source", languageName(from), "target", languageName(to),
                "question", asData(question));
        return new Prompt(PromptTemplate.fill(system, values), PromptTemplate.fill(user, values), version);
    }

    /** "French" or "English" for {@code fr} or {@code en}; anything else is refused. */
    static String languageName(String code) {
        return switch (code == null ? "" : code) {
            case "fr" -> "French";
            case "en" -> "English";
            default -> throw new IllegalArgumentException("language must be fr or en, got '" + code + "'");
        };
    }

    /** The question on one line, without anything that could close its delimiters. */
    static String asData(String question) {
        return DELIMITER.matcher(question).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }
}
