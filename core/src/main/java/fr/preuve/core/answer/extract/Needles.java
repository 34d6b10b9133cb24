package fr.preuve.core.answer.extract;

import fr.preuve.core.crosslingual.BridgedQuery;
import fr.preuve.core.crosslingual.Concept;
import fr.preuve.core.search.ConceptCoverage;
import fr.preuve.core.search.HybridSearcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The question's concepts as index terms of each passage language: in the question's own language the words behind
 * each concept, in the other language the concept's renderings, so that a French question's "paludisme grave" is
 * looked for as "severe malaria" in an English sentence. Each concept weighs its rarest word's inverse document
 * frequency; key concepts (the drug, the disease, the population) are marked.
 */
public final class Needles {

    /** One concept: any of its alternatives (all of whose terms a sentence must hold) finds it. */
    public record Needle(List<Set<String>> alternatives, double weight, boolean key) {
        boolean in(Set<String> terms) {
            for (Set<String> a : alternatives) {
                if (!a.isEmpty() && terms.containsAll(a)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** How a unit matches the question's concepts. */
    public record Match(double coverage, boolean key) {
    }

    private final HybridSearcher searcher;
    private final ConceptCoverage coverage;
    private final String question;
    private final String lang;
    private final BridgedQuery bridged;
    private final Map<String, List<Needle>> byField = new HashMap<>();

    public Needles(HybridSearcher searcher, String question, String lang, BridgedQuery bridged) {
        this.searcher = searcher;
        this.coverage = new ConceptCoverage(searcher, false);
        this.question = question;
        this.lang = lang;
        this.bridged = bridged;
    }

    /** The concepts as terms of {@code field}, a passage of language {@code passageLang}. */
    public List<Needle> of(String field, String passageLang) {
        return byField.computeIfAbsent(field, f -> build(f, passageLang));
    }

    /** How much of the question {@code terms} (a unit in {@code field}) covers, and whether it holds a key concept. */
    public Match match(String field, String passageLang, Set<String> terms) {
        double total = 0;
        double found = 0;
        boolean key = false;
        for (Needle n : of(field, passageLang)) {
            total += n.weight();
            if (n.in(terms)) {
                found += n.weight();
                key |= n.key();
            }
        }
        return new Match(total == 0 ? 0 : found / total, key);
    }

    /** Whether the question has a key concept that can be looked for in {@code field}. */
    public boolean hasKey(String field, String passageLang) {
        return of(field, passageLang).stream().anyMatch(n -> n.key() && n.weight() > 0);
    }

    private List<Needle> build(String field, String passageLang) {
        List<Needle> out = new ArrayList<>();
        if (!bridged.isEmpty() && passageLang.equals(bridged.to())) {
            for (Concept c : bridged.concepts()) {
                List<Set<String>> alts = new ArrayList<>();
                double w = 0;
                for (String alt : c.alternatives()) {
                    Set<String> t = coverage.terms(c, alt, field);
                    alts.add(t);
                    w = Math.max(w, coverage.weight(field, t));
                }
                out.add(new Needle(alts, w, c.key()));
            }
        } else if (!bridged.isEmpty() && passageLang.equals(lang)) {
            for (Concept c : bridged.concepts()) {
                Set<String> t = searcher.terms(field, c.source());
                out.add(new Needle(List.of(t), coverage.weight(field, t), c.key()));
            }
            for (String w : bridged.unknown()) {
                Set<String> t = searcher.terms(field, w);
                out.add(new Needle(List.of(t), coverage.weight(field, t), false));
            }
        } else {
            for (String t : searcher.terms(field, question)) {
                out.add(new Needle(List.of(Set.of(t)), searcher.idfIfIndexed(field, t), true));
            }
        }
        out.removeIf(n -> n.weight() <= 0);
        return out;
    }

}
