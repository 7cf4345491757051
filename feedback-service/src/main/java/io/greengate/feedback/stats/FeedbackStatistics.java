package io.greengate.feedback.stats;

import io.greengate.feedback.FeedbackConfig;
import io.greengate.feedback.store.Decision;
import io.greengate.feedback.store.FeedbackFilter;
import io.greengate.feedback.stats.FeedbackStats.ReviewerTimeSaved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Acceptance, reasons, time to decision, time saved and drift over the decided feedback records. */
@ApplicationScoped
public class FeedbackStatistics {

    private static final String ACCEPTED = "decision in ('ACCEPTED', 'MODIFIED')";

    private final EntityManager entityManager;
    private final FeedbackConfig config;

    public FeedbackStatistics(EntityManager entityManager, FeedbackConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional
    public FeedbackStats compute(FeedbackFilter filter) {
        Where where = new Where(filter);
        Map<String, Long> byDecision = new LinkedHashMap<>();
        for (Decision decision : Decision.values()) {
            byDecision.put(decision.name(), 0L);
        }
        byDecision.putAll(counts("decision", where, ""));
        long decided = byDecision.values().stream().mapToLong(Long::longValue).sum();
        long accepted = byDecision.get(Decision.ACCEPTED.name());
        long modified = byDecision.get(Decision.MODIFIED.name());

        DriftRule rule = new DriftRule(config.drift().minDecisions(), config.drift().maxPointsBelow());
        return new FeedbackStats(
                new FeedbackStats.Filter(filter.repository(), filter.engine(), filter.actorKind(), filter.from(),
                        filter.to()),
                decided,
                decided == 0 ? null : (double) (accepted + modified) / decided,
                byDecision,
                counts("reason", where, " and reason is not null"),
                counts("coalesce(actor_kind, 'UNKNOWN')", where, ""),
                median(where),
                timeSaved(accepted, modified, decided),
                new FeedbackStats.Drift(rule.describe(),
                        rule.apply(groups("language", where)),
                        rule.apply(groups("repository", where)),
                        rule.apply(groups("model_version", where))));
    }

    /** (accepted + modified) / decided of one engine over all time; 0 when it has no decision yet. */
    @Transactional
    public double acceptanceRatioOf(String engine) {
        Query query = entityManager.createNativeQuery("select count(*) filter (where " + ACCEPTED + "), count(*) "
                + "from feedback_record where decision is not null and "
                + (engine == null ? "engine is null" : "engine = :engine"));
        if (engine != null) {
            query.setParameter("engine", engine);
        }
        Object[] row = (Object[]) query.getSingleResult();
        long decided = ((Number) row[1]).longValue();
        return decided == 0 ? 0 : ((Number) row[0]).doubleValue() / decided;
    }

    /** (accepted + modified) / decided per engine over all time. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, Double> acceptanceRatioByEngine() {
        List<Object[]> rows = entityManager.createNativeQuery("select coalesce(engine, 'unknown'), "
                        + "count(*) filter (where " + ACCEPTED + "), count(*) from feedback_record "
                        + "where decision is not null group by 1")
                .getResultList();
        Map<String, Double> ratios = new HashMap<>();
        for (Object[] row : rows) {
            ratios.put((String) row[0], ((Number) row[1]).doubleValue() / ((Number) row[2]).longValue());
        }
        return ratios;
    }

    ReviewerTimeSaved timeSaved(long accepted, long modified, long decided) {
        FeedbackConfig.TimeSaved assumed = config.timeSaved();
        return estimateTimeSaved(accepted, modified, decided, assumed.minutesPerHandWrittenTest(),
                assumed.modifiedCredit(), assumed.minutesPerReview());
    }

    static ReviewerTimeSaved estimateTimeSaved(long accepted, long modified, long decided, double handWritten,
                                               double modifiedCredit, double perReview) {
        double minutes = accepted * handWritten + modified * handWritten * modifiedCredit - decided * perReview;
        return new ReviewerTimeSaved(minutes, minutes / 60, handWritten, modifiedCredit, perReview,
                "accepted × minutesPerHandWrittenTest + modified × minutesPerHandWrittenTest × modifiedCredit"
                        + " − decided × minutesPerReview");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> counts(String column, Where where, String extraCondition) {
        List<Object[]> rows = where.bind(entityManager.createNativeQuery(
                "select " + column + ", count(*) from feedback_record" + where.sql() + extraCondition
                        + " group by 1 order by 1")).getResultList();
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private Double median(Where where) {
        Object median = where.bind(entityManager.createNativeQuery(
                "select percentile_cont(0.5) within group (order by seconds_to_decision) from feedback_record"
                        + where.sql() + " and seconds_to_decision is not null")).getSingleResult();
        return median == null ? null : ((Number) median).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, DriftRule.Counts> groups(String column, Where where) {
        List<Object[]> rows = where.bind(entityManager.createNativeQuery(
                "select coalesce(" + column + ", 'unknown'), count(*), count(*) filter (where " + ACCEPTED + ") "
                        + "from feedback_record" + where.sql() + " group by 1 order by 1")).getResultList();
        Map<String, DriftRule.Counts> groups = new LinkedHashMap<>();
        for (Object[] row : rows) {
            groups.put((String) row[0], new DriftRule.Counts(((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue()));
        }
        return groups;
    }

    /** The decided records a filter selects, as SQL with named parameters. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder(" where decision is not null");
        private final Map<String, Object> parameters = new HashMap<>();

        Where(FeedbackFilter filter) {
            add("repository = :repository", "repository", filter.repository());
            add("engine = :engine", "engine", filter.engine());
            add("actor_kind = :actorKind", "actorKind", filter.actorKind());
            add("decided_at >= :from", "from", filter.from());
            add("decided_at < :to", "to", filter.to());
        }

        private void add(String condition, String name, Object value) {
            if (value != null) {
                sql.append(" and ").append(condition);
                parameters.put(name, value);
            }
        }

        String sql() {
            return sql.toString();
        }

        Query bind(Query query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
