package fr.preuve.core.answer;

/** Fixed texts shown with answers, in French and English. */
public final class Messages {
    private Messages() {
    }

    public static String notice(String lang) {
        return "fr".equals(lang)
                ? "Contenu produit par un assistant d'IA à partir des sources citées : vérifiez chaque phrase dans sa "
                        + "source. Le clinicien reste responsable de la décision."
                : "AI-assisted content drawn from the cited sources: check each sentence against its source. "
                        + "The clinician remains responsible for the decision.";
    }

    public static String noEvidence(String lang) {
        return "fr".equals(lang)
                ? "Aucune preuve trouvée dans le corpus pour répondre à cette question."
                : "No evidence found in the corpus to answer this question.";
    }

    public static String extractiveMode(String lang) {
        return "fr".equals(lang) ? "extractif, sans modèle génératif" : "extractive, no generative model";
    }
}
