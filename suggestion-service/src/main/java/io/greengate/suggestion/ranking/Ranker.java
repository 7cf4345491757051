package io.greengate.suggestion.ranking;

import io.greengate.platform.ranking.RankerFeatures;
import io.greengate.suggestion.engine.SuggestedTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Scores new suggestions with the promoted ranker: its probability of acceptance becomes the suggestion's
 * confidence, the batch is ordered by it, and the rationale names the features that weighed most. Until a model is
 * loaded (cold start) the engine's prior confidences stand, the engine's order stays, and the batch's model version
 * says {@value #PRIOR}. A new model replaces the old one without a restart.
 */
@ApplicationScoped
public class Ranker {

    public static final String PRIOR = RankerFeatures.PRIOR_VERSION;
    private static final Logger LOG = Logger.getLogger(Ranker.class);

    /** The model that ranks and the ranker_load row it came from. */
    private record Active(UUID loadId, RankerModel model) {
    }

    /** A model was loaded and stored; it takes over once that transaction has committed. */
    public record Loaded(UUID loadId, RankerModel model) {
    }

    /** The tests in the order to show them, and the version that ranked them ({@value #PRIOR} without a model). */
    public record Ranking(List<SuggestedTest> tests, String modelVersion) {
    }

    private final AtomicReference<Active> active = new AtomicReference<>();
    private final RankerConfig config;

    public Ranker(RankerConfig config) {
        this.config = config;
    }

    public String version() {
        Active current = active.get();
        return current == null ? PRIOR : current.model().version();
    }

    /** A probability and the model version that gave it. */
    public record Scored(double probability, String modelVersion) {
    }

    /** The promoted model's probability for these features; empty under the prior. */
    public Optional<Scored> score(SortedMap<String, Double> features) {
        Active current = active.get();
        return current == null ? Optional.empty() : Optional.of(new Scored(
                current.model().score(features, config.explainedFeatures()).probability(), current.model().version()));
    }

    public Ranking rank(String engine, List<SuggestedTest> tests) {
        Active current = active.get();
        if (current == null) {
            return new Ranking(tests, PRIOR);
        }
        List<SuggestedTest> ranked = new ArrayList<>(tests.size());
        for (SuggestedTest test : tests) {
            ranked.add(scored(current.model(), engine, test));
        }
        ranked.sort(Comparator.comparingDouble(SuggestedTest::confidence).reversed());
        return new Ranking(List.copyOf(ranked), current.model().version());
    }

    /** The features of a suggestion as it is made: CI has not verified it yet. */
    public static SortedMap<String, Double> features(String engine, SuggestedTest test) {
        return RankerFeatures.encode(test.language(), test.framework(), engine, test.caseKind(), test.riskFlags(),
                test.code() == null ? null : (int) test.code().lines().count(), null, test.priorConfidence());
    }

    private SuggestedTest scored(RankerModel model, String engine, SuggestedTest test) {
        try {
            RankerModel.Score score = model.score(features(engine, test), config.explainedFeatures());
            String rationale = (test.rationale() == null ? "" : test.rationale() + "\n") + why(model, score);
            return new SuggestedTest(test.targetFile(), test.targetSymbol(), test.language(), test.framework(),
                    test.caseKind(), test.testPath(), test.code(), test.testFileBase(), rationale, score.probability(),
                    test.riskFlags(), test.prompt(), test.priorConfidence());
        } catch (RuntimeException e) {
            LOG.warnf("%s could not score a %s case; it keeps the engine's confidence: %s", model.version(),
                    test.caseKind(), e.toString());
            return test;
        }
    }

    /** e.g. "Ranker ranker-3: 82% likely to be accepted (+caseKind=guard-raises, -riskFlags.any)". */
    static String why(RankerModel model, RankerModel.Score score) {
        String reasons = score.topContributions().stream()
                .map(c -> (c.logOdds() >= 0 ? "+" : "-") + c.feature())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Ranker %s: %.0f%% likely to be accepted%s", model.version(),
                100 * score.probability(), reasons.isEmpty() ? "" : " (" + reasons + ")");
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    void onLoaded(@Observes(during = TransactionPhase.AFTER_SUCCESS) Loaded loaded) {
        active.set(new Active(loaded.loadId(), loaded.model()));
        LOG.infof("ranker %s loaded; it ranks new suggestions from now on", loaded.model().version());
    }

    /**
     * Another instance may have loaded a newer model (one instance of the consumer group takes each event): every
     * instance looks at ranker_load now and then and follows.
     */
    @Scheduled(identity = "ranker-refresh", every = "{greengate.ranker.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        UUID latest = QuarkusTransaction.requiringNew().call(() -> RankerLoad.latestLoaded().map(l -> l.id)
                .orElse(null));
        Active current = active.get();
        if (!Objects.equals(latest, current == null ? null : current.loadId())) {
            reload();
        }
    }

    /** Ranks with the newest model in ranker_load (the prior when there is none, or it no longer loads). */
    public void reload() {
        try {
            active.set(QuarkusTransaction.requiringNew().call(() -> RankerLoad.latestLoaded()
                    .map(l -> new Active(l.id, RankerModel.load(l.version, l.artifact)))
                    .orElse(null)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "the stored ranker could not be loaded; the prior ranks");
            active.set(null);
        }
        LOG.infof("ranking with %s", version());
    }
}
