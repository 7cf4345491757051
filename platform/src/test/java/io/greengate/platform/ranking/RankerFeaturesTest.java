package io.greengate.platform.ranking;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The encoding is a contract with suggestion-service, which encodes new suggestions the same way: its
 * RankerFeaturesTest asserts the very same maps.
 */
class RankerFeaturesTest {

    @Test
    void aNewSuggestionHasOneHotCategoriesCountsAndUnknownVerification() {
        assertEquals(Map.ofEntries(
                        Map.entry("language=python", 1.0), Map.entry("framework=pytest", 1.0),
                        Map.entry("engine=embedded", 1.0), Map.entry("caseKind=guard-raises", 1.0),
                        Map.entry("riskFlags.any", 1.0), Map.entry("riskFlags.count", 2.0),
                        Map.entry("riskFlag=network", 1.0), Map.entry("riskFlag=filesystem", 1.0),
                        Map.entry("codeLines.log", Math.log1p(9)), Map.entry("verification=unknown", 1.0),
                        Map.entry("confidence.prior", 0.8)),
                RankerFeatures.encode("python", "pytest", "embedded", "guard-raises",
                        List.of("network", "filesystem"), 9, null, 0.8));
    }

    @Test
    void verificationEvidenceIsEncodedWhenCiReportedIt() {
        Map<String, Double> features = RankerFeatures.encode("Java", "junit5", "llm", "llm", List.of(), 20,
                new RankerFeatures.Verification(true, true, false, 2.5), 0.5);
        assertEquals(1.0, features.get("verification=reported"));
        assertEquals(1.0, features.get("verification.compiled"));
        assertEquals(1.0, features.get("verification.passed"));
        assertEquals(null, features.get("verification.flaky"), "false evidence is an absent feature");
        assertEquals(0.25, features.get("verification.coverageDelta"));
        assertEquals(1.0, features.get("language=java"), "categories are lower case");
        assertEquals(null, features.get("riskFlags.any"));
    }

    @Test
    void aDifferentialVerdictIsOneHotInLowerCase() {
        Map<String, Double> features = RankerFeatures.encode("java", "junit5", "embedded", "observed-outcome",
                List.of(), 12, new RankerFeatures.Verification(true, true, false, 1.0, "REVEALS_CHANGE"), 0.45);
        assertEquals(1.0, features.get("verification.verdict=reveals_change"));
        assertEquals(1, features.keySet().stream().filter(k -> k.startsWith("verification.verdict")).count());
        assertEquals(null, RankerFeatures.encode("java", "junit5", "embedded", "observed-outcome", List.of(), 12,
                        new RankerFeatures.Verification(true, true, false, 1.0), 0.45)
                .get("verification.verdict=reveals_change"), "no verdict reported, no verdict feature");
    }

    @Test
    void missingCategoriesAreUnknown() {
        Map<String, Double> features = RankerFeatures.encode(null, " ", null, null, null, null, null, 0.5);
        assertEquals(1.0, features.get("language=unknown"));
        assertEquals(1.0, features.get("framework=unknown"));
        assertEquals(1.0, features.get("caseKind=unknown"));
        assertEquals(null, features.get("codeLines.log"));
    }
}
