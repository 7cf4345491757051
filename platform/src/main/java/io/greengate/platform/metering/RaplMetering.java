package io.greengate.platform.metering;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns RAPL measuring on for {@link CpuMeter} when this machine's counters can be read
 * ({@code greengate.metering.rapl-root}, Linux' powercap folder); otherwise usage carries CPU time only and
 * carbon-meter estimates its energy with the model.
 */
@ApplicationScoped
public class RaplMetering {

    private static final Logger LOG = Logger.getLogger(RaplMetering.class);

    private final RaplCounter counter;
    private volatile boolean enabled;

    public RaplMetering(@ConfigProperty(name = "greengate.metering.rapl-root", defaultValue = "/sys/class/powercap")
                        Path root) {
        this.counter = new RaplCounter(root, Path.of("/proc/stat"));
    }

    void onStart(@Observes StartupEvent event) {
        boolean readable = available();
        enabled = readable;
        CpuMeter.useRapl(readable ? counter : null);
        LOG.infof("Intel RAPL energy counters %s: work is metered %s", readable ? "readable" : "not readable",
                readable ? "with its share of the measured package energy" : "by CPU time only (energy model)");
    }

    public boolean available() {
        return counter.read().isPresent();
    }

    /** A reading of the counters, when measuring is on (empty otherwise, or when a read fails). */
    Optional<RaplCounter.Reading> read() {
        return enabled ? counter.read() : Optional.empty();
    }
}
