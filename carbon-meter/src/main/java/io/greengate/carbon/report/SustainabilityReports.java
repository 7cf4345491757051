package io.greengate.carbon.report;

import io.greengate.carbon.EnergyLedger;
import io.greengate.carbon.store.ReviewOutcome;
import io.greengate.carbon.store.EnergyRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sums energy records and counts accepted tests per group, in the database. */
@ApplicationScoped
public class SustainabilityReports {

    private final EntityManager entityManager;

    public SustainabilityReports(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public SustainabilityReport report(Instant from, Instant to, GroupBy groupBy) {
        Map<String, ReportRow.Totals> energy = energyBy(groupBy, from, to);
        ReportRow.Outcomes all = outcomes(from, to);
        Map<String, ReportRow.Outcomes> outcomes = groupBy.acceptedProperty == null ? Map.of()
                : outcomesBy(groupBy, from, to);

        Set<String> keys = new HashSet<>(energy.keySet());
        keys.addAll(outcomes.keySet());
        List<ReportRow> rows = new ArrayList<>();
        ReportRow.Totals total = ReportRow.Totals.NONE;
        for (String key : keys) {
            ReportRow.Totals totals = energy.getOrDefault(key, ReportRow.Totals.NONE);
            ReportRow.Outcomes decided = groupBy.acceptedProperty == null ? all
                    : outcomes.getOrDefault(key, ReportRow.Outcomes.NONE);
            rows.add(ReportRow.of(key, totals, decided));
            total = total.plus(totals);
        }
        rows.sort(Comparator.comparing(ReportRow::key, Comparator.nullsLast(Comparator.naturalOrder())));
        return new SustainabilityReport(from, to, groupBy.parameter(), rows, ReportRow.of(null, total, all));
    }

    private Map<String, ReportRow.Totals> energyBy(GroupBy groupBy, Instant from, Instant to) {
        String key = "e." + groupBy.energyProperty;
        TypedQuery<Object[]> query = entityManager.createQuery("select " + key + ", count(e), sum(e.cpuSeconds), "
                + "sum(e.energyJoules), sum(e.co2eGrams), sum(e.embodiedGrams), sum(coalesce(e.suggestions, 0)), "
                + "sum(case when e.kind = :build then 1 else 0 end), "
                + "sum(case when e.kind = :build then e.co2eGrams + e.embodiedGrams else 0 end) from "
                + EnergyRecord.class.getSimpleName() + " e" + period("e.occurredAt", from, to)
                + " group by " + key, Object[].class);
        Map<String, ReportRow.Totals> byKey = new HashMap<>();
        query.setParameter("build", EnergyLedger.BUILD_KIND);
        for (Object[] row : withPeriod(query, from, to).getResultList()) {
            byKey.put((String) row[0], new ReportRow.Totals(((Number) row[1]).longValue(), number(row[2]),
                    number(row[3]), number(row[4]), number(row[5]), (long) number(row[6]), (long) number(row[7]),
                    number(row[8])));
        }
        return byKey;
    }

    private static final String COUNTS = "sum(case when a.decision in :accepted then 1 else 0 end), count(a)";

    private Map<String, ReportRow.Outcomes> outcomesBy(GroupBy groupBy, Instant from, Instant to) {
        String key = "a." + groupBy.acceptedProperty;
        TypedQuery<Object[]> query = entityManager.createQuery("select " + key + ", " + COUNTS + " from "
                + ReviewOutcome.class.getSimpleName() + " a" + period("a.decidedAt", from, to)
                + " group by " + key, Object[].class).setParameter("accepted", ReviewOutcome.ACCEPTED);
        Map<String, ReportRow.Outcomes> byKey = new HashMap<>();
        for (Object[] row : withPeriod(query, from, to).getResultList()) {
            byKey.put((String) row[0], new ReportRow.Outcomes((long) number(row[1]), (long) number(row[2])));
        }
        return byKey;
    }

    private ReportRow.Outcomes outcomes(Instant from, Instant to) {
        TypedQuery<Object[]> query = entityManager.createQuery("select " + COUNTS + " from "
                + ReviewOutcome.class.getSimpleName() + " a" + period("a.decidedAt", from, to), Object[].class)
                .setParameter("accepted", ReviewOutcome.ACCEPTED);
        Object[] row = withPeriod(query, from, to).getSingleResult();
        return new ReportRow.Outcomes((long) number(row[0]), (long) number(row[1]));
    }

    private static String period(String property, Instant from, Instant to) {
        List<String> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add(property + " >= :from");
        }
        if (to != null) {
            conditions.add(property + " < :to");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static <T> TypedQuery<T> withPeriod(TypedQuery<T> query, Instant from, Instant to) {
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
