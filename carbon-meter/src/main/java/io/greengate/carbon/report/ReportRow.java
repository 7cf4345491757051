package io.greengate.carbon.report;

/**
 * One group of a sustainability report. Software Carbon Intensity per functional unit, SCI = (E x I + M) / R
 * (operational grams plus embodied grams, per unit), for three units: {@code sciPerAcceptedTest} divides all the
 * group's grams by the tests accepted; {@code sciPerSuggestion} by the suggestions the group's inference produced;
 * {@code sciPerBuild} the grams of the group's CI builds by their number. Each is null when its R is 0.
 * {@code decided} counts the group's review decisions, {@code acceptanceRate} is accepted / decided (null before the
 * first decision); like {@code acceptedTests}, service and kind rows count every decision of the period.
 */
public record ReportRow(String key, long count, double cpuSeconds, double energyJoules, double co2eGrams,
                        double embodiedGrams, long acceptedTests, Double energyPerAcceptedTestJoules,
                        Double co2ePerAcceptedTestGrams, Double sciPerAcceptedTest, long suggestions,
                        Double sciPerSuggestion, long builds, Double sciPerBuild, long decided,
                        Double acceptanceRate) {

    /** Review decisions of a group: how many there were, how many accepted a test. */
    record Outcomes(long accepted, long decided) {
        static final Outcomes NONE = new Outcomes(0, 0);
    }

    static ReportRow of(String key, Totals totals, Outcomes outcomes) {
        long acceptedTests = outcomes.accepted();
        boolean any = acceptedTests > 0;
        double grams = totals.co2eGrams() + totals.embodiedGrams();
        return new ReportRow(key, totals.count(), totals.cpuSeconds(), totals.energyJoules(), totals.co2eGrams(),
                totals.embodiedGrams(), acceptedTests,
                any ? totals.energyJoules() / acceptedTests : null,
                any ? totals.co2eGrams() / acceptedTests : null,
                any ? grams / acceptedTests : null,
                totals.suggestions(), totals.suggestions() > 0 ? grams / totals.suggestions() : null,
                totals.builds(), totals.builds() > 0 ? totals.buildGrams() / totals.builds() : null,
                outcomes.decided(), outcomes.decided() > 0 ? (double) acceptedTests / outcomes.decided() : null);
    }

    /** Summed energy records of one group; {@code buildGrams} is operational plus embodied grams of its builds. */
    record Totals(long count, double cpuSeconds, double energyJoules, double co2eGrams, double embodiedGrams,
                  long suggestions, long builds, double buildGrams) {
        static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0);

        Totals plus(Totals other) {
            return new Totals(count + other.count, cpuSeconds + other.cpuSeconds, energyJoules + other.energyJoules,
                    co2eGrams + other.co2eGrams, embodiedGrams + other.embodiedGrams,
                    suggestions + other.suggestions, builds + other.builds, buildGrams + other.buildGrams);
        }
    }
}
