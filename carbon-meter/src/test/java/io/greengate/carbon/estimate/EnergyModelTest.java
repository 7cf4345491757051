package io.greengate.carbon.estimate;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The energy model against hand-computed examples. The expected values are written out from the published
 * coefficients, never by calling the model: Cloud Carbon Footprint (CCF) AWS averages P_min 0.74 W and
 * P_max 3.5 W per vCPU, memory 0.392 W/GB, PUE 1.135; CCF grid factors eu-west-1 278.6 and us-east-1
 * 379.069 g CO2e/kWh; IEA world average 475 g/kWh; Samsi et al. 2023, 3.5 J per token.
 */
class EnergyModelTest {

    private static final double P_MIN = 0.74;
    private static final double P_MAX = 3.5;
    private static final double P_MEMORY = 0.392;
    private static final double PUE = 1.135;
    private static final double EU_WEST_1 = 278.6;
    private static final double US_EAST_1 = 379.069;
    private static final double WORLD = 475;
    private static final double JOULES_PER_KWH = 3_600_000;

    private final EnergyModel model = new EnergyModel(Coefficients.shipped());

    @Test
    void aTwoVcpuBuildOf380SecondsWallAnd412SecondsCpuInEuWest1() {
        EnergyEstimate estimate = model.estimate(Workload.cpu(412, 380, 2, "eu-west-1"));

        // idle share 380 s x 2 vCPU x 0.74 W = 562.4 J; load share 412 s x (3.5 - 0.74) W = 1137.12 J
        // (562.4 + 1137.12) J x PUE 1.135 = 1928.9552 J
        double joules = (380 * 2 * P_MIN + 412 * (P_MAX - P_MIN)) * PUE;
        assertEquals(1928.9552, joules, 1e-9);
        assertEquals(joules, estimate.energyJoules(), 1e-9);
        // 1928.9552 J = 0.000535821 kWh, x 278.6 g/kWh = 0.14928 g
        assertEquals(joules / JOULES_PER_KWH * EU_WEST_1, estimate.co2eGrams(), 1e-12);
        assertEquals(0.14928, estimate.co2eGrams(), 1e-5);
        assertEquals(Method.MODEL, estimate.method());
        assertEquals(EU_WEST_1, estimate.gridIntensity());
        assertFalse(estimate.regionFallback());
        assertEquals(0, estimate.embodiedGrams(), "M is 0 unless configured");
    }

    @Test
    void knownMemoryAddsItsPowerForTheWallTime() {
        EnergyEstimate estimate = model.estimate(new Workload(1200, 600, 4, 16.0, 0, null, "us-east-1"));

        // compute 600 x 4 x 0.74 + 1200 x 2.76 = 1776 + 3312 = 5088 J; memory 16 GB x 0.392 W x 600 s = 3763.2 J
        double joules = (600 * 4 * P_MIN + 1200 * (P_MAX - P_MIN) + 16 * P_MEMORY * 600) * PUE;
        assertEquals(10046.112, joules, 1e-9);
        assertEquals(joules, estimate.energyJoules(), 1e-9);
        assertEquals(joules / JOULES_PER_KWH * US_EAST_1, estimate.co2eGrams(), 1e-12);
    }

    @Test
    void aMissingRegionUsesTheWorldAverageAndSaysSo() {
        EnergyEstimate estimate = model.estimate(Workload.cpu(412, 380, 2, null));

        assertTrue(estimate.regionFallback());
        assertNull(estimate.region());
        assertEquals(WORLD, estimate.gridIntensity());
        assertEquals(1928.9552 / JOULES_PER_KWH * WORLD, estimate.co2eGrams(), 1e-12);
    }

    @Test
    void anUnknownRegionUsesTheWorldAverageAndSaysSo() {
        EnergyEstimate estimate = model.estimate(Workload.cpu(10, 10, 1, "moon-south-1"));

        assertTrue(estimate.regionFallback());
        assertEquals("moon-south-1", estimate.region());
        assertEquals(WORLD, estimate.gridIntensity());
    }

    @Test
    void regionNamesAreMatchedWhateverTheirCase() {
        EnergyEstimate estimate = model.estimate(Workload.cpu(10, 10, 1, " EU-West-1 "));

        assertFalse(estimate.regionFallback());
        assertEquals("eu-west-1", estimate.region());
        assertEquals(EU_WEST_1, estimate.gridIntensity());
    }

    @Test
    void remoteLlmTokensAreCountedAtTheDefaultJoulesPerTokenPlusTheLocalCpu() {
        EnergyEstimate estimate = model.estimate(new Workload(0.02, 0.5, 1, null, 1500, "some-remote-model", null));

        // 1500 tokens x 3.5 J = 5250 J; local CPU (0.5 x 1 x 0.74 + 0.02 x 2.76) x 1.135 = 0.482602 J
        double joules = 1500 * 3.5 + (0.5 * P_MIN + 0.02 * (P_MAX - P_MIN)) * PUE;
        assertEquals(5250.482602, joules, 1e-9);
        assertEquals(joules, estimate.energyJoules(), 1e-9);
        assertEquals(Method.TOKENS, estimate.method());
    }

