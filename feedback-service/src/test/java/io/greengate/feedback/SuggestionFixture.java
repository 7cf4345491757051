package io.greengate.feedback;

import io.greengate.platform.events.ReviewDecided;
import io.greengate.platform.events.SuggestionCreated;
import io.greengate.platform.events.SuggestionVerified;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One suggested test case as the other services would describe it in their events; fluent, for tests. */
public final class SuggestionFixture {

    public static final String PYTEST_CODE = """
            from cart import Cart


            def test_cart_total_sums_the_prices():
                cart = Cart()
                cart.add("apple", 2)
                assert cart.total() == 2
            """;

    public final UUID suggestionId = UUID.randomUUID();
    public final UUID reviewId = UUID.randomUUID();
    public final String repository;
    private UUID batchId = UUID.randomUUID();
    private String engine = "embedded";
    private String modelVersion = "ranker-3";
    private String language = "python";
    private String framework = "pytest";
    private String targetFile = "src/cart.py";
    private String targetSymbol = "Cart.total";
    private String code = PYTEST_CODE;
    private String prompt;
    private String caseKind = "signature";
    private double confidence = 0.73;
    private List<String> riskFlags = List.of("network");
    private Instant createdAt = Instant.now().minusSeconds(3600);

    public SuggestionFixture(String repository) {
        this.repository = repository;
    }

    public static String newRepository(String name) {
        return "github.com/acme/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public SuggestionFixture engine(String engine) {
        this.engine = engine;
        return this;
    }

    public SuggestionFixture modelVersion(String modelVersion) {
        this.modelVersion = modelVersion;
        return this;
    }

    public SuggestionFixture java() {
        language = "java";
        framework = "junit5";
        targetFile = "src/main/java/com/acme/shop/Pricing.java";
        targetSymbol = "Pricing.total";
        code = "import org.junit.jupiter.api.Test;\n\nclass PricingTotalTest {\n    @Test\n    void total() {\n    }\n}\n";
        return this;
    }

    public SuggestionFixture caseKind(String caseKind, double confidence) {
        this.caseKind = caseKind;
        this.confidence = confidence;
        return this;
    }

    public SuggestionFixture riskFlags(List<String> riskFlags) {
        this.riskFlags = riskFlags;
        return this;
    }

    public SuggestionFixture symbol(String targetSymbol) {
        this.targetSymbol = targetSymbol;
        return this;
    }

    public SuggestionFixture code(String code) {
        this.code = code;
        return this;
    }

    public SuggestionFixture prompt(String prompt) {
        this.prompt = prompt;
        return this;
    }

    public SuggestionFixture batch(UUID batchId) {
        this.batchId = batchId;
        return this;
    }

    public SuggestionFixture createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public String code() {
        return code;
    }

    public UUID batchId() {
        return batchId;
    }

    public SuggestionCreated created() {
        return new SuggestionCreated(UUID.randomUUID(), createdAt, suggestionId, batchId, repository, "9f1c2e7",
                "feature/cart", 42, engine, modelVersion, targetFile, targetSymbol, language, framework,
                caseKind, "tests/test_" + targetSymbol.toLowerCase().replace('.', '_') + ".py", code, null,
                "the changed method keeps its contract", confidence, riskFlags, prompt, null,
                confidence);
    }

    public SuggestionVerified verified(boolean passed, boolean flaky, Double coverageDelta) {
        return new SuggestionVerified(UUID.randomUUID(), createdAt.plusSeconds(60), suggestionId, repository,
                "9f1c2e7", true, passed, 5, flaky, coverageDelta, "5 passed", null, null);
    }

    /** CI's differential report: the case run on the change's head and on its base. */
    public SuggestionVerified verified(String verdict) {
        boolean passed = !"FAILS_ON_HEAD".equals(verdict);
        return new SuggestionVerified(UUID.randomUUID(), createdAt.plusSeconds(60), suggestionId, repository,
                "9f1c2e7", true, passed, 5, false, 0.5, "5 passed", null, null, verdict, true,
                "HOLDS".equals(verdict), null, null, 2, 4);
    }

    public ReviewDecided accepted(double seconds) {
        return decided("ACCEPTED", null, code, "REVIEWER", seconds);
    }

    public ReviewDecided modified(String finalCode, double seconds) {
        return decided("MODIFIED", "STYLE", finalCode, "REVIEWER", seconds);
    }

    public ReviewDecided rejected(String reason, double seconds) {
        return decided("REJECTED", reason, null, "REVIEWER", seconds);
    }

    public ReviewDecided autoAccepted(double seconds) {
        return decided("ACCEPTED", null, code, "POLICY", seconds);
    }

    public ReviewDecided decided(String decision, String reason, String finalCode, String actorKind, double seconds) {
        return decidedAt(decision, reason, finalCode, actorKind, seconds, createdAt.plusMillis((long) (seconds * 1000)));
    }

    public ReviewDecided decidedAt(String decision, String reason, String finalCode, String actorKind, double seconds,
                                   Instant at) {
        return new ReviewDecided(UUID.randomUUID(), at, reviewId, suggestionId, repository, "9f1c2e7", engine,
                modelVersion, language, decision, reason, "looked at it", code, finalCode,
                "POLICY".equals(actorKind) ? "auto-accept" : "alice", actorKind, seconds);
    }
}
