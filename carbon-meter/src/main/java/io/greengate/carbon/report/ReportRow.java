package io.greengate.carbon.report;

/**
 * One group of a sustainability report. The per-accepted-test figures are null when no test was accepted.
 * {@code sciPerAcceptedTest} is the Software Carbon Intensity per functional unit, (E x I + M) / R: operational
 * grams plus embodied grams, per accepted test.
 */
public record ReportRow(String key, long count, double cpuSeconds, double energyJoules, double co2eGrams,
                        double embodiedGrams, long acceptedTests, Double energyPerAcceptedTestJoules,
                        Double co2ePerAcceptedTestGrams, Double sciPerAcceptedTest) {

    static ReportRow of(String key, Totals totals, long acceptedTests) {
        boolean any = acceptedTests > 0;
        return new ReportRow(key, totals.count(), totals.cpuSeconds(), totals.energyJoules(), totals.co2eGrams(),
                totals.embodiedGrams(), acceptedTests,
                any ? totals.energyJoules() / acceptedTests : null,
                any ? totals.co2eGrams() / acceptedTests : null,
                any ? (totals.co2eGrams() + totals.embodiedGrams()) / acceptedTests : null);
    }

    /** Summed energy records of one group. */
    record Totals(long count, double cpuSeconds, double energyJoules, double co2eGrams, double embodiedGrams) {
        static final Totals NONE = new Totals(0, 0, 0, 0, 0);

        Totals plus(Totals other) {
            return new Totals(count + other.count, cpuSeconds + other.cpuSeconds, energyJoules + other.energyJoules,
                    co2eGrams + other.co2eGrams, embodiedGrams + other.embodiedGrams);
        }
    }
}
