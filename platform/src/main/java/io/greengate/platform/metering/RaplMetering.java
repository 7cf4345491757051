package io.greengate.platform.metering;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures with Intel RAPL where this machine's counters can be read ({@code greengate.metering.rapl-root}, Linux'
 * powercap folder): a sampler reads them and the machine's busy CPU time every
 * {@code greengate.metering.rapl-interval} and keeps the packages' joules per busy CPU second over the last
 * interval; {@link CpuMeter} gives each piece of work its CPU seconds at that rate, so no file is read on the metered
 * path. Where the counters cannot be read, usage carries CPU time only and carbon-meter models its energy.
 */
@ApplicationScoped
public class RaplMetering {

    private static final Logger LOG = Logger.getLogger(RaplMetering.class);

    private final RaplCounter counter;
    private final Duration interval;
    private ScheduledExecutorService sampler;
    private Optional<RaplCounter.Reading> last = Optional.empty();

    @Inject
    public RaplMetering(@ConfigProperty(name = "greengate.metering.rapl-root", defaultValue = "/sys/class/powercap")
                        Path root,
                        @ConfigProperty(name = "greengate.metering.rapl-interval", defaultValue = "1s")
                        Duration interval) {
        this(root, Path.of("/proc/stat"), interval);
    }

    RaplMetering(Path root, Path procStat, Duration interval) {
        this.counter = new RaplCounter(root, procStat);
        this.interval = interval;
    }

    void onStart(@Observes StartupEvent event) {
        boolean readable = available();
        LOG.infof("Intel RAPL energy counters %s: work is metered %s", readable ? "readable" : "not readable",
                readable ? "with the measured package energy per CPU second" : "by CPU time only (energy model)");
        if (readable) {
            sample();
            sampler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "greengate-rapl-sampler");
                thread.setDaemon(true);
                return thread;
            });
            sampler.scheduleAtFixedRate(this::sample, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (sampler != null) {
            sampler.shutdownNow();
        }
        CpuMeter.useRaplRate(Double.NaN);
    }

    public boolean available() {
        return counter.read().isPresent();
    }

    /** One sample: the rate over the time since the previous one, when the machine was busy at all meanwhile. */
    synchronized void sample() {
        Optional<RaplCounter.Reading> now = counter.read();
        if (last.isPresent() && now.isPresent()) {
            double busy = now.get().busyCpuSeconds() - last.get().busyCpuSeconds();
            if (busy > 0) {
                CpuMeter.useRaplRate(RaplCounter.joulesBetween(last.get(), now.get()) / busy);
            }
        }
        last = now;
    }
}
