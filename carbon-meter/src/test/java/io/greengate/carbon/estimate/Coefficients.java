package io.greengate.carbon.estimate;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The service's shipped configuration (application.properties and the mapping's defaults), without Quarkus. */
final class Coefficients {

    private Coefficients() {
    }

    static CarbonConfig shipped() {
        return with(Map.of());
    }

    static CarbonConfig with(Map<String, String> overrides) {
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder()
                    .withSources(new PropertiesConfigSource(
                            Coefficients.class.getResource("/application.properties"), 100))
                    .withSources(new PropertiesConfigSource(overrides, "test", 200))
                    .withMapping(CarbonConfig.class)
                    .build();
            return config.getConfigMapping(CarbonConfig.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
