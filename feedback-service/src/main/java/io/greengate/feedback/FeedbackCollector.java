package io.greengate.feedback;

import io.greengate.feedback.stats.FeedbackStatistics;
import io.greengate.feedback.store.Decision;
import io.greengate.feedback.store.FeedbackRecord;
import io.greengate.platform.events.EnergyAttached;
import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.events.SuggestionCreated;
import io.greengate.platform.events.SuggestionVerified;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps one feedback record per suggestion from the events of the other services. Events come in any order:
 * each one locks (creating if needed) the suggestion's row and fills in only what it knows, so a decision that
 * arrives before its suggestion is kept and completed later.
 */
@ApplicationScoped
public class FeedbackCollector {

    private static final Logger LOG = Logger.getLogger(FeedbackCollector.class);
    private static final String SUGGESTION_SERVICE = "suggestion-service";

    private final EntityManager entityManager;
    private final FeedbackStatistics statistics;
    private final Event<DecisionRecorded> decisions;
    private final FeedbackConfig config;

    public FeedbackCollector(EntityManager entityManager, FeedbackStatistics statistics,
                             Event<DecisionRecorded> decisions, FeedbackConfig config) {
        this.entityManager = entityManager;
        this.statistics = statistics;
        this.decisions = decisions;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void suggestionCreated(SuggestionCreated event) {
        if (event.suggestionId() == null) {
            LOG.warnf("SuggestionCreated %s without a suggestionId skipped", event.eventId());
            return;
        }
        FeedbackRecord record = lockOrCreate(event.suggestionId());
        record.batchId = event.batchId();
        record.repository = event.repository();
        record.commit = event.commit();
        record.branch = event.branch();
        record.pullRequest = event.pullRequest();
        record.engine = event.engine();
        record.modelVersion = event.modelVersion();
        record.targetFile = event.targetFile();
        record.targetSymbol = event.targetSymbol();
        record.language = event.language();
        record.framework = event.framework();
        record.caseKind = event.caseKind();
        record.testPath = event.testPath();
        record.prompt = event.prompt();
        record.suggestedCode = event.code();
        record.codeLines = event.code() == null ? null : (int) event.code().lines().count();
        record.codeChars = event.code() == null ? null : event.code().length();
        record.riskFlags = event.riskFlags() == null ? "" : String.join(",", event.riskFlags());
        record.confidence = event.confidence();
        record.priorConfidence = event.priorConfidence();
        record.createdAt = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        if (record.decidedAt != null && record.secondsToDecision == null) {
            record.secondsToDecision = secondsBetween(record.createdAt, record.decidedAt);
        }
        measureEdit(record);
        touch(record);
    }

    /** The latest report counts: an older one arriving late does not overwrite a newer one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void suggestionVerified(SuggestionVerified event) {
        if (event.suggestionId() == null) {
            LOG.warnf("SuggestionVerified %s without a suggestionId skipped", event.eventId());
            return;
        }
        FeedbackRecord record = lockOrCreate(event.suggestionId());
        Instant reportedAt = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        if (record.verifiedAt != null && record.verifiedAt.isAfter(reportedAt)) {
            return;
        }
        record.repository = firstNonNull(record.repository, event.repository());
        record.commit = firstNonNull(record.commit, event.commit());
        record.compiled = event.compiled();
        record.passed = event.passed();
        record.verificationRuns = event.runs();
        record.flaky = event.flaky();
        record.coverageDelta = event.coverageDelta();
        // absent from events of before the verdict: the latest report replaces the last one whole
        record.verdict = event.verdict();
        record.verifiedAt = reportedAt;
        touch(record);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewDecided(ReviewDecided event) {
        Optional<Decision> decision = Decision.parse(event.decision());
        if (event.suggestionId() == null || decision.isEmpty()) {
            LOG.warnf("ReviewDecided %s skipped: suggestionId %s, decision '%s'", event.eventId(),
                    event.suggestionId(), event.decision());
            return;
        }
        FeedbackRecord record = lockOrCreate(event.suggestionId());
        if (record.decidedAt != null && record.reviewId != null && record.reviewId.equals(event.reviewId())) {
            LOG.infof("ReviewDecided %s repeats the decision of review %s; ignored", event.eventId(), event.reviewId());
            return;
        }
        // the event carries some features too: they stand in until SuggestionCreated arrives
        record.repository = firstNonNull(record.repository, event.repository());
        record.commit = firstNonNull(record.commit, event.commit());
        record.engine = firstNonNull(record.engine, event.engine());
        record.modelVersion = firstNonNull(record.modelVersion, event.modelVersion());
        record.language = firstNonNull(record.language, event.language());
        record.suggestedCode = firstNonNull(record.suggestedCode, event.suggestedCode());

        record.reviewId = event.reviewId();
        record.decision = decision.get().name();
        record.reason = blankToNull(event.reason());
        record.comment = event.comment();
        record.finalCode = decision.get() == Decision.REJECTED ? null : blankToNull(event.finalCode());
        record.actor = event.actor();
        record.actorKind = actorKind(event);
        record.decidedAt = event.occurredAt() != null ? event.occurredAt() : Instant.now();
        record.secondsToDecision = event.secondsToDecision() >= 0 && Double.isFinite(event.secondsToDecision())
                ? event.secondsToDecision()
                : secondsBetween(record.createdAt, record.decidedAt);
        measureEdit(record);
        touch(record);

        entityManager.flush();
        String engine = record.engine == null ? "unknown" : record.engine;
        decisions.fire(new DecisionRecorded(engine, record.decision, record.reason,
                statistics.acceptanceRatioOf(record.engine)));
    }

    /** Energy of suggestion-service's work: per batch (shared by its suggestions when read) or per suggestion. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void energyAttached(EnergyAttached event) {
        if (!SUGGESTION_SERVICE.equals(event.service()) || event.subjectId() == null || event.subjectType() == null) {
            return;
        }
        UUID subject;
        try {
            subject = UUID.fromString(event.subjectId());
        } catch (IllegalArgumentException e) {
            return;
        }
        switch (event.subjectType()) {
            case "batch" -> entityManager.createNativeQuery("""
                            insert into batch_energy (batch_id, energy_joules, co2e_grams, updated_at)
                            values (?1, ?2, ?3, now())
                            on conflict (batch_id) do update set
                                energy_joules = batch_energy.energy_joules + excluded.energy_joules,
                                co2e_grams = batch_energy.co2e_grams + excluded.co2e_grams,
                                updated_at = now()""")
                    .setParameter(1, subject)
                    .setParameter(2, event.energyJoules())
                    .setParameter(3, event.co2eGrams())
                    .executeUpdate();
            case "suggestion" -> {
                FeedbackRecord record = lockOrCreate(subject);
                record.energyJoules = (record.energyJoules == null ? 0 : record.energyJoules) + event.energyJoules();
                record.co2eGrams = (record.co2eGrams == null ? 0 : record.co2eGrams) + event.co2eGrams();
                touch(record);
            }
            default -> {
                // other subjects (reviews, builds) are not about a suggestion's cost
            }
        }
    }

    /**
     * Levenshtein distance between two codes, or empty when either is missing or longer than {@code maxChars}
     * (the computation is quadratic in time).
     */
    static Optional<Integer> editDistance(String suggested, String finalCode, int maxChars) {
        if (suggested == null || finalCode == null || Math.max(suggested.length(), finalCode.length()) > maxChars) {
            return Optional.empty();
        }
        return Optional.of(LevenshteinDistance.getDefaultInstance().apply(suggested, finalCode));
    }

    private void measureEdit(FeedbackRecord record) {
        if (!Decision.MODIFIED.name().equals(record.decision)) {
            return;
        }
        Optional<Integer> distance = editDistance(record.suggestedCode, record.finalCode,
                config.editDistanceMaxChars());
        record.editDistance = distance.orElse(null);
        record.editRatio = distance.map(d -> {
            int longer = Math.max(record.suggestedCode.length(), record.finalCode.length());
            return longer == 0 ? 0.0 : (double) d / longer;
        }).orElse(null);
    }

    /** Locks the suggestion's row, inserting an empty one first: two events of one suggestion never race. */
    private FeedbackRecord lockOrCreate(UUID suggestionId) {
        entityManager.createNativeQuery("insert into feedback_record (suggestion_id, updated_at) values (?1, now()) "
                        + "on conflict (suggestion_id) do nothing")
                .setParameter(1, suggestionId)
                .executeUpdate();
        return entityManager.find(FeedbackRecord.class, suggestionId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static String actorKind(ReviewDecided event) {
        if (event.actorKind() != null && !event.actorKind().isBlank()) {
            return event.actorKind().trim().toUpperCase(Locale.ROOT);
        }
        return "AUTO_ACCEPTED".equalsIgnoreCase(event.decision()) ? "POLICY" : null;
    }

    private static Double secondsBetween(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis() / 1000.0;
    }

    private static void touch(FeedbackRecord record) {
        record.updatedAt = Instant.now();
    }

    private static <T> T firstNonNull(T current, T candidate) {
        return current != null ? current : candidate;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
