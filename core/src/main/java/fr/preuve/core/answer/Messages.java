package fr.preuve.core.answer;

import fr.preuve.core.guard.Finding;
import java.util.List;
import java.util.stream.Collectors;

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

    /** The abstention, naming what the corpus holds nothing on when that is known. */
    public static String noEvidence(String lang, java.util.Optional<String> missing) {
        if (missing.isEmpty()) {
            return noEvidence(lang);
        }
        String m = missing.get();
        return "fr".equals(lang)
                ? "Le corpus ne contient rien sur « " + m + " » : aucune preuve trouvée pour répondre à cette question."
                : "The corpus holds nothing on \"" + m + "\": no evidence found to answer this question.";
    }

    /**
     * The lead of a partial answer: the corpus does not give the value asked for; what follows is what it says about
     * {@code subject} (the question's key words, or blank).
     */
    public static String partial(String lang, fr.preuve.core.question.AnswerType type, String subject) {
        boolean fr = "fr".equals(lang);
        String what = switch (type) {
            case DOSE -> fr ? "la dose demandée" : "the dose asked for";
            case DURATION -> fr ? "la durée demandée" : "the duration asked for";
            case FREQUENCY -> fr ? "la fréquence demandée" : "the frequency asked for";
            case THRESHOLD -> fr ? "le seuil demandé" : "the threshold asked for";
            case PROPORTION -> fr ? "la proportion demandée" : "the proportion asked for";
            default -> fr ? "la réponse exacte" : "the exact answer";
        };
        if (subject == null || subject.isBlank()) {
            return fr ? "Preuve n'a pas trouvé " + what + " dans le corpus ; voici les passages les plus proches :"
                    : "Preuve did not find " + what + " in the corpus; here are the closest passages:";
        }
        return fr ? "Preuve n'a pas trouvé " + what + " dans le corpus ; voici ce qu'il dit de « " + subject + " » :"
                : "Preuve did not find " + what + " in the corpus; here is what it says about \"" + subject + "\":";
    }

    public static String noEvidence(String lang) {
        return "fr".equals(lang)
                ? "Aucune preuve trouvée dans le corpus pour répondre à cette question."
                : "No evidence found in the corpus to answer this question.";
    }

    public static String extractiveMode(String lang) {
        return "fr".equals(lang) ? "extractif, sans modèle génératif" : "extractive, no generative model";
    }

    public static String generativeMode(String lang, String model) {
        return "fr".equals(lang) ? "génératif (" + model + "), vérifié phrase par phrase"
                : "generative (" + model + "), verified sentence by sentence";
    }

    /** Prefix of a delivered sentence that failed verification (policy {@code flag}). */
    public static String unverifiedMark(String lang) {
        return "fr".equals(lang) ? "⚠ [non vérifié]" : "⚠ [unverified]";
    }

    public static String removed(String lang, long count) {
        return "fr".equals(lang)
                ? count + (count == 1 ? " phrase du modèle a été retirée : elle n'est pas étayée par les passages cités."
                        : " phrases du modèle ont été retirées : elles ne sont pas étayées par les passages cités.")
                : count + (count == 1 ? " sentence of the model was removed: the cited passages do not support it."
                        : " sentences of the model were removed: the cited passages do not support them.");
    }

    public static String flagged(String lang, long count) {
        return "fr".equals(lang)
                ? count + " phrase(s) marquée(s) « non vérifiée » : les passages cités ne les étayent pas."
                : count + " sentence(s) marked \"unverified\": the cited passages do not support them.";
    }

    public static String nothingVerified(String lang) {
        return "fr".equals(lang)
                ? "Aucune phrase de la réponse du modèle n'a pu être vérifiée dans les passages : Preuve s'abstient."
                : "No sentence of the model's answer could be verified against the passages: Preuve abstains.";
    }

    /** Why the answer is extractive although a generative model is configured. */
    public static String modelFailed(String lang, fr.preuve.core.llm.LlmFailure f) {
        boolean fr = "fr".equals(lang);
        String what = switch (f.kind()) {
            case TIMEOUT -> fr ? "le modèle n'a pas répondu dans le délai" : "the model did not answer in time";
            case HTTP_ERROR -> fr ? "le modèle a renvoyé une erreur" : "the model returned an error";
            case CONNECTION -> fr ? "la connexion au modèle a échoué" : "the connection to the model failed";
            case EMPTY -> fr ? "le modèle a renvoyé une réponse vide" : "the model returned an empty reply";
            case GARBLED -> fr ? "la réponse du modèle était inexploitable" : "the model's reply was unusable";
            case CIRCUIT_OPEN -> fr ? "le modèle est suspendu après des échecs répétés"
                    : "the model is suspended after repeated failures";
        };
        return (fr ? "Réponse extractive : " + what + " (" : "Extractive answer: " + what + " (") + f.getMessage() + ").";
    }

    /** The identifying data types found, e.g. "name, birthdate" (never the data itself). */
    private static String types(List<Finding> findings) {
        return findings.stream().map(f -> f.type().key()).distinct().collect(Collectors.joining(", "));
    }

    public static String patientDataWithheld(String lang, String endpoint, List<Finding> findings) {
        return "fr".equals(lang)
                ? "Question non envoyée au modèle « " + endpoint + " », non agréé pour les données de santé : elle contient "
                        + "des données identifiantes (" + types(findings) + "). Réponse extractive, calculée localement."
                : "Question not sent to the model \"" + endpoint + "\", which is not approved for health data: it contains "
                        + "identifying data (" + types(findings) + "). Extractive answer, computed locally.";
    }

    public static String patientDataRedacted(String lang, String endpoint, List<Finding> findings) {
        return "fr".equals(lang)
                ? "Données identifiantes (" + types(findings) + ") remplacées par des marqueurs avant l'envoi au modèle « "
                        + endpoint + " », non agréé pour les données de santé."
                : "Identifying data (" + types(findings) + ") replaced by placeholders before sending to the model \""
                        + endpoint + "\", which is not approved for health data.";
    }

    /**
     * Passages given to the model that hold text addressed to it ({@code instructed}: passage number to the phrases
     * found): they were quoted as data and support no sentence.
     */
    public static String instructionsInPassages(String lang, java.util.Map<Integer, List<String>> instructed) {
        boolean fr = "fr".equals(lang);
        String numbers = instructed.keySet().stream().map(n -> "[" + n + "]").collect(Collectors.joining(", "));
        String phrases = instructed.values().stream().flatMap(List::stream).distinct().limit(3)
                .map(p -> fr ? "« " + p + " »" : "\"" + p + "\"").collect(Collectors.joining(", "));
        boolean one = instructed.size() == 1;
        return fr
                ? (one ? "Le passage " : "Les passages ") + numbers + (one ? " contient" : " contiennent")
                        + " un texte adressé au modèle (" + phrases + ") : Preuve l'a transmis comme simple citation, "
                        + "sans en suivre les consignes, et aucune phrase de la réponse ne peut s'y appuyer."
                : (one ? "Passage " : "Passages ") + numbers + (one ? " contains" : " contain")
                        + " text addressed to the model (" + phrases + "): Preuve passed it on as a quotation only, "
                        + "without following it, and no sentence of the answer may rest on it.";
    }
}
