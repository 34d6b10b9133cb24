package fr.preuve.core.llm;

import fr.preuve.core.answer.Messages;
import fr.preuve.core.doc.Passage;
import java.util.List;
import java.util.Objects;

/**
 * The answer prompt, from a versioned template in the resources ({@code answer-v1.txt}): rules, then the passages
 * numbered from 1 with their source labels, then the question.
 */
public final class AnswerPrompt {

    public static final String VERSION = "answer-v1";

    private final String system;
    private final String user;
    private final String version;

    private AnswerPrompt(String system, String user, String version) {
        this.system = system;
        this.user = user;
        this.version = version;
    }

    /** The current template. */
    public static AnswerPrompt standard() {
        return load(VERSION);
    }

    /** Loads {@code <version>.txt} from this package's resources. */
    public static AnswerPrompt load(String version) {
        PromptTemplate t = PromptTemplate.load(AnswerPrompt.class, version, "prompt template");
        return new AnswerPrompt(t.system(), t.user(), t.version());
    }

    /** The prompt for {@code question} (in {@code lang}) over {@code passages}, numbered from 1 in list order. */
    public Prompt build(String question, String lang, List<Passage> passages) {
        Objects.requireNonNull(question, "question");
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            numbered.append('[').append(i + 1).append("] ").append(label(p)).append('\n')
                    .append(p.text().strip()).append("\n\n");
        }
        String abstention = Messages.noEvidence(lang);
        String sys = system.replace("{{language}}", "fr".equals(lang) ? "French" : "English")
                .replace("{{abstention}}", abstention);
        String usr = user.replace("{{passages}}", numbered.toString().strip()).replace("{{question}}", question.strip());
        return new Prompt(sys, usr, version);
    }

    /** "HAS, 2021, « title », section" — what a clinician would cite. */
    static String label(Passage p) {
        StringBuilder sb = new StringBuilder("(").append(p.source().label());
        if (p.year() != null) {
            sb.append(", ").append(p.year());
        }
        sb.append(", \"").append(p.title()).append('"');
        if (p.page() != null) {
            sb.append(", p. ").append(p.page());
        } else if (p.section() != null && !p.section().isBlank()) {
            sb.append(", ").append(p.section());
        }
        return sb.append(')').toString();
    }
}
