package fr.preuve.core.answer.extract;

import fr.preuve.core.text.Folding;
import java.util.regex.Pattern;

/**
 * How likely a sentence is to state a finding or a recommendation rather than its background or methods, from its
 * section heading (PubMed abstract labels, WHO and HAS headings) and its own wording.
 */
public final class SectionPrior {

    static final double FINDING = 1.0;
    static final double NEUTRAL = 0.7;
    static final double BACKGROUND = 0.4;
    static final double METHODS = 0.15;

    private static final Pattern FINDINGS = Pattern.compile("\\b(conclusions?|results?|findings?|interpretation|"
            + "recommendations?|recommandations?|remarks|summary|resume|key messages?|service medical rendu|smr|asmr|"
            + "amelioration du service|avis|strength of recommendation|dosage|dose|posologie|treatment|traitement)\\b");
    private static final Pattern BACKGROUNDS = Pattern.compile("\\b(background|introduction|context|contexte|rationale|"
            + "importance|historique)\\b");
    private static final Pattern METHOD_HEADINGS = Pattern.compile("\\b(methods?|methodology|design|setting|objectives?|"
            + "purpose|aims?|patients|participants|subjects|materials?|main outcome measures?|outcome measures|"
            + "interventions?|study selection|data sources|data extraction|measurements|methode\\w*|objectifs?)\\b");
    private static final Pattern METHOD_WORDING = Pattern.compile("\\b(we (searched|conducted|performed|reviewed|examined|"
            + "evaluated|investigated|analy[sz]ed|assessed|sought|aimed|studied|compared|enrolled|included|describe)|"
            + "(search|study|review) was (conducted|performed|carried out)|were (searched|selected|included|enrolled|"
            + "randomi[sz]ed|recruited|reviewed|collected|analy[sz]ed|identified|retrieved)|this (study|review|trial|"
            + "paper|article) (aimed|aims|was designed|sought|examined|evaluated|describes|reports|investigated)|"
            + "the (aim|purpose|objective|goal)s? (of|was|were|is)|was to (evaluate|assess|determine|investigate|compare|"
            + "examine|describe|explore|identify)|data were|retrospective(ly)? review|a (medline|pubmed|literature) search|"
            + "databases? (were|was) searched|studies selected|inclusion criteria|^(aims?|objectives?|purpose|background)\\s?:"
            + "|^to (determine|evaluate|assess|investigate|compare|examine|describe|identify|test|explore|analy[sz]e|"
            + "review|report|study)|this (study|trial|review) compared|were studied|we hypothesi[sz]ed|"
            + "were (prospectively|retrospectively|randomly) (enrolled|allocated|assigned|included|studied))\\b");

    private SectionPrior() {
    }

    /** From 0 (methods) to 1 (a finding or recommendation) for a sentence in a section headed {@code heading}. */
    public static double of(String heading, String sentence) {
        double prior = heading(heading);
        if (METHOD_WORDING.matcher(Folding.fold(sentence)).find()) {
            prior = Math.min(prior, METHODS);
        }
        return prior;
    }

    static double heading(String heading) {
        if (heading == null || heading.isBlank()) {
            return NEUTRAL;
        }
        String h = Folding.fold(heading);
        if (FINDINGS.matcher(h).find()) {
            return FINDING;
        }
        if (METHOD_HEADINGS.matcher(h).find()) {
            return METHODS;
        }
        if (BACKGROUNDS.matcher(h).find()) {
            return BACKGROUND;
        }
        return NEUTRAL;
    }
}
