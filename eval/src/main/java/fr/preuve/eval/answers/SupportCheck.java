package fr.preuve.eval.answers;

import fr.preuve.core.embed.Embedder;
import fr.preuve.core.verify.DefaultSupportJudge;
import fr.preuve.core.verify.JudgeSpec;
import fr.preuve.core.verify.SupportJudge;
import fr.preuve.core.verify.judge.SupportModel;
import fr.preuve.core.verify.judge.TrainedSupportJudge;
import java.util.List;
import java.util.Locale;

/**
 * Decides, independently of the answerer's own verdicts, whether cited passages support a sentence:
 * {@link #VERBATIM} containment (whitespace and case folded), exact for extractive answers, or
 * {@link #verbatimElse(SupportJudge)}, which asks a support judge about the sentences that are not quoted verbatim
 * (generated answers).
 */
@FunctionalInterface
public interface SupportCheck {

    /** Whether {@code passages} (the texts of the cited passages) support {@code sentence}. */
    boolean supports(String sentence, List<String> passages);

    /** A name for reports. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * The sentence appears verbatim in one of the passages, ignoring case and runs of white space; a quote whose
     * pieces are joined by an ellipsis (" … ", words left out) when every piece appears in the same passage, in order.
     */
    SupportCheck VERBATIM = new SupportCheck() {
        @Override
        public boolean supports(String sentence, List<String> passages) {
            String[] pieces = sentence.split(java.util.regex.Pattern.quote(fr.preuve.core.answer.extract.Quote.GAP));
            return !fold(sentence).isEmpty() && passages.stream().map(SupportCheck::fold).anyMatch(p -> {
                int from = 0;
                for (String piece : pieces) {
                    String f = fold(piece);
                    int at = f.isEmpty() ? -1 : p.indexOf(f, from);
                    if (at < 0) {
                        return false;
                    }
                    from = at + f.length();
                }
                return true;
            });
        }

        @Override
        public String name() {
            return "verbatim containment";
        }
    };

    /** Verbatim containment, else the verdict of {@code judge} on the cited passages (named after the judge). */
    static SupportCheck verbatimElse(SupportJudge judge) {
        return new SupportCheck() {
            @Override
            public boolean supports(String sentence, List<String> passages) {
                return VERBATIM.supports(sentence, passages)
                        || !passages.isEmpty() && judge.judge(sentence, passages).supported();
            }

            @Override
            public String name() {
                return "verbatim containment, else judge " + judge.name();
            }
        };
    }

    /**
     * The grading of generated sentences: verbatim containment, else a judge that is not the answer gate's, so that
     * "no hallucination after the gate" is not true by construction: the trained judge (trained-v1) unless the gate
     * uses it, the embedding judge (default-v1) when it does. The name says both, with what the grader's verdicts are
     * worth on human labels.
     */
    static SupportCheck otherThanGate(Embedder embedder, JudgeSpec gate) {
        DefaultSupportJudge embedding = new DefaultSupportJudge(embedder);
        boolean gateTrained = JudgeSpec.TRAINED.equals(gate);
        SupportCheck grading = verbatimElse(gateTrained ? embedding : TrainedSupportJudge.standard(embedding));
        SupportModel trained = SupportModel.standard();
        String gateName = gateTrained ? trained.version()
                : (JudgeSpec.DEFAULT.equals(gate) ? DefaultSupportJudge.NAME : gate.key()) + "+checks";
        String worth = gateTrained ? DefaultSupportJudge.NAME + ": " + DefaultSupportJudge.QUALITY
                : trained.version() + ": " + trained.quality();
        return new SupportCheck() {
            @Override
            public boolean supports(String sentence, List<String> passages) {
                return grading.supports(sentence, passages);
            }

            @Override
            public String name() {
                return grading.name() + " (the gate's judge is " + gateName + "; grader " + worth + ")";
            }
        };
    }

    /** Lower-cases and collapses white space, for lenient string comparisons. */
    static String fold(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
