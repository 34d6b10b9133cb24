package fr.preuve.core.llm;

import fr.preuve.core.answer.Messages;
import fr.preuve.core.doc.Passage;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The answer prompt, from a versioned template in the resources ({@code answer-v2.txt}): rules in the system message;
 * in the user message the passages, each a {@code <passage id="n" source="…">…</passage>} block numbered from 1, then
 * the question in a {@code <question>} block. Passage and question text cannot close or forge a block: a {@code <}
 * that would open a tag is written {@code &lt;}. A passage holding text addressed to the model
 * ({@link InjectionMarkers}) is marked {@code flag="instructions"}. The older {@code answer-v1} template lists the
 * passages as {@code [n] (label)} lines, as it did.
 */
public final class AnswerPrompt {

    public static final String VERSION = "answer-v2";

    /** A {@code <} that opens a tag, a closing tag, a comment or a chat-template token. */
    private static final Pattern TAG_OPEN = Pattern.compile("<(?=\\s*[/!?|A-Za-z])");

    /** How the passages are laid out in the user message. */
    enum Layout {
        /** {@code [n] (label)} then the text (answer-v1). */
        NUMBERED,
        /** {@code <passage>} blocks, text escaped (answer-v2 on). */
        DELIMITED;

        static Layout of(String version) {
            return "answer-v1".equals(version) ? NUMBERED : DELIMITED;
        }
    }

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

    /** The template's version, recorded with each prompt ({@link Prompt#version()}). */
    public String version() {
        return version;
    }

    /** The prompt for {@code question} (in {@code lang}) over {@code passages}, numbered from 1 in list order. */
    public Prompt build(String question, String lang, List<Passage> passages) {
        Objects.requireNonNull(question, "question");
        Layout layout = Layout.of(version);
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            if (layout == Layout.NUMBERED) {
                blocks.append('[').append(i + 1).append("] ").append(label(p)).append('\n')
                        .append(p.text().strip()).append("\n\n");
            } else {
                blocks.append("<passage id=\"").append(i + 1).append("\" source=\"").append(attribute(source(p)))
                        .append('"').append(InjectionMarkers.present(p.text()) ? " flag=\"instructions\"" : "")
                        .append(">\n").append(asData(p.text().strip())).append("\n</passage>\n\n");
            }
        }
        Map<String, String> values = Map.of(
                "language", "fr".equals(lang) ? "French" : "English",
                "abstention", Messages.noEvidence(lang),
                "passages", blocks.toString().strip(),
                "question", layout == Layout.NUMBERED ? question.strip() : asData(question.strip()));
        return new Prompt(PromptTemplate.fill(system, values), PromptTemplate.fill(user, values), version);
    }

    /** {@code text} with every {@code <} that could open or close a tag written {@code &lt;}. */
    static String asData(String text) {
        return TAG_OPEN.matcher(text).replaceAll("&lt;");
    }

    /** {@code value} fit for a double-quoted attribute, on one line. */
    static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("\\s+", " ").strip();
    }

    /** "(HAS, 2021, "title", section)" — what a clinician would cite (answer-v1). */
    static String label(Passage p) {
        return "(" + describe(p, "\"", "\"") + ")";
    }

    /** "HAS, 2021, « title », section" — the {@code source} attribute of a passage block. */
    static String source(Passage p) {
        return describe(p, "« ", " »");
    }

    private static String describe(Passage p, String open, String close) {
        StringBuilder sb = new StringBuilder(p.source().label());
        if (p.year() != null) {
            sb.append(", ").append(p.year());
        }
        sb.append(", ").append(open).append(p.title()).append(close);
        if (p.page() != null) {
            sb.append(", p. ").append(p.page());
        } else if (p.section() != null && !p.section().isBlank()) {
            sb.append(", ").append(p.section());
        }
        return sb.toString();
    }
}
