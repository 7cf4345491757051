package io.greengate.review.store;

import io.greengate.platform.events.ReviewDecided;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the decisions say about the engines: per engine and model version, how many suggestions were kept
 * (accepted or modified), rejected or are pending, what they cost in energy, and why reviewers reject.
 * Callers hold the transaction.
 */
@ApplicationScoped
public class ReviewStatistics {

    /** One engine and model version's record. Energy sums cover the suggestions that have it attached. */
    public record ModelRecord(String engine, String modelVersion, long pending, long accepted, long modified,
                              long rejected, double energyJoules, double co2eGrams) {

        public long kept() {
            return accepted + modified;
        }

        public long decided() {
            return kept() + rejected;
        }

        /** Kept / decided, or null before the first decision. */
        public Double acceptance() {
            return decided() == 0 ? null : (double) kept() / decided();
        }

        /** The energy of every suggestion of this model divided by the tests reviewers kept. */
        public Double joulesPerKeptTest() {
            return kept() == 0 ? null : energyJoules / kept();
        }

        public Double gramsPerKeptTest() {
            return kept() == 0 ? null : co2eGrams / kept();
        }
    }

    /** How often one reject reason was given. */
    public record ReasonCount(String reason, long count) {
    }

    private final EntityManager entityManager;

    public ReviewStatistics(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<ModelRecord> byModel(Optional<String> repository) {
        TypedQuery<Object[]> query = entityManager.createQuery("select r.engine, r.modelVersion, r.status, count(r), "
                + "coalesce(sum(r.energyJoules), 0), coalesce(sum(r.co2eGrams), 0) from Review r"
                + (repository.isPresent() ? " where r.repository = :repository" : "")
                + " group by r.engine, r.modelVersion, r.status order by r.engine, r.modelVersion", Object[].class);
        repository.ifPresent(value -> query.setParameter("repository", value));
        List<Object[]> rows = query.getResultList();
        Map<List<String>, long[]> counts = new LinkedHashMap<>();
        Map<List<String>, double[]> energy = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<String> key = Arrays.asList((String) row[0], (String) row[1]);
            long[] c = counts.computeIfAbsent(key, k -> new long[4]);
            c[Review.Status.valueOf((String) row[2]).ordinal()] += (Long) row[3];
            double[] e = energy.computeIfAbsent(key, k -> new double[2]);
            e[0] += ((Number) row[4]).doubleValue();
            e[1] += ((Number) row[5]).doubleValue();
        }
        List<ModelRecord> records = new ArrayList<>();
        counts.forEach((key, c) -> records.add(new ModelRecord(key.get(0), key.get(1), c[0], c[1], c[2], c[3],
                energy.get(key)[0], energy.get(key)[1])));
        return records;
    }

    public List<ReasonCount> rejectReasons(Optional<String> repository) {
        TypedQuery<Object[]> query = entityManager.createQuery("select r.reason, count(r) from Review r"
                + " where r.status = 'REJECTED'" + (repository.isPresent() ? " and r.repository = :repository" : "")
                + " group by r.reason order by count(r) desc, r.reason", Object[].class);
        repository.ifPresent(value -> query.setParameter("repository", value));
        return query.getResultList().stream()
                .map(row -> new ReasonCount(row[0] == null ? "NONE" : (String) row[0], (Long) row[1])).toList();
    }

    /** The median time from suggestion to decision, in seconds; empty before the first decision. */
    public Optional<Double> medianSecondsToDecision(Optional<String> repository) {
        Query query = entityManager.createNativeQuery("select percentile_cont(0.5) within group (order by "
                + "extract(epoch from decided_at - created_at)) from review where decided_at is not null"
                + (repository.isPresent() ? " and repository = :repository" : ""));
        repository.ifPresent(value -> query.setParameter("repository", value));
        Object median = query.getSingleResult();
        return median == null ? Optional.empty() : Optional.of(((Number) median).doubleValue());
    }

    /** How many reviews the auto-accept policy accepted. */
    public long autoAccepted(Optional<String> repository) {
        TypedQuery<Long> query = entityManager.createQuery("select count(r) from Review r"
                + " where r.decidedByKind = :policy" + (repository.isPresent() ? " and r.repository = :repository" : ""), Long.class)
                .setParameter("policy", ReviewDecided.ACTOR_POLICY);
        repository.ifPresent(value -> query.setParameter("repository", value));
        return query.getSingleResult();
    }

    /** Decisions of one day (UTC) in one group (an engine or a repository). */
    public record DailyAcceptance(LocalDate day, String group, long decided, long kept) {
    }

    /** What was decided each day since {@code since}, per engine or per repository ({@code byRepository}). */
    public List<DailyAcceptance> acceptanceByDay(boolean byRepository, Optional<String> repository, Instant since) {
        String group = byRepository ? "repository" : "coalesce(engine, 'unknown')";
        Query query = entityManager.createNativeQuery("select "
                + "cast(date_trunc('day', decided_at at time zone 'UTC') as date), " + group + ", count(*), count(*) filter (where status in ('ACCEPTED', 'MODIFIED')) from review"
                + " where decided_at >= :since" + (repository.isPresent() ? " and repository = :repository" : "")
                + " group by 1, 2 order by 1, 2");
        query.setParameter("since", since);
        repository.ifPresent(value -> query.setParameter("repository", value));
        List<DailyAcceptance> days = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            LocalDate day = columns[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) columns[0];
            days.add(new DailyAcceptance(day, (String) columns[1], ((Number) columns[2]).longValue(),
                    ((Number) columns[3]).longValue()));
        }
        return days;
    }
}
