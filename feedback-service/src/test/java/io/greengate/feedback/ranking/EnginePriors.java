package io.greengate.feedback.ranking;

import java.util.Map;

/** The priors suggestion-service's embedded engine sends with the kinds these tests use (its kinds own them). */
final class EnginePriors {

    private static final Map<String, Double> BY_KIND = Map.of(
            "guard-raises", 0.8, "guard-throws", 0.8, "doctest-examples", 0.75, "signature", 0.3);

    private EnginePriors() {
    }

    static double of(String caseKind) {
        return BY_KIND.getOrDefault(caseKind, 0.5);
    }
}
