package io.greengate.suggestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greengate.platform.events.SuggestionCreated;
import io.greengate.platform.events.Topics;
import io.greengate.platform.metering.CpuMeter;
import io.greengate.platform.metering.CpuUsage;
import io.greengate.platform.metering.UsageRecorder;
import io.greengate.platform.outbox.Outbox;
import io.greengate.platform.problem.ProblemException;
import io.greengate.platform.security.AccountStore;
import io.greengate.suggestion.analysis.ChangeAnalyzer;
import io.greengate.suggestion.api.BatchView;
import io.greengate.suggestion.api.CreateSuggestionsRequest;
import io.greengate.suggestion.api.SuggestionView;
import io.greengate.suggestion.diff.ChangedFile;
import io.greengate.suggestion.diff.TargetHunks;
import io.greengate.suggestion.diff.UnifiedDiffParser;
import io.greengate.suggestion.engine.Engine;
import io.greengate.suggestion.engine.Generation;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.llm.LlmEngine;
import org.jboss.logging.Logger;
import io.greengate.suggestion.engine.SuggestedTest;
import io.greengate.suggestion.engine.embedded.EmbeddedEngine;
import io.greengate.suggestion.engine.embedded.ObservedOutcomes;
import io.greengate.suggestion.policy.ExistingTests;
import io.greengate.suggestion.policy.RiskScanner;
import io.greengate.suggestion.ranking.Ranker;
import io.greengate.suggestion.store.Batch;
import io.greengate.suggestion.store.Suggestion;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Turns CI's diff into a stored batch of suggestions, their events and their metered CPU time. */
@ApplicationScoped
public class SuggestionBatches {

    /**
     * Suggestions made but not yet stored, with the CPU time (and remote tokens) it took to make them;
     * {@code targetDiffs} holds the part of the diff each target symbol ({@link #targetKey}) sits in.
     */
    public record Draft(Engine engine, List<SuggestedTest> tests, CpuUsage usage, List<String> notes,
                        Long promptTokens, Long completionTokens, String rankerVersion,
                        Map<String, String> targetDiffs, Double reportedEnergyJoules) {
    }

    private static String targetKey(String file, String symbol) {
        return file + "#" + symbol;
    }

    private static final Logger LOG = Logger.getLogger(SuggestionBatches.class);

    private final EmbeddedEngine embedded;
    private final LlmEngine llm;
    private final Outbox outbox;
    private final UsageRecorder usage;
    private final MeterRegistry registry;
    private final ObjectMapper mapper;
    private final Ranker ranker;

    public SuggestionBatches(EmbeddedEngine embedded, LlmEngine llm, Outbox outbox, UsageRecorder usage,
                             MeterRegistry registry, ObjectMapper mapper, Ranker ranker) {
        this.embedded = embedded;
        this.llm = llm;
        this.outbox = outbox;
        this.usage = usage;
        this.registry = registry;
        this.mapper = mapper;
        this.ranker = ranker;
    }

