package io.greengate.review.queue;

import io.greengate.platform.events.ReviewDecided;
import io.greengate.review.store.Review;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The reviewers' queue: pending reviews under a {@link QueueFilter}, those CI saw reveal the change first, then
 * most confident first (then oldest first),
 * with the counts per state, the values there are to filter by, and a review's neighbours in that order.
 * Callers hold the transaction.
 */
@ApplicationScoped
public class ReviewQueue {

    public static final int PAGE_SIZE = 50;

    /** Suggestions CI saw reveal the change (fail before it, pass after it) first; then by confidence. */
    private static final String ORDER = " order by case when r.verdict = 'REVEALS_CHANGE' then 0 else 1 end,"
            + " r.confidence desc nulls last, r.createdAt, r.id";

    /** How many reviews under a filter are in each state; {@code autoAccepted} of the accepted ones by the policy. */
    public record Counts(long pending, long accepted, long modified, long rejected, long autoAccepted) {
        public long total() {
            return pending + accepted + modified + rejected;
        }
    }

    /** The values the queue's filters offer. */
    public record Facets(List<String> repositories, List<String> languages, List<String> engines) {
    }

    /** One page of pending reviews; {@code index} counts from 0. */
    public record Page(List<Review> reviews, int index, long total) {
        public int count() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /** Where a review stands in the queue: {@code index} counts from 1 (0: not in this queue). */
    public record Position(int index, int pending, UUID previous, UUID next) {
    }

    private final EntityManager entityManager;

    public ReviewQueue(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Page pending(QueueFilter filter, int pageIndex) {
        Conditions where = Conditions.of(filter).and("r.status = 'PENDING'");
        long total = where.bind(entityManager.createQuery("select count(r) from Review r" + where, Long.class))
                .getSingleResult();
        int index = (int) Math.max(0, Math.min(pageIndex, (total - 1) / PAGE_SIZE));
        List<Review> reviews = where.bind(entityManager.createQuery("select r from Review r" + where + ORDER,
                        Review.class))
                .setFirstResult(index * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
        return new Page(reviews, index, total);
    }

    public Counts counts(QueueFilter filter) {
        Conditions where = Conditions.of(filter);
        Map<String, Long> byStatus = new HashMap<>();
        long[] autoAccepted = {0};
        where.bind(entityManager.createQuery("select r.status, r.decidedByKind, count(r) from Review r" + where
                        + " group by r.status, r.decidedByKind", Object[].class))
                .getResultList().forEach(row -> {
                    byStatus.merge((String) row[0], (Long) row[2], Long::sum);
                    if (ReviewDecided.ACTOR_POLICY.equals(row[1])) {
                        autoAccepted[0] += (Long) row[2];
                    }
                });
        return new Counts(byStatus.getOrDefault("PENDING", 0L), byStatus.getOrDefault("ACCEPTED", 0L),
                byStatus.getOrDefault("MODIFIED", 0L), byStatus.getOrDefault("REJECTED", 0L), autoAccepted[0]);
    }

    /** The repositories, languages and engines of pending reviews, plus whatever the filter already names. */
    public Facets facets(QueueFilter filter) {
        return new Facets(distinct("repository", filter.repository()), distinct("language", filter.language()),
                distinct("engine", filter.engine()));
    }

    /** The review's place among the pending reviews of the filter (a decided review keeps its place in the order). */
    public Position position(QueueFilter filter, UUID reviewId) {
        List<UUID> order = orderWith(filter, reviewId);
        int index = order.indexOf(reviewId);
        if (index < 0) {
            return new Position(0, order.size(), null, order.isEmpty() ? null : order.get(0));
        }
        boolean pending = Review.<Review>findByIdOptional(reviewId).map(r -> "PENDING".equals(r.status)).orElse(false);
        return new Position(index + 1, pending ? order.size() : order.size() - 1,
                index > 0 ? order.get(index - 1) : null,
                index + 1 < order.size() ? order.get(index + 1) : null);
    }

    /**
     * The pending review to open after {@code decided}: the next one in queue order, else (wrapping round) the
     * first one the reviewer skipped; empty when nothing is left.
     */
    public Optional<UUID> nextAfter(QueueFilter filter, UUID decided) {
        List<UUID> order = orderWith(filter, decided);
        int index = order.indexOf(decided);
        List<UUID> candidates = new ArrayList<>(order.subList(index + 1, order.size()));
        candidates.addAll(order.subList(0, Math.max(index, 0)));
        return candidates.stream().filter(id -> !id.equals(decided)).findFirst();
    }

    /** The ids of the pending reviews of the filter, and of {@code including} if it matches it, in queue order. */
    private List<UUID> orderWith(QueueFilter filter, UUID including) {
        Conditions where = Conditions.of(filter).and("(r.status = 'PENDING' or r.id = :including)")
                .with("including", including);
        return where.bind(entityManager.createQuery("select r.id from Review r" + where + ORDER, UUID.class))
                .getResultList();
    }

    private List<String> distinct(String field, String selected) {
        TreeSet<String> values = new TreeSet<>(entityManager.createQuery("select distinct r." + field
                + " from Review r where r.status = 'PENDING' and r." + field + " is not null", String.class)
                .getResultList());
        if (selected != null) {
            values.add(selected);
        }
        return List.copyOf(values);
    }

    /** A JPQL where clause and its parameters. */
    private record Conditions(List<String> clauses, Map<String, Object> parameters) {

        static Conditions of(QueueFilter filter) {
            Conditions conditions = new Conditions(new ArrayList<>(), new HashMap<>());
            if (filter.repository() != null) {
                conditions.and("r.repository = :repository").with("repository", filter.repository());
            }
            if (filter.pullRequest() != null) {
                conditions.and("r.pullRequest = :pullRequest").with("pullRequest", filter.pullRequest());
            }
            if (filter.commitPrefix() != null) {
                conditions.and("r.commit like :commit escape '\\'").with("commit", escapeLike(filter.commitPrefix()) + "%");
            }
            if (filter.language() != null) {
                conditions.and("r.language = :language").with("language", filter.language());
            }
            if (filter.engine() != null) {
                conditions.and("r.engine = :engine").with("engine", filter.engine());
            }
            if (filter.flagged()) {
                conditions.and("r.riskFlags <> ''");
            }
            if (filter.clean()) {
                conditions.and("r.riskFlags = ''");
            }
            return conditions;
        }

        Conditions and(String clause) {
            clauses.add(clause);
            return this;
        }

        Conditions with(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }

        @Override
        public String toString() {
            return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        }

        private static String escapeLike(String value) {
            return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }
}
