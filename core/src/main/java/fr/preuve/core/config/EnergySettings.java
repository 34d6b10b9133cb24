package fr.preuve.core.config;

/**
 * The parameters of an answer's energy estimate (shown with every answer; the method is stated on {@code /about}):
 * the power of one busy CPU core here, and the energy of a model endpoint per thousand tokens it generates (a token it
 * reads counts {@value Defaults#ENERGY_SENT_TOKEN_WEIGHT} of one).
 * Both are orders of magnitude unless a site measures its own ({@code answer.wattsPerCore},
 * {@code answer.whPer1kTokens}).
 *
 * @param wattsPerCore  watts drawn by one busy core of the machine answering
 * @param whPer1kTokens watt-hours per 1,000 tokens a generative model returns
 */
public record EnergySettings(double wattsPerCore, double whPer1kTokens) {
    public EnergySettings {
        Check.range("answer.wattsPerCore", wattsPerCore, 0, 1_000);
        Check.range("answer.whPer1kTokens", whPer1kTokens, 0, 1_000);
    }

    public static EnergySettings defaults() {
        return new EnergySettings(Defaults.ENERGY_WATTS_PER_CORE, Defaults.ENERGY_WH_PER_1K_TOKENS);
    }

    /** Watt-hours of {@code cpuMillis} of one core's work and of the tokens sent to and received from a model. */
    public double wattHours(double cpuMillis, long sent, long received) {
        return cpuMillis / 3_600_000.0 * wattsPerCore
                + (received + sent * Defaults.ENERGY_SENT_TOKEN_WEIGHT) / 1_000.0 * whPer1kTokens;
    }
}
