package io.greengate.carbon.estimate;

/**
 * Energy and emissions of one workload, with what they rest on: the grid intensity used (g CO2e/kWh), and
 * whether it is the world average because the region was missing or unknown.
 */
public record EnergyEstimate(double energyJoules, double co2eGrams, double embodiedGrams, Method method,
                             String region, double gridIntensity, boolean regionFallback) {
}
