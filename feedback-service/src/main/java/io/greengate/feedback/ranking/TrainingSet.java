package io.greengate.feedback.ranking;

import io.greengate.platform.ranking.RankerFeatures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.greengate.feedback.store.Decision;
import io.greengate.feedback.store.FeedbackRecord;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decisions the ranker learns from, oldest decision first: decided by a person ({@code actorKind}
 * REVIEWER; the auto-accept policy's decisions would teach the ranker its own rule), with the suggestion's
 * features known (SuggestionCreated seen). Its sha256 is that of a canonical serialization of exactly these rows.
 */
public record TrainingSet(List<TrainingRow> rows) {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private static final String ELIGIBLE = "from FeedbackRecord r where r.actorKind = :human and r.decision is not null"
            + " and r.createdAt is not null and r.decidedAt is not null";

    /** How many decisions training could use now, and how many of them are rejections. */
    public record Eligible(long decisions, long rejected) {
        public long accepted() {
            return decisions - rejected;
        }

        public boolean bothOutcomes() {
            return rejected > 0 && rejected < decisions;
        }
    }

    /** The older part the model is fitted on and the newer part it is evaluated on. */
    public record Split(List<TrainingRow> train, List<TrainingRow> heldOut) {
    }

    public static Eligible eligible() {
        Object[] counts = (Object[]) FeedbackRecord.getEntityManager().createQuery(
                        "select count(r), coalesce(sum(case when r.decision = 'REJECTED' then 1 else 0 end), 0) "
                                + ELIGIBLE)
                .setParameter("human", FeedbackRecord.HUMAN_REVIEWER)
                .getSingleResult();
        return new Eligible(((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }

    /** Reads only the feature columns (not the codes and prompts), in decision order. */
    public static TrainingSet load() {
        List<Object[]> records = FeedbackRecord.getEntityManager().createQuery(
                        "select r.suggestionId, r.decision, r.decidedAt, r.language, r.framework, r.engine, r.caseKind,"
                                + " r.riskFlags, r.codeLines, r.compiled, r.passed, r.flaky, r.coverageDelta,"
                                + " r.verifiedAt, r.confidence, r.modelVersion, r.verdict, r.priorConfidence " + ELIGIBLE
                                + " order by r.decidedAt, r.suggestionId", Object[].class)
                .setParameter("human", FeedbackRecord.HUMAN_REVIEWER)
                .getResultList();
        List<TrainingRow> rows = new ArrayList<>(records.size());
        for (Object[] r : records) {
            Decision decision = Decision.parse((String) r[1]).orElse(null);
            if (decision == null) {
                continue;
            }
            Instant decidedAt = (Instant) r[2];
            Instant verifiedAt = (Instant) r[13];
            // evidence CI reported only after the decision was not what the reviewer saw
            RankerFeatures.Verification verification = verifiedAt != null && !verifiedAt.isAfter(decidedAt)
                    ? new RankerFeatures.Verification((Boolean) r[9], (Boolean) r[10], (Boolean) r[11], (Double) r[12],
                            (String) r[16])
                    : null;
            String caseKind = (String) r[6];
            rows.add(new TrainingRow((UUID) r[0], decidedAt, decision.accepted(), RankerFeatures.encode(
                    (String) r[3], (String) r[4], (String) r[5], caseKind, riskFlags((String) r[7]), (Integer) r[8],
                    verification, engineConfidence((Double) r[17], (Double) r[14], (String) r[15]))));
        }
        return new TrainingSet(List.copyOf(rows));
    }

    /** The prior of a row that carries none and was ranked by a ranker: no knowledge either way. */
    static final double UNKNOWN_PRIOR = 0.5;

    /**
     * The confidence the engine gave, as suggestion-service sent it. A row from an older service has only the
     * confidence it was ranked by: the engine's own under the prior, but a ranker's probability once a ranker ranked,
     * and learning from that would teach the ranker its own output.
     */
    static double engineConfidence(Double priorConfidence, Double confidence, String modelVersion) {
        if (priorConfidence != null) {
            return priorConfidence;
        }
        boolean rankerScored = modelVersion != null && modelVersion.startsWith("ranker-");
        return confidence == null || rankerScored ? UNKNOWN_PRIOR : confidence;
    }

    public int size() {
        return rows.size();
    }

    public long rejected() {
        return rows.stream().filter(r -> !r.accepted()).count();
    }

    /** Time-ordered: the newest {@code heldOutFraction} of the decisions (at least one) are held out. */
    public Split split(double heldOutFraction) {
        int heldOut = Math.max(1, (int) Math.ceil(rows.size() * heldOutFraction));
        int cut = Math.max(0, rows.size() - heldOut);
        return new Split(rows.subList(0, cut), rows.subList(cut, rows.size()));
    }

    /**
     * The rows as JSON Lines with sorted keys ({@code suggestionId}, {@code decidedAt}, {@code label},
     * {@code features}): the same rows always give the same bytes, hence the same sha256.
     */
    public byte[] canonical() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (TrainingRow row : rows) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("suggestionId", row.suggestionId().toString());
                line.put("decidedAt", row.decidedAt().toString());
                line.put("label", row.label());
                line.put("features", row.features());
                out.writeBytes(CANONICAL.writeValueAsBytes(line));
                out.write('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    public String sha256() {
        return RankerModels.sha256(canonical());
    }

    private static List<String> riskFlags(String flags) {
        return flags == null || flags.isEmpty() ? List.of() : Arrays.asList(flags.split(","));
    }
}
