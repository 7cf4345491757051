package io.greengate.feedback.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greengate.feedback.store.RankerModel;
import io.greengate.feedback.store.RankerPromotion;
import io.greengate.platform.events.ModelTrained;
import io.greengate.platform.events.Topics;
import io.greengate.platform.metering.CpuMeter;
import io.greengate.platform.metering.CpuUsage;
import io.greengate.platform.metering.UsageRecorder;
import io.greengate.platform.outbox.Outbox;
import io.greengate.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Trains a new ranker version in the background and decides whether it replaces the promoted one.
 * <ol>
 *   <li>{@link #start}: checks there are enough reviewer decisions, reserves the next version (status TRAINING,
 *   one at a time) and hands the work to the managed executor;</li>
 *   <li>the run: fits the model on the older 80 % of the decisions (by decided time), evaluates it and the
 *   promoted model on the newest 20 %, and promotes it only when its AUC is higher;</li>
 *   <li>stores the result either way (PROMOTED, REJECTED_BY_EVALUATION or FAILED), publishes ModelTrained and
 *   the run's CPU time (UsageMeasured, kind TRAINING) through the outbox, in one transaction.</li>
 * </ol>
 */
@ApplicationScoped
public class RankerTraining {

    private static final Logger LOG = Logger.getLogger(RankerTraining.class);
    /** Serializes reservations and promotions across transactions (and instances). */
    static final long LOCK_KEY = 0x6772_6e67_726b_0001L;

    private final RankerConfig config;
    private final ManagedExecutor executor;
    private final Outbox outbox;
    private final UsageRecorder usage;
    private final ObjectMapper mapper;

    public RankerTraining(RankerConfig config, ManagedExecutor executor, Outbox outbox, UsageRecorder usage,
                          ObjectMapper mapper) {
        this.config = config;
        this.executor = executor;
        this.outbox = outbox;
        this.usage = usage;
        this.mapper = mapper;
    }

    /** Reserves the next version and trains it in the background; 409 when training cannot start now. */
    public RankerModel start(RankerModel.Trigger trigger, String triggeredBy) {
        RankerModel reserved = QuarkusTransaction.requiringNew().call(() -> reserve(trigger, triggeredBy));
        executor.runAsync(() -> run(reserved.version));
        return reserved;
    }

    private RankerModel reserve(RankerModel.Trigger trigger, String triggeredBy) {
        lock();
        Optional<RankerModel> running = RankerModel.training();
        if (running.isPresent()) {
            if (running.get().createdAt.isAfter(Instant.now().minus(config.trainingTimeout()))) {
                throw ProblemException.conflict(running.get().version + " is still training");
            }
            abandon(running.get());
        }
        TrainingSet.Eligible eligible = TrainingSet.eligible();
        if (eligible.decisions() < config.minDecisions()) {
            throw tooFew("the ranker learns from at least " + config.minDecisions()
                    + " decisions by reviewers; there are " + eligible.decisions()
                    + ". Until a model is promoted, suggestions are ranked by the engine's prior confidence.");
        }
        if (!eligible.bothOutcomes()) {
            throw tooFew("the ranker needs accepted and rejected decisions; there are " + eligible.accepted()
                    + " accepted and " + eligible.rejected() + " rejected");
        }
        RankerModel model = new RankerModel();
        model.number = RankerModel.nextNumber();
        model.version = RankerModel.VERSION_PREFIX + model.number;
        model.status = RankerModel.Status.TRAINING.name();
        model.trigger = trigger.name();
        model.triggeredBy = triggeredBy;
        model.trainingConfig = json(trainingConfig());
        model.createdAt = Instant.now();
        model.persist();
        return model;
    }

    /** What a scheduled run compares with: the dataset training would use now is the one last trained on. */
    public boolean nothingNewSinceLastTraining() {
        return QuarkusTransaction.requiringNew().call(() -> RankerModel.latestTrained()
                .map(latest -> latest.datasetSha256.equals(TrainingSet.load().sha256()))
                .orElse(false));
    }

