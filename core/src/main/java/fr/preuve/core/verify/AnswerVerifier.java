package fr.preuve.core.verify;

import fr.preuve.core.answer.Verdict;
import fr.preuve.core.doc.Passage;
import java.util.ArrayList;
import fr.preuve.core.verify.checks.ClaimChecks;
import fr.preuve.core.verify.checks.Conflict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks each sentence of a generated answer against the passages the model was given, in order: it cites something;
 * every citation points to a given passage; it cites no passage holding instructions addressed to the model (such a
 * passage is data only and supports nothing); its links (web addresses, e-mail addresses) occur in the cited passages;
 * its numbers (with units) and drug names occur in the cited passages; the
 * deterministic checks ({@link ClaimChecks}: population binding, negation, comparison, drug subject) find no conflict;
 * the support judge accepts it. The first check that fails gives the verdict and its reason, in the question's language.
 */
public final class AnswerVerifier {

    /** A web or e-mail address, as a model may write one (trailing punctuation excluded). */
    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)[^\\s<>\"'«»()\\[\\]]+[^\\s<>\"'«»()\\[\\].,;:!?]"
                    + "|\\b[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private final SupportJudge judge;
    private final DrugLexicon drugs;
    private final ClaimChecks checks;

    public AnswerVerifier(SupportJudge judge, DrugLexicon drugs) {
        this.judge = judge;
        this.drugs = drugs;
        this.checks = ClaimChecks.standard(drugs);
    }

    /** One sentence with its verdict and the reason for it. */
    public record Checked(CitedSentence sentence, Verdict verdict, String reason) {
        public boolean supported() {
            return verdict == Verdict.SUPPORTED;
        }
    }

    public String judgeName() {
        return judge.name();
    }

    /** Verifies {@code sentences} against {@code given}, the passages numbered from 1 in the prompt. */
    public List<Checked> verify(List<CitedSentence> sentences, List<Passage> given, String lang) {
        return verify(sentences, given, lang, Set.of());
    }

    /**
     * Verifies {@code sentences} against {@code given}; a sentence citing one of {@code instructed} (numbers of passages
     * holding text addressed to the model) is unsupported, whatever the other passages it cites say.
     */
    public List<Checked> verify(List<CitedSentence> sentences, List<Passage> given, String lang, Set<Integer> instructed) {
        List<Checked> out = new ArrayList<>(sentences.size());
        for (CitedSentence s : sentences) {
            out.add(verify(s, given, "fr".equals(lang), instructed));
        }
        return out;
    }

    private Checked verify(CitedSentence s, List<Passage> given, boolean fr, Set<Integer> instructed) {
        if (s.citations().isEmpty()) {
            return new Checked(s, Verdict.UNSUPPORTED, fr ? "aucune citation : la phrase ne s'appuie sur aucun passage"
                    : "no citation: the sentence rests on no passage");
        }
        List<Integer> invalid = s.citations().stream().filter(n -> n < 1 || n > given.size()).toList();
        if (!invalid.isEmpty()) {
            String bad = invalid.stream().map(n -> "[" + n + "]").collect(Collectors.joining(", "));
            String range = given.isEmpty() ? "" : given.size() == 1 ? "[1]" : "[1]–[" + given.size() + "]";
            return new Checked(s, Verdict.INVALID_CITATION, fr
                    ? "cite " + bad + " alors que seuls les passages " + range + " ont été fournis"
                    : "cites " + bad + " but only passages " + range + " were given");
        }
        List<Integer> suspect = s.citations().stream().filter(instructed::contains).distinct().toList();
        if (!suspect.isEmpty()) {
            String bad = suspect.stream().map(n -> "[" + n + "]").collect(Collectors.joining(", "));
            return new Checked(s, Verdict.UNSUPPORTED, fr
                    ? "cite " + bad + ", un passage qui contient des instructions adressées au modèle : il ne peut étayer "
                            + "aucune phrase"
                    : "cites " + bad + ", a passage holding instructions addressed to the model: it cannot support "
                            + "any sentence");
        }
        List<String> evidence = s.citations().stream().map(n -> given.get(n - 1).text()).toList();
        String cited = s.citations().stream().map(n -> "[" + n + "]").collect(Collectors.joining(""));
        List<String> links = missingLinks(s.text(), evidence);
        if (!links.isEmpty()) {
            String list = String.join(", ", links);
            return new Checked(s, Verdict.UNSUPPORTED, fr ? "lien absent du passage cité " + cited + " : " + list
                    : "link not in the cited passage " + cited + ": " + list);
        }
        List<NumberMention> numbers = Numbers.missing(s.text(), evidence);
        if (!numbers.isEmpty()) {
            String list = numbers.stream().map(NumberMention::text).collect(Collectors.joining(", "));
            return new Checked(s, Verdict.UNSUPPORTED, fr ? list + " : absent du passage cité " + cited
                    : list + ": not in the cited passage " + cited);
        }
        List<DrugMention> missingDrugs = drugs.missing(s.text(), evidence);
        if (!missingDrugs.isEmpty()) {
            String list = missingDrugs.stream().map(DrugMention::text).distinct().collect(Collectors.joining(", "));
            return new Checked(s, Verdict.UNSUPPORTED, fr ? "médicament absent du passage cité " + cited + " : " + list
                    : "drug not in the cited passage " + cited + ": " + list);
        }
        Optional<Conflict> conflict = checks.check(DefaultSupportJudge.withoutCitations(s.text()), evidence);
        if (conflict.isPresent()) {
            return new Checked(s, Verdict.UNSUPPORTED, conflict.get().reason(fr) + " " + cited);
        }
        SupportJudge.Judgement j = judge.judge(s.text(), evidence);
        String drift = s.drifts().isEmpty() ? "" : " (" + String.join("; ", s.drifts()) + ")";
        if (!j.supported()) {
            return new Checked(s, Verdict.UNSUPPORTED, (fr ? "non étayé par " + cited + " selon le juge : "
                    : "not supported by " + cited + " according to the judge: ") + j.reason() + drift);
        }
        return new Checked(s, Verdict.SUPPORTED, (fr ? "chiffres, médicaments et contenu vérifiés dans " + cited + " ("
                : "numbers, drug names and content checked against " + cited + " (") + j.reason() + ")" + drift);
    }

    /** The web and e-mail addresses of {@code claim} that none of {@code evidence} contains (case ignored). */
    static List<String> missingLinks(String claim, List<String> evidence) {
        String all = String.join("\n", evidence).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(claim);
        while (m.find()) {
            String link = m.group();
            String bare = link.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("/$", "");
            if (!all.contains(bare) && !out.contains(link)) {
                out.add(link);
            }
        }
        return out;
    }
}
