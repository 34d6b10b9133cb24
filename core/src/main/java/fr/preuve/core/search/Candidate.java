package fr.preuve.core.search;

/** A passage found by one or more rankings, its score and rank in each, and its fused score. */
final class Candidate {
    final int luceneDoc;
    final Double[] score = new Double[Leg.values().length];
    final Integer[] rank = new Integer[Leg.values().length];
    double fused;

    Candidate(int luceneDoc) {
        this.luceneDoc = luceneDoc;
    }

    void set(Leg leg, double value, int r) {
        score[leg.ordinal()] = value;
        rank[leg.ordinal()] = r;
    }

    double score(Leg leg) {
        return score[leg.ordinal()] == null ? 0 : score[leg.ordinal()];
    }

    double rrf(double[] weights, int k) {
        double sum = 0;
        for (int i = 0; i < rank.length; i++) {
            sum += rank[i] == null ? 0 : weights[i] / (k + rank[i]);
        }
        return sum;
    }
}
