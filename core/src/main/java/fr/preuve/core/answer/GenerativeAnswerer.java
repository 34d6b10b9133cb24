package fr.preuve.core.answer;

import fr.preuve.core.config.Defaults;
import fr.preuve.core.config.LlmSettings;
import fr.preuve.core.doc.Passage;
import fr.preuve.core.guard.Finding;
import fr.preuve.core.guard.PatientDataGuard;
import fr.preuve.core.llm.AnswerPrompt;
import fr.preuve.core.llm.ChatGateway;
import fr.preuve.core.llm.InjectionMarkers;
import fr.preuve.core.llm.LlmFailure;
import fr.preuve.core.llm.Prompt;
import fr.preuve.core.search.SearchHit;
import fr.preuve.core.search.SearchResult;
import fr.preuve.core.text.SentenceSplitter;
import fr.preuve.core.text.TextSpan;
import fr.preuve.core.verify.AnswerVerifier;
import fr.preuve.core.verify.Citations;
import fr.preuve.core.verify.CitedSentence;
import fr.preuve.core.text.Folding;
import fr.preuve.core.verify.ContentWords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers with a generative model that cannot escape its citations: the model sees the top passages numbered from 1;
 * its reply is split into sentences, each verified against the passages it cites ({@link AnswerVerifier}); what fails
 * is removed (or flagged, by policy) and listed with its reason. Preuve abstains when retrieval is weak, when the model
 * says the passages do not answer, or when too little survives; when the model fails (timeout, error, garbage) the
 * answer falls back to extractive with a visible warning.
 *
 * <p>Passages reach the model as delimited, escaped data ({@link AnswerPrompt}). A passage holding text addressed to
 * the model ({@link InjectionMarkers}: "ignore the previous instructions"…) supports no sentence, whatever the model
 * makes of it, and the answer says which passage it was.
 */
public final class GenerativeAnswerer {


    private final ExtractiveAnswerer extractive;
    private final ChatGateway gateway;
    private final AnswerPrompt prompt;
    private final AnswerVerifier verifier;
    private final LlmSettings settings;
    private final PatientDataGuard guard;

    public GenerativeAnswerer(ExtractiveAnswerer extractive, ChatGateway gateway, AnswerPrompt prompt,
                              AnswerVerifier verifier, LlmSettings settings, PatientDataGuard guard) {
        this.guard = guard;
        this.extractive = extractive;
        this.gateway = gateway;
        this.prompt = prompt;
        this.verifier = verifier;
        this.settings = settings;
    }

    /** Who writes the answers. */
    public ModelInfo model() {
        return new ModelInfo(settings.provider().key(), settings.model(), settings.name(), settings.healthDataApproved());
    }

