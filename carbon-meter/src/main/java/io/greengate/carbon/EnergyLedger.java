package io.greengate.carbon;

import io.greengate.carbon.estimate.CarbonConfig;
import io.greengate.carbon.estimate.EnergyEstimate;
import io.greengate.carbon.estimate.EnergyModel;
import io.greengate.carbon.estimate.Workload;
import io.greengate.carbon.store.Build;
import io.greengate.carbon.store.EnergyRecord;
import io.greengate.platform.events.EnergyAttached;
import io.greengate.platform.events.Topics;
import io.greengate.platform.events.UsageMeasured;
import io.greengate.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes one energy record per usage (a UsageMeasured event or a CI build), tells the other services through
 * EnergyAttached, and counts it for Prometheus, all in the caller's transaction.
 */
@ApplicationScoped
public class EnergyLedger {

    private static final Logger LOG = Logger.getLogger(EnergyLedger.class);

    /** The service name of CI builds in records, reports and metrics. */
    public static final String CI_SERVICE = "ci";
    public static final String BUILD_KIND = "BUILD";
    /** Above this many seconds (about 115 days) a usage figure is a measuring error, not work. */
    public static final double MAX_SECONDS = 10_000_000;

    private final EnergyModel model;
    private final CarbonConfig config;
    private final Outbox outbox;
    private final EnergyMetrics metrics;

