package fr.preuve.core.answer;

/**
 * What an answer cost: CPU time of the thread that retrieved and composed it, tokens exchanged with a generative model
 * (zero for an extractive answer), and the energy estimate of both ({@link fr.preuve.core.config.EnergySettings};
 * the method and its limits are stated on {@code /about}).
 *
 * @param retrievalCpuMs CPU milliseconds of retrieval (question analysis, embedding call, search)
 * @param answerCpuMs    CPU milliseconds of composition and verification
 * @param tokensSent     tokens the model endpoint reported reading (prompts of the answer, judge and renderer calls)
 * @param tokensReceived tokens the model endpoint reported generating
 * @param energyWh       estimated watt-hours of the above
 */
public record Footprint(double retrievalCpuMs, double answerCpuMs, long tokensSent, long tokensReceived,
                        double energyWh) {
}
