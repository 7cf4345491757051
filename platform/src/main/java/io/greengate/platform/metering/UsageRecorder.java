package io.greengate.platform.metering;

import io.greengate.platform.events.Topics;
import io.greengate.platform.events.UsageMeasured;
import io.greengate.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.DoubleAdder;

/** Publishes measured CPU time as UsageMeasured (through the outbox) and counts it for Prometheus. */
@ApplicationScoped
public class UsageRecorder {

    private final Outbox outbox;
    private final MeterRegistry registry;
    private final String service;
    private final Optional<String> region;
    /** CPU seconds recorded for metered work since {@link ServiceUsageReporter} last asked. */
    private final DoubleAdder attributedCpuSeconds = new DoubleAdder();

    public UsageRecorder(Outbox outbox, MeterRegistry registry,
                         @ConfigProperty(name = "quarkus.application.name") String service,
                         @ConfigProperty(name = "greengate.region") Optional<String> region) {
        this.outbox = outbox;
        this.registry = registry;
        this.service = service;
        this.region = region;
    }

    /** What the work was for: its kind (INFERENCE, TRAINING, REQUEST, ...) and the record it belongs to. */
    public record Subject(String kind, String subjectType, String subjectId, String repository, String engine,
                          String model) {
    }

    /** What the work yielded besides CPU time: remote tokens, suggestions made, energy a remote server reported. */
    public record Yield(Long promptTokens, Long completionTokens, Integer suggestions, Double reportedEnergyJoules) {
        public static final Yield NONE = new Yield(null, null, null, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UsageMeasured record(Subject subject, CpuUsage usage, Yield yield) {
        UsageMeasured event = new UsageMeasured(UUID.randomUUID(), Instant.now(), service, subject.kind(),
                subject.subjectType(), subject.subjectId(), subject.repository(), subject.engine(), subject.model(),
                usage.cpuSeconds(), usage.wallSeconds(), yield.promptTokens(), yield.completionTokens(),
                region.orElse(null), yield.suggestions(), yield.reportedEnergyJoules(), usage.raplJoules());
        outbox.add(Topics.USAGE, event);
        if (!ServiceUsageReporter.KIND.equals(subject.kind())) {
            attributedCpuSeconds.add(usage.cpuSeconds());
        }
        Counter.builder("greengate.cpu.seconds")
                .description("CPU seconds measured around Greengate's own work")
                .tag("service", service)
                .tag("kind", subject.kind())
                .register(registry)
                .increment(usage.cpuSeconds());
        return event;
    }

    double takeAttributedCpuSeconds() {
        return attributedCpuSeconds.sumThenReset();
    }
}