    void run(String version) {
        try {
            CpuMeter.Measured<Outcome> measured = CpuMeter.measure(() -> fitAndEvaluate(version));
            QuarkusTransaction.requiringNew().run(() -> finish(version, measured.result(), measured.usage()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "training of %s failed", version);
            QuarkusTransaction.requiringNew().run(() -> fail(version, e));
        }
    }

    /** The result of a run, before it is stored. */
    record Outcome(TrainingSet.Split split, int datasetSize, String datasetSha256, byte[] artifact,
                   RankerEvaluation candidate, String baselineVersion, RankerEvaluation baseline, boolean promote,
                   String evaluation) {
    }

    private Outcome fitAndEvaluate(String version) {
        TrainingSet set = QuarkusTransaction.requiringNew().call(TrainingSet::load);
        TrainingSet.Split split = set.split(config.heldOutFraction());
        long trainRejected = split.train().stream().filter(r -> !r.accepted()).count();
        if (set.size() < config.minDecisions() || trainRejected == 0 || trainRejected == split.train().size()) {
            throw new IllegalStateException("the " + split.train().size() + " older decisions (" + trainRejected
                    + " rejected) cannot train a ranker; " + config.minDecisions() + " with both outcomes are needed");
        }
        Model<Label> model = RankerModels.train(split.train(), config.sgd(), version);
        RankerEvaluation candidate = evaluate(model, split);
        Optional<Baseline> promoted = QuarkusTransaction.requiringNew().call(() -> RankerModel.promoted()
                .map(m -> new Baseline(m.version, m.artifact)));
        RankerEvaluation baseline = promoted.map(b -> evaluate(RankerModels.deserialize(b.artifact()), split))
                .orElse(null);
        String baselineVersion = promoted.map(Baseline::version).orElse(null);
        Verdict verdict = judge(candidate, baselineVersion, baseline);
        byte[] artifact = RankerModels.serialize(model);
        return new Outcome(split, set.size(), set.sha256(), artifact, candidate, baselineVersion, baseline,
                verdict.promote(), verdict.reason());
    }

    /** The promoted model a candidate must beat. */
    private record Baseline(String version, byte[] artifact) {
    }

    private RankerEvaluation evaluate(Model<Label> model, TrainingSet.Split split) {
        boolean[] accepted = new boolean[split.heldOut().size()];
        for (int i = 0; i < accepted.length; i++) {
            accepted[i] = split.heldOut().get(i).accepted();
        }
        return RankerEvaluation.of(RankerModels.acceptProbabilities(model, split.heldOut()), accepted,
                config.precisionAtK());
    }

    record Verdict(boolean promote, String reason) {
    }

    /** Promote only what ranks the held-out decisions better than the promoted model does. */
    Verdict judge(RankerEvaluation candidate, String baselineVersion, RankerEvaluation baseline) {
        String heldOut = "on the " + candidate.size() + " newest decisions";
        if (Double.isNaN(candidate.auc())) {
            return new Verdict(false, "not promoted: the " + candidate.size()
                    + " held-out decisions all have the same outcome, so AUC is undefined");
        }
        if (baseline == null) {
            boolean promote = candidate.auc() > config.minAuc();
            return new Verdict(promote, String.format(Locale.ROOT, "%s: AUC %.3f %s, %s the minimum %.3f "
                            + "(no model was promoted before)", promote ? "promoted" : "not promoted", candidate.auc(),
                    heldOut, promote ? "above" : "not above", config.minAuc()));
        }
        boolean promote = candidate.auc() > baseline.auc() + config.minAucGain();
        return new Verdict(promote, String.format(Locale.ROOT, "%s: AUC %.3f %s against %.3f for the promoted %s%s",
                promote ? "promoted" : "not promoted", candidate.auc(), heldOut, baseline.auc(), baselineVersion,
                config.minAucGain() > 0 ? String.format(Locale.ROOT, " (gain needed: more than %.3f)",
                        config.minAucGain()) : ""));
    }

    private void finish(String version, Outcome outcome, CpuUsage cpu) {
        lock();
        RankerModel model = RankerModel.findById(version, LockModeType.PESSIMISTIC_WRITE);
        boolean promote = outcome.promote();
        String evaluation = outcome.evaluation();
        Optional<RankerModel> current = RankerModel.promotedForUpdate();
        String currentVersion = current.map(m -> m.version).orElse(null);
        if (promote && !Objects.equals(currentVersion, outcome.baselineVersion())) {
            promote = false;
            evaluation = "not promoted: " + currentVersion + " was promoted while " + version
                    + " trained against " + outcome.baselineVersion() + "; retrain to compare with it";
        }
        Map<String, Double> metrics = metrics(outcome);
        model.trainingSize = outcome.split().train().size();
        model.heldOutSize = outcome.split().heldOut().size();
        model.datasetSize = outcome.datasetSize();
        model.datasetSha256 = outcome.datasetSha256();
        model.metrics = json(storedMetrics(metrics, outcome.baselineVersion()));
        model.evaluation = evaluation;
        model.artifact = outcome.artifact();
        model.artifactSha256 = RankerModels.sha256(outcome.artifact());
        model.cpuSeconds = cpu.cpuSeconds();
        model.wallSeconds = cpu.wallSeconds();
        model.finishedAt = Instant.now();
        if (promote) {
            current.ifPresent(previous -> {
                previous.status = RankerModel.Status.RETIRED.name();
                RankerModel.flush();
            });
            model.status = RankerModel.Status.PROMOTED.name();
            audit(model.version, currentVersion, RankerPromotion.Kind.EVALUATION, model.triggeredBy);
        } else {
            model.status = RankerModel.Status.REJECTED_BY_EVALUATION.name();
        }
        RankerModel.flush();
        outbox.add(Topics.MODELS, new ModelTrained(UUID.randomUUID(), Instant.now(), model.version, model.status,
                model.artifactSha256, model.trainingSize, metrics));
        usage.record(new UsageRecorder.Subject("TRAINING", "model", model.version, null, null, model.version), cpu,
                UsageRecorder.Yield.NONE);
        LOG.infof("%s trained on %d decisions: %s", model.version, model.trainingSize, evaluation);
    }

    private void fail(String version, RuntimeException cause) {
        RankerModel model = RankerModel.findById(version, LockModeType.PESSIMISTIC_WRITE);
        if (model == null || !RankerModel.Status.TRAINING.name().equals(model.status)) {
            return;
        }
        model.status = RankerModel.Status.FAILED.name();
        model.failure = String.valueOf(cause.getMessage());
        model.finishedAt = Instant.now();
        RankerModel.flush();
        outbox.add(Topics.MODELS, new ModelTrained(UUID.randomUUID(), Instant.now(), model.version, model.status,
                null, 0, Map.of()));
    }

    /** A TRAINING row older than the timeout: its process stopped before it finished. */
    private void abandon(RankerModel stale) {
        LOG.warnf("%s did not finish within %s; marked FAILED", stale.version, config.trainingTimeout());
        stale.status = RankerModel.Status.FAILED.name();
        stale.failure = "did not finish within " + config.trainingTimeout() + " (the service probably stopped)";
        stale.finishedAt = Instant.now();
        RankerModel.flush();
    }

    /** Promotes an earlier version (a rollback) or any stored model: audited, and published as ModelTrained. */
    public RankerModel promote(String version, String promotedBy) {
        return QuarkusTransaction.requiringNew().call(() -> {
            lock();
            RankerModel model = RankerModel.<RankerModel>findByIdOptional(version, LockModeType.PESSIMISTIC_WRITE)
                    .orElseThrow(() -> ProblemException.notFound("ranker model", version));
            if (RankerModel.Status.PROMOTED.name().equals(model.status)) {
                return model;
            }
            if (!model.statusValue().servable()) {
                throw ProblemException.conflict(version + " is " + model.status + " and has no model to promote");
            }
            Optional<RankerModel> current = RankerModel.promotedForUpdate();
            current.ifPresent(previous -> {
                previous.status = RankerModel.Status.RETIRED.name();
                RankerModel.flush();
            });
            model.status = RankerModel.Status.PROMOTED.name();
            RankerModel.flush();
            audit(version, current.map(m -> m.version).orElse(null), RankerPromotion.Kind.MANUAL, promotedBy);
            outbox.add(Topics.MODELS, new ModelTrained(UUID.randomUUID(), Instant.now(), model.version, model.status,
                    model.artifactSha256, model.trainingSize == null ? 0 : model.trainingSize, numbers(model.metrics)));
            LOG.infof("%s promoted by %s (was %s)", version, promotedBy, current.map(m -> m.version).orElse("none"));
            return model;
        });
    }

    private static void audit(String version, String previous, RankerPromotion.Kind kind, String by) {
        RankerPromotion promotion = new RankerPromotion();
        promotion.id = UUID.randomUUID();
        promotion.version = version;
        promotion.previousVersion = previous;
        promotion.kind = kind.name();
        promotion.promotedBy = by;
        promotion.promotedAt = Instant.now();
        promotion.persist();
    }

    private static void lock() {
        RankerModel.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, LOCK_KEY).getSingleResult();
    }