    /**
     * Answers {@code asked} from {@code result}, streaming the model's text to the listener. Retrieval and the evidence
     * check use the question without identifying data; the model gets it only if its endpoint may (or redacted).
     */
    public AnswerDraft compose(AskedQuestion asked, SearchResult result, AnswerListener listener) {
        String lang = asked.lang();
        String clinical = asked.clinical();
        List<SearchHit> hits = result.hits();
        EvidenceAssessor.Evidence evidence = extractive.evidence(clinical, lang, result);
        if (!evidence.sufficient()) {
            AnswerDraft none = abstain(lang, hits.stream().map(SearchHit::passage).toList(), List.of(), List.of());
            return AnswerDraft.generated(true, Messages.noEvidence(lang, evidence.missing()), none.sentences(),
                    none.passages(), none.warnings());
        }
        List<Passage> given = hits.subList(0, Math.min(Defaults.LLM_PROMPT_PASSAGES, hits.size())).stream()
                .map(SearchHit::passage).toList();
        List<CitedPassage> numbered = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            numbered.add(CitedPassage.of(i + 1, given.get(i), List.of()));
        }
        String sent = asked.text();
        List<String> warnings = new ArrayList<>();
        List<Finding> findings = asked.identifying();
        if (!settings.healthDataApproved() && !findings.isEmpty()) {
            if (settings.patientData() == LlmSettings.PatientDataPolicy.REFUSE) {
                return extractive(clinical, lang, result, Messages.patientDataWithheld(lang, settings.name(), findings));
            }
            sent = guard.redact(sent, findings);
            warnings.add(Messages.patientDataRedacted(lang, settings.name(), findings));
        }
        Map<Integer, List<String>> instructed = instructed(given);
        if (!instructed.isEmpty()) {
            warnings.add(Messages.instructionsInPassages(lang, instructed));
        }
        listener.onPassages(numbered);
        Prompt p = prompt.build(sent, lang, given);
        String reply;
        try {
            reply = gateway.chat(p, listener::onToken);
        } catch (LlmFailure f) {
            return fallback(clinical, lang, result, f);
        }
        if (saysNoEvidence(reply)) {
            return abstain(lang, given, List.of(), warnings);
        }
        List<CitedSentence> parsed = Citations.parse(reply);
        if (parsed.stream().allMatch(s -> s.citations().isEmpty())) {
            return fallback(clinical, lang, result, new LlmFailure(LlmFailure.Kind.GARBLED,
                    "the reply cites no passage at all"));
        }
        List<AnswerVerifier.Checked> checked = verifier.verify(parsed, given, lang, instructed.keySet());
        AnswerDraft o = deliver(lang, given, checked);
        if (warnings.isEmpty()) {
            return o;
        }
        warnings.addAll(o.warnings());
        return o.withWarnings(warnings);
    }

    /** Passage number (from 1) to the phrases addressed to the model found in it, for the passages holding any. */
    static Map<Integer, List<String>> instructed(List<Passage> given) {
        Map<Integer, List<String>> out = new TreeMap<>();
        for (int i = 0; i < given.size(); i++) {
            List<String> found = InjectionMarkers.find(given.get(i).text());
            if (!found.isEmpty()) {
                out.put(i + 1, found);
            }
        }
        return out;
    }

    private AnswerDraft deliver(String lang, List<Passage> given, List<AnswerVerifier.Checked> checked) {
        boolean flag = settings.unsupported() == LlmSettings.UnsupportedPolicy.FLAG;
        long supported = checked.stream().filter(AnswerVerifier.Checked::supported).count();
        if (supported < Defaults.LLM_MIN_SUPPORTED_SENTENCES) {
            List<AnswerSentence> listed = checked.stream().map(c -> sentence(c, false)).toList();
            return abstain(lang, given, listed, List.of(Messages.nothingVerified(lang)));
        }
        StringBuilder text = new StringBuilder();
        List<AnswerSentence> sentences = new ArrayList<>();
        Map<Integer, List<CitedPassage.Highlight>> highlights = new LinkedHashMap<>();
        Set<Integer> cited = new TreeSet<>();
        for (AnswerVerifier.Checked c : checked) {
            boolean delivered = c.supported() || flag;
            sentences.add(sentence(c, delivered));
            c.sentence().citations().stream().filter(n -> n >= 1 && n <= given.size()).forEach(cited::add);
            if (c.supported()) {
                for (int n : c.sentence().citations()) {
                    highlight(c.sentence().text(), lang, given.get(n - 1)).ifPresent(h ->
                            highlights.computeIfAbsent(n, k -> new ArrayList<>()).add(h));
                }
            }
            if (delivered) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                if (!c.supported()) {
                    text.append(Messages.unverifiedMark(lang)).append(' ');
                }
                text.append(withCitations(c.sentence().text(), c.sentence().citations()));
            }
        }
        List<CitedPassage> passages = new ArrayList<>();
        for (int n : cited) {
            passages.add(CitedPassage.of(n, given.get(n - 1), highlights.getOrDefault(n, List.of())));
        }
        long removed = checked.size() - supported;
        List<String> warnings = removed == 0 ? List.of()
                : List.of(flag ? Messages.flagged(lang, removed) : Messages.removed(lang, removed));
        return AnswerDraft.generated(false, text.toString(), sentences, passages, warnings);
    }

    private static AnswerSentence sentence(AnswerVerifier.Checked c, boolean delivered) {
        return new AnswerSentence(c.sentence().text(), c.sentence().citations(), c.verdict(), c.reason(), delivered);
    }

    private AnswerDraft abstain(String lang, List<Passage> closest, List<AnswerSentence> listed, List<String> warnings) {
        List<CitedPassage> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(Defaults.ABSTENTION_PASSAGES, closest.size()); i++) {
            shown.add(CitedPassage.of(i + 1, closest.get(i), List.of()));
        }
        return AnswerDraft.generated(true, Messages.noEvidence(lang), listed, shown, warnings);
    }

    private AnswerDraft fallback(String question, String lang, SearchResult result, LlmFailure failure) {
        return extractive(question, lang, result, Messages.modelFailed(lang, failure));
    }

    /** The extractive answer, with the warning that says why the model did not write it. */
    private AnswerDraft extractive(String question, String lang, SearchResult result, String warning) {
        return extractive.compose(question, lang, result).withWarnings(List.of(warning));
    }

    /** Whether the reply is the fixed abstention sentence (in either language). */
    static boolean saysNoEvidence(String reply) {
        String r = fold(reply);
        return r.contains(fold(Messages.noEvidence("fr"))) || r.contains(fold(Messages.noEvidence("en")));
    }

    /**
     * The sentence of {@code passage} sharing the most content words with {@code claim} (at least two), to highlight.
     */
    static java.util.Optional<CitedPassage.Highlight> highlight(String claim, String claimLang, Passage passage) {
        Set<String> words = ContentWords.of(claim, claimLang);
        TextSpan best = null;
        int bestCount = 1;
        for (TextSpan span : SentenceSplitter.split(passage.text())) {
            Set<String> w = new HashSet<>(ContentWords.of(passage.text().substring(span.start(), span.end()), passage.language()));
            w.retainAll(words);
            if (w.size() > bestCount) {
                bestCount = w.size();
                best = span;
            }
        }
        return best == null ? java.util.Optional.empty()
                : java.util.Optional.of(new CitedPassage.Highlight(best.start(), best.end()));
    }

    private static String fold(String s) {
        return Folding.fold(s).replaceAll("\\s+", " ").strip();
    }

    /** "Sentence [1, 3]." — citations before the final full stop, as the model was asked to write them. */
    static String withCitations(String sentence, List<Integer> citations) {
        if (citations.isEmpty()) {
            return sentence;
        }
        String marks = "[" + String.join(", ", citations.stream().map(String::valueOf).toList()) + "]";
        String s = sentence.strip();
        char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
        return ".!?".indexOf(last) >= 0 ? s.substring(0, s.length() - 1).stripTrailing() + " " + marks + last : s + " " + marks;
    }
}
