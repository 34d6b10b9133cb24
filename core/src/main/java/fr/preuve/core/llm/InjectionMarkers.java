package fr.preuve.core.llm;

import fr.preuve.core.text.Folding;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text in a passage that addresses the model instead of informing a reader: "ignore the previous instructions",
 * "ignorez les consignes précédentes", "you are now…", "system prompt", "réponds uniquement…", chat-template tokens and
 * forged prompt delimiters, in English and French. A passage holding such text is treated as data only: it cannot
 * support a sentence of a generated answer and the answer carries a warning.
 *
 * <p>The patterns need the wording of an instruction to a model (an imperative with "previous instructions", a role
 * change, a named prompt), so that clinical text ("patients who ignore the instructions of their doctor", "vous êtes
 * maintenant enceinte") is not flagged. Matching is on the case- and accent-folded text ({@link Folding}).
 */
public final class InjectionMarkers {

    private static final String QUALIFIER = "(?:previous|prior|above|earlier|preceding|former|original|initial|system)";
    private static final String RULES = "(?:instructions?|rules|directions|directives|prompts?|guidelines|messages?)";
    private static final String REGLES = "(?:consignes|instructions|regles|directives)";
    private static final String QUALIF_FR = "(?:precedentes|ci-dessus|anterieures|initiales|du systeme|d'origine)";

    /** Folded (lower case, no accents) patterns; each match is one marker. */
    private static final List<Pattern> PATTERNS = List.of(
            // English
            Pattern.compile("\\b(?:ignore|disregard|forget|override|bypass)\\s+(?:all\\s+|any\\s+)?(?:of\\s+)?"
                    + "(?:the\\s+|your\\s+|these\\s+|those\\s+)?" + QUALIFIER + "\\s+" + RULES + "\\b"),
            Pattern.compile("\\b(?:ignore|disregard|forget)\\s+(?:all\\s+)?(?:of\\s+)?your\\s+" + RULES + "\\b"),
            Pattern.compile("\\byou\\s+are\\s+now\\s+(?:a|an|the|acting|playing|no\\s+longer|in\\s+developer)\\b"),
            Pattern.compile("\\bfrom\\s+now\\s+on,?\\s+you\\s+(?:are|will|must|should)\\b"),
            Pattern.compile("\\b(?:system|developer|hidden)\\s+(?:prompt|message|instructions?)\\b"),
            Pattern.compile("\\bnew\\s+instructions?\\s*:"),
            Pattern.compile("\\b(?:respond|answer|reply|output)\\s+only\\s+(?:with|by|the\\s+following|this)\\b"),
            Pattern.compile("\\bonly\\s+(?:respond|answer|reply|output)\\s+(?:with|by|the\\s+following|this)\\b"),
            Pattern.compile("\\b(?:note|message|instructions?)\\s+(?:to|for)\\s+(?:the\\s+|any\\s+)?"
                    + "(?:ai|llm|chatbot|language\\s+model|ai\\s+assistant|assistant|model)\\b"),
            Pattern.compile("\\bdo\\s+not\\s+(?:cite|reveal|mention)\\s+(?:the\\s+|any\\s+)?(?:other\\s+)?"
                    + "(?:passages?|sources?|these\\s+instructions|this\\s+instruction|your\\s+instructions)\\b"),
            // French
            Pattern.compile("\\b(?:ignor|oubli)(?:e|es|ez|er)\\s+(?:toutes\\s+|tout\\s+)?(?:(?:tes|vos)\\s+" + REGLES
                    + "|(?:les|ces|des)\\s+" + REGLES + "\\s+" + QUALIF_FR + ")"),
            Pattern.compile("\\bne\\s+(?:tiens|tient|tenez)\\s+(?:plus\\s+|pas\\s+)compte\\s+(?:des|de\\s+tes|de\\s+vos)\\s+"
                    + REGLES + "\\b"),
            Pattern.compile("\\btu\\s+es\\s+(?:desormais|maintenant|a\\s+present|dorenavant)\\b"),
            Pattern.compile("\\bvous\\s+etes\\s+(?:desormais|maintenant|a\\s+present|dorenavant)\\s+(?:un|une)\\s+"
                    + "(?:assistant|modele|ia|agent|chatbot|intelligence)\\b"),
            Pattern.compile("\\b(?:prompt|invite|message|consignes?|instructions?)\\s+(?:du\\s+)?systeme\\b"),
            Pattern.compile("\\bnouvelles?\\s+(?:instructions|consignes)\\s*:"),
            Pattern.compile("\\b(?:reponds|repondez|repondre)\\s+(?:uniquement|seulement|simplement\\s+par)\\b"),
            Pattern.compile("\\bne\\s+(?:reponds|repondez)\\s+(?:que|rien\\s+d'autre)\\b"),
            Pattern.compile("\\b(?:note|message|consigne|instruction)s?\\s+(?:a|pour)\\s+(?:l'\\s*|le\\s+|les\\s+)?"
                    + "(?:ia|assistant|intelligence\\s+artificielle|modele|agent|chatbot|llm)\\b"),
            Pattern.compile("\\bne\\s+cite[sz]?\\s+(?:pas|aucun|aucune)\\s+(?:d'autres?\\s+|les\\s+)?"
                    + "(?:passages?|sources?)\\b"),
            // chat-template tokens and the prompt's own delimiters, forged
            Pattern.compile("<\\|\\s*(?:im_start|im_end|system|user|assistant|endoftext)\\s*\\|>"),
            Pattern.compile("\\[/?inst]|<<\\s*/?sys\\s*>>"),
            Pattern.compile("<\\s*/?\\s*(?:passage|question|system|instructions?)\\b[^>]{0,80}>"),
            Pattern.compile("(?m)^\\s*#{2,}\\s*(?:system|user|assistant)\\b"));

    private InjectionMarkers() {
    }

    /** The phrases of {@code text} that address the model, as written, in order of appearance; empty when none. */
    public static List<String> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String folded = Folding.fold(text);
        List<int[]> spans = new ArrayList<>();
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(folded);
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
            }
        }
        spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<String> out = new ArrayList<>();
        int covered = -1;
        for (int[] s : spans) {
            if (s[0] >= covered) {
                out.add(text.substring(s[0], s[1]).replaceAll("\\s+", " ").strip());
                covered = s[1];
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code text} holds any phrase addressed to the model. */
    public static boolean present(String text) {
        return !find(text).isEmpty();
    }
}
