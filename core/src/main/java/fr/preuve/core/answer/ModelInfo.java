package fr.preuve.core.answer;

/**
 * Which model wrote an answer and where it ran, for the transparency block of every answer.
 *
 * @param provider           {@code none} (extractive, local), {@code openai}, {@code ollama} or {@code mistral}
 * @param model              the model's name ({@code extractive} when no generative model was used)
 * @param endpoint           the endpoint's label ({@code local} when nothing left the process)
 * @param healthDataApproved whether the endpoint is approved for health data (always true for local answers)
 */
public record ModelInfo(String provider, String model, String endpoint, boolean healthDataApproved) {

    /** Extractive answers: nothing leaves the process. */
    public static ModelInfo local() {
        return new ModelInfo("none", "extractive", "local", true);
    }
}
