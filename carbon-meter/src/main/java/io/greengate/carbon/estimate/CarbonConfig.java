package io.greengate.carbon.estimate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import java.util.Map;
import java.util.Optional;

/**
 * Every coefficient of the energy model, with the public source of its default. Energy in joules, power in
 * watts, grid intensity in grams CO2e per kWh.
 */
@ConfigMapping(prefix = "greengate.carbon")
public interface CarbonConfig {

    Cpu cpu();

    Memory memory();

    /**
     * Power Usage Effectiveness of the data centre: facility energy / IT energy. Default: the AWS PUE of the
     * Cloud Carbon Footprint methodology (CCF, "Power Usage Effectiveness", 1.135; GCP 1.1, Azure 1.185).
     */
    @WithDefault("1.135")
    @DecimalMin("1")
    double pue();

    Grid grid();

    Llm llm();

    /**
     * Embodied emissions (SCI's M) per vCPU-hour of use, grams CO2e. Default 0: SCI counts M only when it is
     * known; set it from a hardware LCA as total embodied grams / (lifetime hours x vCPUs of the server), the
     * allocation CCF's embodied-emissions method and the Green Software Foundation SCI specification use.
     */
    @WithDefault("0")
    @DecimalMin("0")
    double embodiedGramsPerVcpuHour();

    /**
     * vCPUs a usage record from a Greengate service occupied for its wall time: services meter work on one
     * thread (platform CpuMeter), so one vCPU's idle share is theirs.
     */
    @WithDefault("1")
    @Min(1)
    int usageVcpus();


    interface Cpu {
        /**
         * Power of one vCPU at idle. Default: CCF "Average Minimum Watts (0% CPU utilization)" for AWS, 0.74 W,
         * the mean of the SPECpower_ssj2008 results of the micro-architectures AWS uses (GCP 0.71, Azure 0.78).
         */
        @WithDefault("0.74")
        @DecimalMin("0")
        double minWattsPerVcpu();

        /** Power of one vCPU at full load. Default: CCF "Average Maximum Watts" for AWS, 3.5 W (GCP 4.26, Azure 3.76). */
        @WithDefault("3.5")
        @DecimalMin("0")
        double maxWattsPerVcpu();
    }

    interface Memory {
        /**
         * Power of one GB of DRAM. Default: CCF's memory coefficient, 0.392 W/GB (0.000392 kWh per GB-hour), the
         * mean of Crucial's ~0.375 W/GB and Micron's DDR4 power model ~0.4083 W/GB.
         */
        @WithDefault("0.392")
        @DecimalMin("0")
        double wattsPerGb();
    }

    interface Grid {
        /**
         * g CO2e/kWh by region (lower-case cloud region name). The defaults are CCF's AWS table, listed with its
         * sources in application.properties.
         */
        Map<String, Double> intensity();

        /**
         * For a missing or unknown region. Default: IEA's world average carbon intensity of power generation,
         * 475 g CO2/kWh (IEA Global Energy and CO2 Status Report 2019, for 2018; IEA Electricity 2025 gives 445
         * for 2024).
         */
        @WithDefault("475")
        @DecimalMin("0")
        double worldAverage();

        /** The region the Greengate services run in, for their UsageMeasured records; unset means world average. */
        Optional<String> serviceRegion();
    }

    interface Llm {
        /**
         * Energy per token (prompt + completion) of a remote LLM whose model has no entry of its own. Default:
         * 3.5 J, within the 3-4 J per output token Samsi et al. measured for LLaMA-65B on V100/A100 GPUs ("From
         * Words to Watts: Benchmarking the Energy Costs of Large Language Model Inference", IEEE HPEC 2023).
         * Counting prompt tokens at the same rate overestimates: prefill is cheaper per token than decoding.
         * For comparison, Luccioni et al. ("Power Hungry Processing", ACM FAccT 2024) measured a mean of
         * 0.047 kWh per 1,000 text generations with smaller models.
         */
        @WithDefault("3.5")
        @DecimalMin("0")
        double defaultJoulesPerToken();

        /** Joules per token by model name, e.g. {@code greengate.carbon.llm.joules-per-token."llama-3.1-8b"=0.5}. */
        Map<String, Double> joulesPerToken();
    }
}
