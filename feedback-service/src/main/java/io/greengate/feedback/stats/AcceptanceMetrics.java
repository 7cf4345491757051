package io.greengate.feedback.stats;

import io.greengate.feedback.DecisionRecorded;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Prometheus view of the decisions: {@code greengate_reviews_total{decision,reason}} counts each decision once
 * (after its transaction committed, so a redelivery or a rollback never counts twice) and
 * {@code greengate_acceptance_ratio{engine}} shows each engine's all-time acceptance, loaded at startup and
 * refreshed after every decision.
 */
@ApplicationScoped
public class AcceptanceMetrics {

    private static final Logger LOG = Logger.getLogger(AcceptanceMetrics.class);

    private final MeterRegistry registry;
    private final FeedbackStatistics statistics;
    // Micrometer holds gauges' state weakly: the values live here
    private final Map<String, AtomicReference<Double>> ratios = new ConcurrentHashMap<>();

    public AcceptanceMetrics(MeterRegistry registry, FeedbackStatistics statistics) {
        this.registry = registry;
        this.statistics = statistics;
    }

    void loadRatios(@Observes StartupEvent started) {
        try {
            // a decision recorded meanwhile is fresher than this read: keep it
            statistics.acceptanceRatioByEngine().forEach((engine, ratio) -> ratio(engine).compareAndSet(null, ratio));
        } catch (RuntimeException e) {
            LOG.warnf("acceptance ratios not loaded at startup, they appear with the next decisions: %s",
                    e.getMessage());
        }
    }

    void onDecision(@Observes(during = TransactionPhase.AFTER_SUCCESS) DecisionRecorded decision) {
        Counter.builder("greengate.reviews")
                .description("Review decisions received, first delivery only")
                .tag("decision", decision.decision())
                .tag("reason", decision.reason() == null ? "NONE" : decision.reason())
                .register(registry)
                .increment();
        ratio(decision.engine()).set(decision.engineAcceptanceRatio());
    }

    private AtomicReference<Double> ratio(String engine) {
        return ratios.computeIfAbsent(engine, e -> {
            AtomicReference<Double> value = new AtomicReference<>();
            Gauge.builder("greengate.acceptance.ratio", value, v -> v.get() == null ? Double.NaN : v.get())
                    .description("(accepted + modified) / decided suggestions of an engine, all time")
                    .tag("engine", e)
                    .register(registry);
            return value;
        });
    }
}