    /** Looks up an earlier batch made with the same idempotency key; the same key with another body is a 422. */
    @Transactional
    public Optional<BatchView> replay(String idempotencyKey, CreateSuggestionsRequest request) {
        return Batch.findByIdempotencyKey(idempotencyKey).map(batch -> {
            if (!batch.requestSha256.equals(fingerprint(request))) {
                throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                        "Idempotency-Key " + idempotencyKey + " was used for a different request body", Map.of());
            }
            return view(batch);
        });
    }

    /** Analyses and generates outside any transaction: no connection is held while the engine works. */
    public Draft generate(CreateSuggestionsRequest request) {
        Map<String, String> contents = new LinkedHashMap<>();
        if (request.files() != null) {
            request.files().forEach(f -> contents.put(f.path(), f.content()));
        }
        List<String> notes = new ArrayList<>();
        Map<String, String> targetDiffs = new HashMap<>();
        CpuMeter.Measured<Generation> measured = CpuMeter.measure(() -> {
            List<ChangedFile> files = UnifiedDiffParser.parse(request.diff());
            var analysis = ChangeAnalyzer.analyze(files, contents);
            notes.addAll(analysis.notes());
            TargetHunks hunks = TargetHunks.of(files);
            analysis.symbols().forEach(symbol -> targetDiffs.put(targetKey(symbol.file(), symbol.qualifiedName()),
                    hunks.excerpt(symbol.file(), symbol.startLine(), symbol.endLine())));
            GenerationRequest generationRequest = new GenerationRequest(request.repository(), request.diff(),
                    analysis.symbols(), contents, request.maxSuggestionsOrDefault(), request.observeOrDefault());
            Generation generation = generateWith(chooseEngine(request, notes), generationRequest, notes);
            return new Generation(withoutDuplicates(generation.tests(), ExistingTests.in(contents), notes),
                    generation.notes(),
                    generation.promptTokens(), generation.completionTokens(), generation.reportedEnergyJoules());
        });
        Generation generation = measured.result();
        notes.addAll(generation.notes());
        if (generation.tests().isEmpty()) {
            notes.add("no changed public function or method that the engine can test with confidence");
        }
        Engine engine = generation.promptTokens() != null ? llm : embedded;
        Ranker.Ranking ranking = ranker.rank(engine.name(), generation.tests());
        return new Draft(engine, ranking.tests(), measured.usage(), notes, generation.promptTokens(),
                generation.completionTokens(), ranking.modelVersion(), targetDiffs,
                generation.reportedEnergyJoules());
    }

    private Engine chooseEngine(CreateSuggestionsRequest request, List<String> notes) {
        if (!request.engineOrDefault().equals(LlmEngine.NAME)) {
            return embedded;
        }
        if (!llm.available()) {
            notes.add("the llm engine is not configured on this server (greengate.llm.base-url); "
                    + "the embedded engine answered instead");
            return embedded;
        }
        return llm;
    }

    /** An LLM that fails (down, slow, circuit open) never fails the request: the embedded engine answers. */
    private Generation generateWith(Engine engine, GenerationRequest request, List<String> notes) {
        if (engine == embedded) {
            return embedded.generate(request);
        }
        try {
            return engine.generate(request);
        } catch (RuntimeException e) {
            LOG.warnf("llm engine failed, embedded engine answers: %s", e.toString());
            notes.add("the llm engine is unavailable (" + e.getClass().getSimpleName()
                    + "); the embedded engine answered instead");
            return embedded.generate(request);
        }
    }

    @Transactional
    public BatchView store(CreateSuggestionsRequest request, Draft draft, String idempotencyKey, String actor) {
        Batch batch = new Batch();
        batch.id = UUID.randomUUID();
        batch.repository = request.repository();
        batch.commit = request.commit();
        batch.branch = request.branch();
        batch.pullRequest = request.pullRequest();
        batch.engine = draft.engine().name();
        batch.modelVersion = draft.rankerVersion();
        batch.idempotencyKey = idempotencyKey;
        batch.requestSha256 = fingerprint(request);
        batch.cpuSeconds = draft.usage().cpuSeconds();
        batch.wallSeconds = draft.usage().wallSeconds();
        batch.notes = String.join("\n", draft.notes());
        batch.createdBy = actor;
        batch.createdAt = Instant.now();
        batch.persistAndFlush();
        int position = 0;
        for (SuggestedTest test : draft.tests()) {
            Suggestion suggestion = toEntity(test, batch, position++);
            suggestion.targetDiff = draft.targetDiffs().get(targetKey(test.targetFile(), test.targetSymbol()));
            suggestion.persist();
            // an observed-outcome case reaches reviewers once CI has written in what it observed (Verifications)
            if (!ObservedOutcomes.awaitsObservation(suggestion.code)) {
                outbox.add(Topics.SUGGESTIONS, created(suggestion, batch));
            }
            registry.counter("greengate.suggestions", "engine", batch.engine, "language", suggestion.language)
                    .increment();
        }
        usage.record(new UsageRecorder.Subject("INFERENCE", "batch", batch.id.toString(), batch.repository,
                batch.engine, draft.engine().modelVersion()), draft.usage(),
                new UsageRecorder.Yield(draft.promptTokens(), draft.completionTokens(), draft.tests().size(),
                        draft.reportedEnergyJoules()));
        return view(batch);
    }

    @Transactional
    public BatchView view(Batch batch) {
        List<SuggestionView> suggestions = Suggestion.ofBatch(batch.id).stream()
                .map(s -> SuggestionView.of(s, null)).toList();
        List<String> notes = batch.notes == null || batch.notes.isEmpty() ? List.of() : List.of(batch.notes.split("\n"));
        return new BatchView(batch.id, batch.repository, batch.commit, batch.engine, batch.modelVersion, suggestions,
                new BatchView.Usage(batch.cpuSeconds, batch.wallSeconds), notes);
    }

    /** Drops a suggestion that repeats another of the batch or a test the repository already has. */
    private static List<SuggestedTest> withoutDuplicates(List<SuggestedTest> tests, ExistingTests existing,
                                                         List<String> notes) {
        Set<String> seen = new HashSet<>();
        List<SuggestedTest> unique = new ArrayList<>();
        int repeated = 0;
        for (SuggestedTest test : tests) {
            if (existing.repeats(test.code(), test.testFileBase())) {
                repeated++;
            } else if (seen.add(test.code().replaceAll("\\s+", " ").strip())
                    && seen.add("path:" + test.testPath() + test.targetSymbol())) {
                unique.add(new SuggestedTest(test.targetFile(), test.targetSymbol(), test.language(), test.framework(),
                        test.caseKind(), test.testPath(), test.code(), test.testFileBase(), test.rationale(),
                        test.confidence(), RiskScanner.scan(test.code()), test.prompt(), test.priorConfidence()));
            }
        }
        if (repeated > 0) {
            notes.add(repeated + " suggestion(s) dropped: the repository's tests already assert the same");
        }
        return unique;
    }

    private static Suggestion toEntity(SuggestedTest s, Batch batch, int position) {
        Suggestion suggestion = new Suggestion();
        suggestion.id = UUID.randomUUID();
        suggestion.batchId = batch.id;
        suggestion.position = position;
        suggestion.repository = batch.repository;
        suggestion.commit = batch.commit;
        suggestion.targetFile = s.targetFile();
        suggestion.targetSymbol = s.targetSymbol();
        suggestion.language = s.language();
        suggestion.framework = s.framework();
        suggestion.caseKind = s.caseKind();
        suggestion.testPath = s.testPath();
        suggestion.code = s.code();
        suggestion.testFileBase = s.testFileBase();
        suggestion.prompt = s.prompt();
        suggestion.rationale = s.rationale();
        suggestion.confidence = s.confidence();
        suggestion.priorConfidence = s.priorConfidence();
        suggestion.riskFlags = String.join(",", s.riskFlags());
        suggestion.verificationStatus = Suggestion.VerificationStatus.CREATED.name();
        suggestion.createdAt = batch.createdAt;
        return suggestion;
    }

    static SuggestionCreated created(Suggestion s, Batch batch) {
        return new SuggestionCreated(UUID.randomUUID(), Instant.now(), s.id, batch.id, batch.repository, batch.commit,
                batch.branch, batch.pullRequest, batch.engine, batch.modelVersion, s.targetFile, s.targetSymbol,
                s.language, s.framework, s.caseKind, s.testPath, s.code, s.testFileBase, s.rationale, s.confidence,
                s.riskFlagList(), s.prompt, s.targetDiff, s.priorConfidence);
    }

    private String fingerprint(CreateSuggestionsRequest request) {
        try {
            return AccountStore.sha256(mapper.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
