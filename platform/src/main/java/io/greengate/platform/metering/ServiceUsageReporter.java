package io.greengate.platform.metering;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;

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
    private final String service;
    private long lastCpuNanos;
    private long lastUptimeMillis;

    public ServiceUsageReporter(UsageRecorder recorder,
                                @ConfigProperty(name = "quarkus.application.name") String service) {
        this.recorder = recorder;
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
        lastCpuNanos = cpuNanos;
        lastUptimeMillis = uptimeMillis;
        if (unattributed > 0 && wallSeconds > 0) {
            // where RAPL is measured, at the same joules per CPU second as metered work
            recorder.record(new UsageRecorder.Subject(KIND, "service", service, null, null, null),
                    new CpuUsage(unattributed, wallSeconds, CpuMeter.raplJoules(unattributed)),
                    UsageRecorder.Yield.NONE);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
