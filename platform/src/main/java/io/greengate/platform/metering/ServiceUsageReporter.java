package io.greengate.platform.metering;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * The service as a whole: every interval, the process CPU time that no metered work (inference, training, request
 * batch) accounted for — serving requests and pages, consuming events, the outbox, the JVM itself — is published as
 * usage of kind {@value #KIND} with the interval as wall time, so carbon-meter counts the whole process without
 * counting any CPU second twice. The first report covers the start-up.
 */
@ApplicationScoped
public class ServiceUsageReporter {

    public static final String KIND = "SERVICE";

    private final UsageRecorder recorder;
    private final RaplMetering rapl;
    private final String service;
    private long lastCpuNanos;
    private long lastUptimeMillis;
    /** The counters at the previous report; the start-up, before the first reading, is modelled. */
    private Optional<RaplCounter.Reading> lastEnergy = Optional.empty();

    public ServiceUsageReporter(UsageRecorder recorder, RaplMetering rapl,
                                @ConfigProperty(name = "quarkus.application.name") String service) {
        this.recorder = recorder;
        this.rapl = rapl;
        this.service = service;
    }

    @Scheduled(every = "${greengate.metering.service-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    synchronized void report() {
        long cpuNanos = processCpuNanos();
        long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        double processSeconds = (cpuNanos - lastCpuNanos) / 1e9;
        double wallSeconds = (uptimeMillis - lastUptimeMillis) / 1e3;
        double unattributed = processSeconds - recorder.takeAttributedCpuSeconds();
        Optional<RaplCounter.Reading> energy = rapl.read();
        // measured like metered work: the packages' energy since the last report, in this CPU time's share
        Double joules = lastEnergy.isPresent() && energy.isPresent() && unattributed > 0
                ? RaplCounter.attributedJoules(lastEnergy.get(), energy.get(), unattributed) : null;
        lastCpuNanos = cpuNanos;
        lastUptimeMillis = uptimeMillis;
        lastEnergy = energy;
        if (unattributed > 0 && wallSeconds > 0) {
            recorder.record(new UsageRecorder.Subject(KIND, "service", service, null, null, null),
                    new CpuUsage(unattributed, wallSeconds, joules), UsageRecorder.Yield.NONE);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
