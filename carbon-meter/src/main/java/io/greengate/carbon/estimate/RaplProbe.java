package io.greengate.carbon.estimate;

import io.greengate.platform.metering.RaplMetering;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether carbon-meter's own machine exposes readable Intel RAPL counters, as the coefficients endpoint shows it.
 * RAPL readings are taken where work runs (platform's {@link RaplMetering} in each service) and arrive as
 * {@code UsageMeasured.measuredEnergyJoules}; carbon-meter then says {@code method: RAPL}.
 */
@ApplicationScoped
public class RaplProbe {

    private final RaplMetering metering;

    public RaplProbe(RaplMetering metering) {
        this.metering = metering;
    }

    public boolean available() {
        return metering.available();
    }
}
