package io.greengate.carbon;

import io.greengate.carbon.store.EnergyRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code greengate_energy_joules_total{service,kind,method}} and {@code greengate_emissions_grams_total{service,kind}}.
 * A record counts once its transaction commits, so a rolled-back (and redelivered) usage is never counted twice.
 * Labels stay low-cardinality: a kind outside the contract's list is OTHER, an odd service name is "other".
 */
@ApplicationScoped
public class EnergyMetrics {

    static final Set<String> KINDS = Set.of("INFERENCE", "BUILD", "TRAINING", "REQUEST");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public EnergyMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    public void countOnCommit(EnergyRecord record) {
        String service = SERVICE_NAME.matcher(record.service).matches() ? record.service : "other";
        String kind = KINDS.contains(record.kind) ? record.kind : "OTHER";
        String method = record.method;
        double joules = record.energyJoules;
        double grams = record.co2eGrams;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count(service, kind, method, joules, grams);
                }
            }
        });
    }

    private void count(String service, String kind, String method, double joules, double grams) {
        Counter.builder("greengate.energy.joules")
                .description("Estimated energy of metered work, joules")
                .tag("service", service).tag("kind", kind).tag("method", method)
                .register(registry)
                .increment(joules);
        Counter.builder("greengate.emissions.grams")
                .description("Estimated operational emissions of metered work, grams CO2e")
                .tag("service", service).tag("kind", kind)
                .register(registry)
                .increment(grams);
    }
}
