package fr.preuve.core.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlmSupportJudgeTest {
    private static final String EVIDENCE = "A single low dose of primaquine (0.25 mg/kg bw) should be given to all patients"
            + " with P. falciparum malaria, except pregnant women and infants under 6 months.";
    private static final String CLAIM = "Une dose unique de primaquine de 0,25 mg/kg est recommandée.";

    private static SupportJudge.Judgement judge(String output) {
        return new LlmSupportJudge(prompt -> output).judge(CLAIM, List.of(EVIDENCE));
    }

    @Test
    void promptFillsClaimAndNumberedEvidenceInOnePass() {
        List<String> prompts = new ArrayList<>();
        LlmSupportJudge judge = new LlmSupportJudge(p -> {
            prompts.add(p);
            return "SUPPORTED";
        });
        judge.judge(CLAIM, List.of(EVIDENCE, "Second passage citing {{claim}} literally."));
        String p = prompts.getFirst();
        assertThat(p).contains("Claim:\n" + CLAIM).contains("[1] " + EVIDENCE)
                .contains("[2] Second passage citing {{claim}} literally.")
                .contains("SUPPORTED or NOT_SUPPORTED").doesNotContain("{{evidence}}");
    }

    @Test
    void plainVerdictsAndReasons() {
        SupportJudge.Judgement yes = judge("SUPPORTED\nThe evidence gives the same dose.");
        assertThat(yes.supported()).isTrue();
        assertThat(yes.score()).isEqualTo(1.0);
        assertThat(yes.reason()).isEqualTo("LLM: supported: The evidence gives the same dose.");
        SupportJudge.Judgement no = judge("NOT_SUPPORTED - the evidence says nothing about children.");
        assertThat(no.supported()).isFalse();
        assertThat(no.score()).isEqualTo(0.0);
        assertThat(no.reason()).isEqualTo("LLM: not supported: the evidence says nothing about children.");
    }

    @Test
    void lenientAboutCaseMarkdownLabelsAndFrench() {
        assertThat(judge("supported.").supported()).isTrue();
        assertThat(judge("**Supported**: same dose").supported()).isTrue();
        assertThat(judge("Verdict: SUPPORTED\nReason: same dose").supported()).isTrue();
        assertThat(judge("SOUTENU\nLa dose est la même.").supported()).isTrue();
        assertThat(judge("Soutenue").supported()).isTrue();
        assertThat(judge("NON SOUTENU : la population diffère").supported()).isFalse();
        assertThat(judge("Pas soutenu").supported()).isFalse();
        assertThat(judge("not supported").supported()).isFalse();
        assertThat(judge("Not-Supported").supported()).isFalse();
        assertThat(judge("UNSUPPORTED").supported()).isFalse();
        assertThat(judge("NOT FULLY SUPPORTED: the dose is right, the population is not").supported()).isFalse();
        assertThat(judge("Partially supported").supported()).isFalse();
        assertThat(judge("  \n\nNOT_SUPPORTED\n").supported()).isFalse();
    }

    @Test
    void firstLineWinsOverLaterMentions() {
        SupportJudge.Judgement j = judge("NOT_SUPPORTED\nA claim is SUPPORTED only when the dose matches; here it does not.");
        assertThat(j.supported()).isFalse();
        assertThat(judge("SUPPORTED\nIt is not unsupported by anything.").supported()).isTrue();
    }

    @Test
    void verdictAfterAPreambleIsFoundWhenUnambiguous() {
        assertThat(judge("Let me check the dose.\nThe claim is supported by passage [1].").supported()).isTrue();
        assertThat(judge("Looking at the evidence...\nVerdict: NOT_SUPPORTED").supported()).isFalse();
    }

    @Test
    void unparseableOutputIsNotSupportedWithAReason() {
        for (String out : List.of("", "   ", "I cannot tell.", "Maybe.",
                "Deciding between SUPPORTED and NOT_SUPPORTED...\nHard to say.")) {
            SupportJudge.Judgement j = judge(out);
            assertThat(j.supported()).as(out).isFalse();
            assertThat(j.score()).isEqualTo(0.0);
            assertThat(j.reason()).as(out).startsWith("unparseable LLM verdict, counted as not supported");
        }
        assertThat(new LlmSupportJudge(p -> null).judge(CLAIM, List.of(EVIDENCE)).reason())
                .startsWith("unparseable LLM verdict");
    }

    @Test
    void anUnavailableJudgeNeverLetsAClaimThrough() {
        LlmSupportJudge judge = new LlmSupportJudge(p -> {
            throw new IllegalStateException("LLM down");
        });
        SupportJudge.Judgement j = judge.judge(CLAIM, List.of(EVIDENCE));
        assertThat(j.supported()).isFalse();
        assertThat(j.reason()).contains("unavailable").contains("LLM down");
    }

    @Test
    void rejectsBadTemplatesAndEmptyEvidence() {
        assertThatThrownBy(() -> new LlmSupportJudge(p -> "SUPPORTED", "no placeholders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{{claim}}");
        assertThatThrownBy(() -> new LlmSupportJudge(p -> "SUPPORTED").judge(CLAIM, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evidence must not be empty");
        assertThat(new LlmSupportJudge(p -> "SUPPORTED").name()).isEqualTo("llm-v1");
    }
}