    public EnergyLedger(EnergyModel model, CarbonConfig config, Outbox outbox, EnergyMetrics metrics) {
        this.model = model;
        this.config = config;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /**
     * The new records of these usage events (distinct eventIds), written with two statements for all of them: one
     * insert of the records that skips events with a record already (the same event under another consumer name,
     * or replayed by hand: counted once), one insert of their EnergyAttached into the outbox. Events that cannot be
     * usages are logged and skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EnergyRecord> recordUsages(List<UsageMeasured> usages) {
        if (usages.isEmpty()) {
            return List.of();
        }
        List<EnergyRecord> candidates = new ArrayList<>(usages.size());
        for (UsageMeasured usage : usages) {
            newUsageRecord(usage).ifPresent(candidates::add);
        }
        List<EnergyRecord> records = EnergyRecord.insertUsageRecords(candidates);
        outbox.addAll(Topics.ENERGY, records.stream().map(EnergyLedger::energyAttached).toList());
        metrics.countOnCommit(records);
        return records;
    }

    private Optional<EnergyRecord> newUsageRecord(UsageMeasured usage) {
        Optional<String> problem = whyUnusable(usage);
        if (problem.isPresent()) {
            LOG.warnf("usage event %s skipped: %s", usage.eventId(), problem.get());
            return Optional.empty();
        }
        long tokens = orZero(usage.promptTokens()) + orZero(usage.completionTokens());
        EnergyEstimate estimate = model.estimate(new Workload(usage.cpuSeconds(), usage.wallSeconds(),
                config.usageVcpus(), null, tokens, usage.model(),
                usage.region() != null ? usage.region() : config.grid().serviceRegion().orElse(null),
                usage.reportedEnergyJoules(), usage.measuredEnergyJoules()));

        EnergyRecord record = newRecord(estimate, usage.occurredAt() != null ? usage.occurredAt() : Instant.now());
        record.usageEventId = usage.eventId();
        record.service = usage.service();
        record.kind = usage.kind();
        record.subjectType = usage.subjectType();
        record.subjectId = usage.subjectId();
        record.repository = usage.repository();
        record.engine = usage.engine();
        record.model = usage.model();
        record.cpuSeconds = usage.cpuSeconds();
        record.wallSeconds = usage.wallSeconds();
        record.vcpus = config.usageVcpus();
        record.promptTokens = usage.promptTokens();
        record.completionTokens = usage.completionTokens();
        record.suggestions = usage.suggestions();
        return Optional.of(record);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EnergyRecord recordBuild(Build build) {
        EnergyEstimate estimate = model.estimate(new Workload(build.cpuSeconds, build.wallSeconds, build.vcpus,
                build.memoryGb, 0, null, build.region));
        EnergyRecord record = newRecord(estimate, build.createdAt);
        record.buildId = build.id;
        record.service = CI_SERVICE;
        record.kind = BUILD_KIND;
        record.subjectType = "build";
        record.subjectId = build.id.toString();
        record.repository = build.repository;
        record.cpuSeconds = build.cpuSeconds;
        record.wallSeconds = build.wallSeconds;
        record.vcpus = build.vcpus;
        record.memoryGb = build.memoryGb;
        return store(record);
    }

    private static EnergyRecord newRecord(EnergyEstimate estimate, Instant occurredAt) {
        EnergyRecord record = new EnergyRecord();
        record.id = UUID.randomUUID();
        record.region = estimate.region();
        record.gridIntensity = estimate.gridIntensity();
        record.regionFallback = estimate.regionFallback();
        record.energyJoules = estimate.energyJoules();
        record.co2eGrams = estimate.co2eGrams();
        record.embodiedGrams = estimate.embodiedGrams();
        record.method = estimate.method().name();
        record.occurredAt = occurredAt;
        record.recordedAt = Instant.now();
        return record;
    }

    private EnergyRecord store(EnergyRecord record) {
        record.persist();
        announce(record);
        return record;
    }

    /** EnergyAttached through the outbox, and the Prometheus counters once the transaction commits. */
    private void announce(EnergyRecord record) {
        outbox.add(Topics.ENERGY, energyAttached(record));
        metrics.countOnCommit(List.of(record));
    }

    private static EnergyAttached energyAttached(EnergyRecord record) {
        // the Kafka key is the subject id; a usage without a subject is its own subject
        boolean hasSubject = record.subjectId != null && record.subjectType != null;
        return new EnergyAttached(UUID.randomUUID(), record.recordedAt, record.usageEventId, record.service,
                record.kind, hasSubject ? record.subjectType : "usage",
                hasSubject ? record.subjectId : String.valueOf(record.usageEventId), record.energyJoules,
                record.co2eGrams, record.method);
    }

    private static Optional<String> whyUnusable(UsageMeasured usage) {
        if (isBlank(usage.service()) || isBlank(usage.kind())) {
            return Optional.of("service and kind are required");
        }
        if (!isSeconds(usage.cpuSeconds()) || !isSeconds(usage.wallSeconds())) {
            return Optional.of("cpuSeconds and wallSeconds must be between 0 and " + MAX_SECONDS);
        }
        if (orZero(usage.promptTokens()) < 0 || orZero(usage.completionTokens()) < 0
                || (usage.suggestions() != null && usage.suggestions() < 0)) {
            return Optional.of("token and suggestion counts must not be negative");
        }
        if (usage.reportedEnergyJoules() != null && !(usage.reportedEnergyJoules() >= 0
                && usage.reportedEnergyJoules() <= MAX_SECONDS * 1000)) {
            return Optional.of("reportedEnergyJoules must be between 0 and " + MAX_SECONDS * 1000);
        }
        if (usage.measuredEnergyJoules() != null && !(usage.measuredEnergyJoules() >= 0
                && usage.measuredEnergyJoules() <= MAX_SECONDS * 1000)) {
            return Optional.of("measuredEnergyJoules must be between 0 and " + MAX_SECONDS * 1000);
        }
        if (tooLong(usage.service(), 100) || tooLong(usage.kind(), 50) || tooLong(usage.subjectType(), 50)
                || tooLong(usage.subjectId(), 200) || tooLong(usage.repository(), 300) || tooLong(usage.engine(), 100)
                || tooLong(usage.model(), 200)) {
            return Optional.of("a name is longer than its column");
        }
        return Optional.empty();
    }

    private static boolean isSeconds(double seconds) {
        return seconds >= 0 && seconds <= MAX_SECONDS; // false for NaN
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean tooLong(String text, int max) {
        return text != null && text.length() > max;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
