package io.greengate.feedback.store;

import io.greengate.platform.events.ReviewDecided;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What feedback knows about one suggestion: the features it had when made and verified, then the decision
 * taken on it. The ranker's training reads these rows; datasets are built from them.
 */
@Entity
@Table(name = "feedback_record")
public class FeedbackRecord extends PanacheEntityBase {

    /** The actor kind of an authenticated person; only their decisions enter datasets. */
    public static final String HUMAN_REVIEWER = ReviewDecided.ACTOR_REVIEWER;

    @Id
    @Column(name = "suggestion_id")
    public UUID suggestionId;
    @Column(name = "batch_id")
    public UUID batchId;
    @Column(name = "review_id")
    public UUID reviewId;

    // features: known when the suggestion was made
    public String repository;
    @Column(name = "commit_sha")
    public String commit;
    public String branch;
    @Column(name = "pull_request")
    public Integer pullRequest;
    public String engine;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "target_file")
    public String targetFile;
    @Column(name = "target_symbol")
    public String targetSymbol;
    public String language;
    public String framework;
    @Column(name = "case_kind")
    public String caseKind;
    @Column(name = "test_path")
    public String testPath;
    public String prompt;
    @Column(name = "suggested_code")
    public String suggestedCode;
    @Column(name = "code_lines")
    public Integer codeLines;
    @Column(name = "code_chars")
    public Integer codeChars;
    @Column(name = "risk_flags")
    public String riskFlags;
    public Double confidence;
    /** The engine's own confidence in the case, as suggestion-service sent it; null from services older than it. */
    @Column(name = "prior_confidence")
    public Double priorConfidence;
    /** When the suggestion was made; null until SuggestionCreated arrived. */
    @Column(name = "created_at")
    public Instant createdAt;

    // verification evidence: CI's latest report
    public Boolean compiled;
    public Boolean passed;
    @Column(name = "verification_runs")
    public Integer verificationRuns;
    public Boolean flaky;
    @Column(name = "coverage_delta")
    public Double coverageDelta;
    @Column(name = "verified_at")
    public Instant verifiedAt;
    /** CI's differential verdict (REVEALS_CHANGE, HOLDS, FAILS_ON_HEAD); null when CI ran the case on the head only. */
    public String verdict;

    // the decision
    public String decision;
    public String reason;
    @Column(name = "review_comment")
    public String comment;
    @Column(name = "final_code")
    public String finalCode;
    public String actor;
    @Column(name = "actor_kind")
    public String actorKind;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "seconds_to_decision")
    public Double secondsToDecision;
    @Column(name = "edit_distance")
    public Integer editDistance;
    @Column(name = "edit_ratio")
    public Double editRatio;

    @Column(name = "energy_joules")
    public Double energyJoules;
    @Column(name = "co2e_grams")
    public Double co2eGrams;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> riskFlagList() {
        return riskFlags == null || riskFlags.isEmpty() ? List.of() : Arrays.asList(riskFlags.split(","));
    }

    public Optional<Decision> decisionValue() {
        return Decision.parse(decision);
    }

    /** The test as it went into the code base: the human's version for MODIFIED, the suggestion otherwise. */
    public String acceptedCode() {
        return finalCode != null ? finalCode : suggestedCode;
    }

    /** Energy and emissions of making a suggestion, carbon-meter's estimate. */
    public record Energy(double joules, double co2eGrams) {
    }

    /**
     * This suggestion's energy: what was attached to it alone plus an equal share of its batch's; empty when
     * carbon-meter attached nothing yet.
     */
    public Optional<Energy> energy() {
        double joules = energyJoules == null ? 0 : energyJoules;
        double grams = co2eGrams == null ? 0 : co2eGrams;
        boolean known = energyJoules != null;
        if (batchId != null) {
            List<?> batch = getEntityManager().createNativeQuery("""
                            select e.energy_joules / count(r.suggestion_id), e.co2e_grams / count(r.suggestion_id)
                            from batch_energy e join feedback_record r on r.batch_id = e.batch_id
                            where e.batch_id = ?1 group by e.energy_joules, e.co2e_grams""")
                    .setParameter(1, batchId)
                    .getResultList();
            if (!batch.isEmpty()) {
                Object[] share = (Object[]) batch.get(0);
                joules += ((Number) share[0]).doubleValue();
                grams += ((Number) share[1]).doubleValue();
                known = true;
            }
        }
        return known ? Optional.of(new Energy(joules, grams)) : Optional.empty();
    }

    /** The position of a row in a dataset's order: keyset paging resumes after it. */
    public record Cursor(Instant decidedAt, UUID suggestionId) {
    }

    public Cursor cursor() {
        return new Cursor(decidedAt, suggestionId);
    }

    /**
     * Decided rows a dataset may use, oldest decision first: decided by a person, with the suggestion's
     * features known (SuggestionCreated seen).
     */
    public static List<FeedbackRecord> humanDecided(Collection<Decision> decisions, FeedbackFilter filter,
                                                    Cursor after, int limit) {
        StringBuilder query = new StringBuilder(
                "decision in :decisions and actorKind = :human and createdAt is not null and decidedAt is not null");
        Parameters parameters = Parameters.with("decisions", decisions.stream().map(Enum::name).toList())
                .and("human", HUMAN_REVIEWER);
        if (filter.repository() != null) {
            query.append(" and repository = :repository");
            parameters.and("repository", filter.repository());
        }
        if (filter.engine() != null) {
            query.append(" and engine = :engine");
            parameters.and("engine", filter.engine());
        }
        if (filter.from() != null) {
            query.append(" and decidedAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            query.append(" and decidedAt < :to");
            parameters.and("to", filter.to());
        }
        if (after != null) {
            query.append(" and (decidedAt > :afterAt or (decidedAt = :afterAt and suggestionId > :afterId))");
            parameters.and("afterAt", after.decidedAt()).and("afterId", after.suggestionId());
        }
        query.append(" order by decidedAt, suggestionId");
        return find(query.toString(), parameters).range(0, limit - 1).list();
    }

    /**
     * The latest test a person accepted (as is or modified) for the same symbol of the same repository and
     * language: what a rejected suggestion should have been.
     */
    public static Optional<FeedbackRecord> latestAcceptedFor(String repository, String targetSymbol, String language) {
        if (repository == null || targetSymbol == null) {
            return Optional.empty();
        }
        Parameters parameters = Parameters.with("repository", repository).and("symbol", targetSymbol)
                .and("accepted", List.of(Decision.ACCEPTED.name(), Decision.MODIFIED.name()))
                .and("human", HUMAN_REVIEWER);
        String sameLanguage = "";
        if (language != null) {
            sameLanguage = " and language = :language";
            parameters.and("language", language);
        }
        return find("repository = :repository and targetSymbol = :symbol" + sameLanguage
                        + " and decision in :accepted and actorKind = :human order by decidedAt desc", parameters)
                .firstResultOptional();
    }
}
