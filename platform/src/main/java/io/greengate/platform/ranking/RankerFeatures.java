package io.greengate.platform.ranking;

import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The ranker's features of one suggestion, by name (schema {@value #SCHEMA}). Categorical values are one-hot
 * ({@code caseKind=signature} = 1), counts and sizes are numbers on a small scale. feedback-service trains on
 * them and suggestion-service scores with them: one encoding for both. Every model records the schema it was
 * trained with, and suggestion-service refuses a model of another schema.
 */
public final class RankerFeatures {

    /**
     * Bump when a name or an encoding changes: models of another schema are refused where they are scored. A feature
     * that is only ever added (absent from every row before it, like {@code verification.verdict=...}) does not
     * change the encoding of the rows a model was trained on, so it keeps the schema.
     */
    public static final String SCHEMA = "greengate-ranker-features-v1";

    /** The model version a suggestion carries when no trained ranker scored it: its confidence is the engine's prior. */
    public static final String PRIOR_VERSION = "prior";

    /**
     * CI's verification report as the reviewer could see it; null fields were not reported. {@code verdict} is CI's
     * differential verdict (the case run on the change's head and on its base): REVEALS_CHANGE, HOLDS or
     * FAILS_ON_HEAD, null when CI ran the case on the head only.
     */
    public record Verification(Boolean compiled, Boolean passed, Boolean flaky, Double coverageDelta, String verdict) {

        /** A report without a differential verdict. */
        public Verification(Boolean compiled, Boolean passed, Boolean flaky, Double coverageDelta) {
            this(compiled, passed, flaky, coverageDelta, null);
        }
    }

    private RankerFeatures() {
    }

    /**
     * @param verification null when CI had not reported before the decision (always, when a suggestion is made)
     * @param priorConfidence the engine's own confidence for the case, as the suggestion carries it (never a ranker's
     *                        probability)
     */
    public static SortedMap<String, Double> encode(String language, String framework, String engine, String caseKind,
                                                   List<String> riskFlags, Integer codeLines,
                                                   Verification verification, double priorConfidence) {
        SortedMap<String, Double> features = new TreeMap<>();
        features.put("language=" + category(language), 1.0);
        features.put("framework=" + category(framework), 1.0);
        features.put("engine=" + category(engine), 1.0);
        features.put("caseKind=" + category(caseKind), 1.0);
        List<String> flags = riskFlags == null ? List.of() : riskFlags.stream().filter(f -> !f.isBlank()).toList();
        if (!flags.isEmpty()) {
            features.put("riskFlags.any", 1.0);
            features.put("riskFlags.count", (double) flags.size());
            flags.forEach(flag -> features.put("riskFlag=" + category(flag), 1.0));
        }
        if (codeLines != null) {
            features.put("codeLines.log", Math.log1p(Math.max(0, codeLines)));
        }
        if (verification == null) {
            features.put("verification=unknown", 1.0);
        } else {
            features.put("verification=reported", 1.0);
            putIfTrue(features, "verification.compiled", verification.compiled());
            putIfTrue(features, "verification.passed", verification.passed());
            putIfTrue(features, "verification.flaky", verification.flaky());
            if (verification.coverageDelta() != null && Double.isFinite(verification.coverageDelta())) {
                features.put("verification.coverageDelta", Math.max(-10, Math.min(10, verification.coverageDelta())) / 10);
            }
            if (verification.verdict() != null && !verification.verdict().isBlank()) {
                features.put("verification.verdict=" + category(verification.verdict()), 1.0);
            }
        }
        features.put("confidence.prior", priorConfidence);
        return features;
    }

    private static String category(String value) {
        return value == null || value.isBlank() ? "unknown" : value.trim().toLowerCase(Locale.ROOT);
    }

    private static void putIfTrue(SortedMap<String, Double> features, String name, Boolean value) {
        if (Boolean.TRUE.equals(value)) {
            features.put(name, 1.0);
        }
    }
}
