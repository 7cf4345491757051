package io.greengate.carbon;

import io.greengate.carbon.store.EnergyRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Adds these records to the counters once the transaction commits: one sum per series, however many records. */
    public void countOnCommit(Collection<EnergyRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<List<String>, double[]> sums = new HashMap<>();
        for (EnergyRecord record : records) {
            String service = SERVICE_NAME.matcher(record.service).matches() ? record.service : "other";
            String kind = KINDS.contains(record.kind) ? record.kind : "OTHER";
            double[] sum = sums.computeIfAbsent(List.of(service, kind, record.method), series -> new double[2]);
            sum[0] += record.energyJoules;
            sum[1] += record.co2eGrams;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to prepare
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    sums.forEach((series, sum) -> count(series.get(0), series.get(1), series.get(2), sum[0], sum[1]));
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
