package fr.preuve.core.verify.checks;

import fr.preuve.core.question.Constraint;
import fr.preuve.core.text.Folding;
import fr.preuve.core.text.SentenceSplitter;
import fr.preuve.core.verify.NumberMention;
import fr.preuve.core.verify.Numbers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.MatchResult;

/**
 * A value with a unit must be given for the same population or condition as in the cited text: the WHO passage gives
 * artesunate 3 mg/kg for children under 20 kg and 2.4 mg/kg for larger children and adults, so "adults receive
 * 3 mg/kg" contradicts it even though 3 mg/kg is in the passage.
 *
 * <p><b>Binding.</b> In each sentence, a number with a unit is bound to the populations ({@link Constraint}: child,
 * adult, elderly, pregnancy, breastfeeding, renal or hepatic impairment, HIV; French and English words) named
 * between it and the previous number with a unit; when there are none there, to the nearest group named earlier in
 * the sentence; failing that, to those named after it up to the next number. <b>Conflict.</b> The claim binds a value
 * to populations, the cited passages hold that value (same unit, {@link Numbers#sameQuantity}), every occurrence is
 * bound to some population, and none is compatible with the claim's (the same one, or adult and elderly). A value the
 * passage gives without a population is not a conflict: the claim may narrow it. Works across languages.
 */
public final class PopulationBinding implements ClaimCheck {

    private static final Set<Constraint> POPULATIONS = EnumSet.of(Constraint.CHILD, Constraint.ADULT,
            Constraint.ELDERLY, Constraint.PREGNANCY, Constraint.BREASTFEEDING, Constraint.RENAL, Constraint.HEPATIC,
            Constraint.HIV);

    /** A number with its sentence and the populations it is bound to. */
    record Bound(NumberMention number, String sentence, Set<Constraint> populations) {
    }

    @Override
    public Optional<Conflict> check(String claim, List<String> evidence) {
        List<Bound> claimed = bindings(claim).stream().filter(b -> !b.populations().isEmpty()).toList();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        List<Bound> cited = new ArrayList<>();
        for (String e : evidence) {
            cited.addAll(bindings(e));
        }
        for (Bound c : claimed) {
            List<Bound> same = cited.stream().filter(e -> Numbers.sameQuantity(c.number(), e.number())).toList();
            if (same.isEmpty() || same.stream().anyMatch(e -> e.populations().isEmpty()
                    || compatible(c.populations(), e.populations()))) {
                continue;
            }
            Set<Constraint> other = same.get(0).populations();
            return Optional.of(new Conflict(ConflictKind.POPULATION,
                    c.number().text() + " (" + names(c.populations(), false) + ")", names(other, false),
                    same.get(0).sentence(), c.number().text() + " (" + names(c.populations(), true) + ")",
                    names(other, true)));
        }
        return Optional.empty();
    }

    /** Every number with a unit in {@code text}, with its populations. */
    static List<Bound> bindings(String text) {
        List<Bound> out = new ArrayList<>();
        for (String sentence : SentenceSplitter.sentences(text)) {
            String folded = Folding.fold(sentence);
            List<int[]> mentions = new ArrayList<>(); // {start, constraint ordinal}
            for (Constraint p : POPULATIONS) {
                for (MatchResult m : p.mentionsIn(folded)) {
                    mentions.add(new int[] {m.start(), p.ordinal()});
                }
            }
            List<NumberMention> numbers = Numbers.extract(sentence).stream().filter(n -> n.unit() != null).toList();
            for (int k = 0; k < numbers.size(); k++) {
                out.add(new Bound(numbers.get(k), sentence.strip(), bind(numbers, k, mentions, sentence.length())));
            }
        }
        return out;
    }

    private static Set<Constraint> bind(List<NumberMention> numbers, int k, List<int[]> mentions, int length) {
        for (int j = k; j >= 0; j--) {
            int from = j == 0 ? 0 : numbers.get(j - 1).end();
            Set<Constraint> in = between(mentions, from, numbers.get(j).start());
            if (!in.isEmpty()) {
                return in;
            }
        }
        int to = k + 1 < numbers.size() ? numbers.get(k + 1).start() : length;
        return between(mentions, numbers.get(k).end(), to);
    }

    private static Set<Constraint> between(List<int[]> mentions, int from, int to) {
        Set<Constraint> out = EnumSet.noneOf(Constraint.class);
        for (int[] m : mentions) {
            if (m[0] >= from && m[0] < to) {
                out.add(Constraint.values()[m[1]]);
            }
        }
        return out;
    }

    static boolean compatible(Set<Constraint> a, Set<Constraint> b) {
        for (Constraint x : a) {
            if (b.contains(x) || x == Constraint.ADULT && b.contains(Constraint.ELDERLY)
                    || x == Constraint.ELDERLY && b.contains(Constraint.ADULT)) {
                return true;
            }
        }
        return false;
    }

    /** Readable names of populations ("children", "adults"). */
    static String names(Set<Constraint> populations, boolean french) {
        StringJoiner j = new StringJoiner(", ");
        for (Constraint c : populations) {
            j.add(switch (c) {
                case CHILD -> french ? "les enfants" : "children";
                case ADULT -> french ? "les adultes" : "adults";
                case ELDERLY -> french ? "les personnes âgées" : "older people";
                case PREGNANCY -> french ? "la grossesse" : "pregnancy";
                case BREASTFEEDING -> french ? "l'allaitement" : "breastfeeding";
                case RENAL -> french ? "l'insuffisance rénale" : "renal impairment";
                case HEPATIC -> french ? "l'insuffisance hépatique" : "hepatic impairment";
                case HIV -> "VIH/HIV";
                default -> c.name().toLowerCase(java.util.Locale.ROOT);
            });
        }
        return j.toString();
    }
}
