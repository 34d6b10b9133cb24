package fr.preuve.eval.judge;

import fr.preuve.core.verify.DrugLexicon;
import fr.preuve.core.verify.DrugMention;
import fr.preuve.core.verify.NumberMention;
import fr.preuve.core.verify.Numbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unsupported claims derived by code from a real supported one: each {@link Perturbation} changes one thing a
 * fabrication changes while staying on topic, by a fixed rewrite of the first place it applies (no randomness: the
 * same sentence gives the same perturbation). English rules, with the French negation and comparison words too.
 */
public final class Perturbations {

    private static final Pattern AUXILIARY = Pattern.compile(
            "\\b(is|are|was|were|should|can|could|may|might|must|will|would|does|did|has|have|had)\\b(?! not\\b)");
    private static final Pattern NOT = Pattern.compile("\\b(?:(is|are|was|were|should|can|could|may|might|must|will|"
            + "would|does|did|has|have|had) not|(do|does|did)n't)\\b");
    private static final Pattern FRENCH_VERB = Pattern.compile("\\b(est|sont|doit|doivent|peut|peuvent)\\b");
    private static final Map<String, String> OPPOSITES = Map.ofEntries(
            Map.entry("increased", "decreased"), Map.entry("decreased", "increased"),
            Map.entry("increase", "decrease"), Map.entry("decrease", "increase"),
            Map.entry("increases", "decreases"), Map.entry("decreases", "increases"),
            Map.entry("reduced", "increased"), Map.entry("reduces", "increases"), Map.entry("reduce", "increase"),
            Map.entry("higher", "lower"), Map.entry("lower", "higher"), Map.entry("greater", "smaller"),
            Map.entry("more", "less"), Map.entry("less", "more"), Map.entry("fewer", "more"),
            Map.entry("superior", "inferior"), Map.entry("inferior", "superior"),
            Map.entry("better", "worse"), Map.entry("worse", "better"),
            Map.entry("improved", "worsened"), Map.entry("improves", "worsens"), Map.entry("improve", "worsen"),
            Map.entry("above", "below"), Map.entry("below", "above"),
            Map.entry("augmente", "diminue"), Map.entry("diminue", "augmente"),
            Map.entry("supérieur", "inférieur"), Map.entry("inférieur", "supérieur"),
            Map.entry("supérieure", "inférieure"), Map.entry("inférieure", "supérieure"),
            Map.entry("plus", "moins"), Map.entry("moins", "plus"));
    private static final Pattern DIRECTION = Pattern.compile("\\b(" + String.join("|", OPPOSITES.keySet()) + ")\\b");
    private static final Map<String, String> POPULATIONS = Map.ofEntries(
            Map.entry("children", "adults"), Map.entry("adults", "children"), Map.entry("child", "adult"),
            Map.entry("adult", "child"), Map.entry("infants", "adults"), Map.entry("pregnant women", "older people"),
            Map.entry("older people", "pregnant women"), Map.entry("elderly", "young"), Map.entry("women", "men"),
            Map.entry("men", "women"), Map.entry("enfants", "adultes"), Map.entry("adultes", "enfants"));
    private static final Pattern POPULATION = Pattern.compile(
            "\\b(" + String.join("|", POPULATIONS.keySet()) + ")\\b");
    private static final List<String[]> CERTAIN = List.of(
            new String[] {"\\bmay be\\b", "is"}, new String[] {"\\bmight be\\b", "is"},
            new String[] {"\\bcould be\\b", "is"}, new String[] {"\\bsuggests that\\b", "demonstrates that"},
            new String[] {"\\bsuggest that\\b", "demonstrate that"},
            new String[] {"\\bsuggested that\\b", "demonstrated that"}, new String[] {"\\bappears? to be\\b", "is"},
            new String[] {"\\bseems? to be\\b", "is"}, new String[] {"\\bmay\\b", "will"},
            new String[] {"\\bmight\\b", "will"}, new String[] {"\\bpossibly\\b", "certainly"},
            new String[] {"\\bprobably\\b", "certainly"}, new String[] {"\\blikely\\b", "certainly"});
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\d(?:[\\d.,\\u00A0\\u202F ]*\\d)?");
    /** Drugs put in place of the claim's when the evidence names no other. */
    private static final List<String> OTHER_DRUGS = List.of("amoxicillin", "metformin", "ibuprofen", "warfarin");