    @Test
    void energyTheLlmServerReportedReplacesTheTokenEstimate() {
        EnergyEstimate estimate = model.estimate(new Workload(0.02, 0.5, 1, null, 1500, "some-remote-model", null,
                12.5));

        // the server's 12.5 J instead of 1500 tokens x 3.5 J; the local CPU as before
        double joules = 12.5 + (0.5 * P_MIN + 0.02 * (P_MAX - P_MIN)) * PUE;
        assertEquals(12.982602, joules, 1e-9);
        assertEquals(joules, estimate.energyJoules(), 1e-9);
        assertEquals(Method.REPORTED, estimate.method());
    }

    @Test
    void energyMeasuredWithRaplReplacesTheCpuModel() {
        EnergyEstimate estimate = model.estimate(new Workload(0.2, 0.5, 1, null, 0, null, null, null, 3.0));

        // the 3 J the work's share of the packages used, times the data centre's PUE; no CPU power model
        assertEquals(3.0 * PUE, estimate.energyJoules(), 1e-9);
        assertEquals(Method.RAPL, estimate.method());
        EnergyEstimate modelled = model.estimate(new Workload(0.2, 0.5, 1, null, 0, null, null, null, null));
        assertEquals(Method.MODEL, modelled.method());
        assertEquals((0.5 * P_MIN + 0.2 * (P_MAX - P_MIN)) * PUE, modelled.energyJoules(), 1e-9);
    }

    @Test
    void aModelWithItsOwnJoulesPerTokenUsesThem() {
        EnergyModel configured = new EnergyModel(Coefficients.with(
                Map.of("greengate.carbon.llm.joules-per-token.\"llama-3.1-8b\"", "0.4")));

        EnergyEstimate estimate = configured.estimate(new Workload(0, 0, 1, null, 1000, "llama-3.1-8b", "eu-west-1"));

        assertEquals(400, estimate.energyJoules(), 1e-9);
        assertEquals(400 / JOULES_PER_KWH * EU_WEST_1, estimate.co2eGrams(), 1e-12);
    }

    @Test
    void embodiedEmissionsAreChargedPerVcpuHourWhenConfigured() {
        EnergyModel configured = new EnergyModel(Coefficients.with(
                Map.of("greengate.carbon.embodied-grams-per-vcpu-hour", "0.5")));

        EnergyEstimate estimate = configured.estimate(Workload.cpu(3600, 1800, 4, "eu-west-1"));

        // 4 vCPU x 0.5 h x 0.5 g per vCPU-hour = 1 g
        assertEquals(1.0, estimate.embodiedGrams(), 1e-12);
    }

    @Test
    void everyCoefficientCanBeOverridden() {
        EnergyModel configured = new EnergyModel(Coefficients.with(Map.of(
                "greengate.carbon.cpu.min-watts-per-vcpu", "1",
                "greengate.carbon.cpu.max-watts-per-vcpu", "4",
                "greengate.carbon.pue", "1.5",
                "greengate.carbon.grid.intensity.on-prem", "100")));

        EnergyEstimate estimate = configured.estimate(Workload.cpu(10, 20, 2, "on-prem"));

        // (20 x 2 x 1 + 10 x 3) x 1.5 = 105 J; x 100 g/kWh
        assertEquals(105, estimate.energyJoules(), 1e-9);
        assertEquals(105 / JOULES_PER_KWH * 100, estimate.co2eGrams(), 1e-12);
    }

    @Test
    void theShippedDefaultsAreThePublishedCoefficients() {
        CarbonConfig config = Coefficients.shipped();

        assertEquals(P_MIN, config.cpu().minWattsPerVcpu());
        assertEquals(P_MAX, config.cpu().maxWattsPerVcpu());
        assertEquals(P_MEMORY, config.memory().wattsPerGb());
        assertEquals(PUE, config.pue());
        assertEquals(WORLD, config.grid().worldAverage());
        assertEquals(3.5, config.llm().defaultJoulesPerToken());
        assertEquals(0, config.embodiedGramsPerVcpuHour());
        assertEquals(EU_WEST_1, config.grid().intensity().get("eu-west-1"));
        assertEquals(US_EAST_1, config.grid().intensity().get("us-east-1"));
        assertEquals(311, config.grid().intensity().get("eu-central-1"));
        assertEquals(322.167, config.grid().intensity().get("us-west-2"));
        assertEquals(408, config.grid().intensity().get("ap-southeast-1"));
        assertTrue(config.llm().joulesPerToken().isEmpty());
    }
}