    private static ProblemException tooFew(String detail) {
        return new ProblemException(409, "too-few-decisions", "Too few decisions to train the ranker", detail,
                Map.of());
    }

    private Map<String, Object> trainingConfig() {
        Map<String, Object> training = new LinkedHashMap<>(RankerModels.describe(config.sgd()));
        training.put("label", "ACCEPTED or MODIFIED → ACCEPTED; REJECTED → REJECTED");
        training.put("decisions", "actorKind REVIEWER, SuggestionCreated seen; oldest decision first");
        training.put("split", "time-ordered: the newest heldOutFraction of the decisions are held out");
        training.put("heldOutFraction", config.heldOutFraction());
        training.put("minDecisions", config.minDecisions());
        training.put("minAuc", config.minAuc());
        training.put("minAucGain", config.minAucGain());
        training.put("precisionAtK", config.precisionAtK());
        return training;
    }

    private static Map<String, Double> metrics(Outcome outcome) {
        Map<String, Double> metrics = new LinkedHashMap<>(outcome.candidate().asMetrics());
        metrics.put("trainingSize", (double) outcome.split().train().size());
        if (outcome.baseline() != null && Double.isFinite(outcome.baseline().auc())) {
            metrics.put("promotedAuc", outcome.baseline().auc());
        }
        return metrics;
    }

    private static Map<String, Object> storedMetrics(Map<String, Double> metrics, String baselineVersion) {
        Map<String, Object> stored = new LinkedHashMap<>(metrics);
        if (baselineVersion != null) {
            stored.put("comparedWith", baselineVersion);
        }
        return stored;
    }

    /** The numeric metrics of a stored version, for its ModelTrained event. */
    private Map<String, Double> numbers(String metricsJson) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        if (metricsJson == null) {
            return numbers;
        }
        try {
            mapper.readTree(metricsJson).fields().forEachRemaining(field -> {
                if (field.getValue().isNumber()) {
                    numbers.put(field.getKey(), field.getValue().doubleValue());
                }
            });
        } catch (JsonProcessingException e) {
            LOG.warnf("metrics of a ranker model are not JSON: %s", e.getMessage());
        }
        return numbers;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