    private final DrugLexicon drugs;

    public Perturbations(DrugLexicon drugs) {
        this.drugs = Objects.requireNonNull(drugs, "drugs");
    }

    /** {@code claim} perturbed by {@code kind}, or empty when the rewrite does not apply to it. */
    public Optional<String> apply(Perturbation kind, String claim, List<String> evidence) {
        return Optional.ofNullable(switch (kind) {
            case NEGATION -> negate(claim);
            case COMPARISON -> replaceFirst(DIRECTION, claim, OPPOSITES);
            case NUMBER -> number(claim, evidence);
            case POPULATION -> replaceFirst(POPULATION, claim, POPULATIONS);
            case DRUG -> drug(claim, evidence);
            case CERTAINTY -> certain(claim);
        }).filter(p -> !p.equals(claim));
    }

    private static String negate(String claim) {
        Matcher not = NOT.matcher(claim);
        if (not.find()) {
            String verb = not.group(1) != null ? not.group(1) : not.group(2).equals("do") ? "" : not.group(2);
            String kept = verb.isEmpty() ? "" : verb;
            return (claim.substring(0, not.start()) + kept + claim.substring(not.end())).replace("  ", " ");
        }
        Matcher aux = AUXILIARY.matcher(claim);
        if (aux.find()) {
            return claim.substring(0, aux.end()) + " not" + claim.substring(aux.end());
        }
        Matcher fr = FRENCH_VERB.matcher(claim);
        if (fr.find()) {
            String verb = fr.group(1);
            String ne = verb.startsWith("e") ? "n'" : "ne ";
            return claim.substring(0, fr.start()) + ne + verb + " pas" + claim.substring(fr.end());
        }
        return null;
    }

    private static String replaceFirst(Pattern p, String claim, Map<String, String> with) {
        Matcher m = p.matcher(claim);
        if (!m.find()) {
            return null;
        }
        return claim.substring(0, m.start()) + with.get(m.group(1)) + claim.substring(m.end());
    }

    private static String number(String claim, List<String> evidence) {
        List<NumberMention> mentions = Numbers.extract(claim).stream()
                .filter(n -> n.text().chars().anyMatch(Character::isDigit)).toList();
        if (mentions.isEmpty()) {
            return null;
        }
        NumberMention m = mentions.get(0);
        BigDecimal other = null;
        for (String e : evidence) {
            for (NumberMention n : Numbers.extract(e)) {
                if (other == null && n.value().compareTo(m.value()) != 0 && Objects.equals(n.unit(), m.unit())
                        && n.unit() != null) {
                    other = n.value();
                }
            }
        }
        if (other == null) {
            other = m.value().multiply(BigDecimal.valueOf(2)).add(BigDecimal.ONE);
        }
        Matcher lead = LEADING_NUMBER.matcher(m.text());
        if (!lead.find()) {
            return null;
        }
        return claim.substring(0, m.start()) + other.stripTrailingZeros().toPlainString()
                + m.text().substring(lead.end()) + claim.substring(m.end());
    }

    private String drug(String claim, List<String> evidence) {
        List<DrugMention> named = drugs.find(claim);
        if (named.isEmpty()) {
            return null;
        }
        DrugMention d = named.get(0);
        String other = null;
        List<DrugMention> there = new ArrayList<>();
        evidence.forEach(e -> there.addAll(drugs.find(e)));
        for (DrugMention e : there) {
            if (other == null && !e.key().equals(d.key())) {
                other = e.text();
            }
        }
        if (other == null) {
            other = OTHER_DRUGS.stream().filter(o -> !o.equals(d.key())).findFirst().orElseThrow();
        }
        return claim.substring(0, d.start()) + other + claim.substring(d.end());
    }

    private static String certain(String claim) {
        for (String[] rule : CERTAIN) {
            Matcher m = Pattern.compile(rule[0]).matcher(claim);
            if (m.find()) {
                return claim.substring(0, m.start()) + rule[1] + claim.substring(m.end());
            }
        }
        return null;
    }
}
