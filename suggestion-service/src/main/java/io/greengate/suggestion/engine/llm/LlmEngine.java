package io.greengate.suggestion.engine.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.greengate.suggestion.analysis.ChangedSymbol;
import io.greengate.suggestion.engine.Engine;
import io.greengate.suggestion.engine.Generation;
import io.greengate.suggestion.engine.GenerationRequest;
import io.greengate.suggestion.engine.SuggestedTest;
import io.greengate.suggestion.store.AcceptedExample;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Suggestions from an OpenAI-compatible model server, checked with the same parsers as the embedded engine's. */
@ApplicationScoped
public class LlmEngine implements Engine {

    public static final String NAME = "llm";

    private final LlmClient client;
    private final LlmConfig config;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;

    public LlmEngine(LlmClient client, LlmConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this.client = client;
        this.config = config;
        this.mapper = mapper;
        this.registry = registry;
    }

    public boolean available() {
        return client.configured();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String modelVersion() {
        return config.model();
    }

    @Override
    public Generation generate(GenerationRequest request) {
        if (request.symbols().isEmpty()) {
            return Generation.local(List.of());
        }
        List<String> languages = request.symbols().stream().map(ChangedSymbol::language).distinct().toList();
        List<String> examples = QuarkusTransaction.requiringNew().call(() -> AcceptedExample
                .recent(request.repository(), languages, config.examples()).stream().map(e -> e.code).toList());
        String prompt = PromptBuilder.user(request, examples, config.maxContextChars(), config.exampleChars());
        LlmClient.Completion completion = client.complete(PromptBuilder.SYSTEM, prompt);
        LlmOutput.Parsed parsed = LlmOutput.parse(completion.text(), request.symbols(), request.files(), mapper);
        List<String> notes = new ArrayList<>();
        parsed.dropped().forEach((reason, count) -> {
            notes.add(count + " answer(s) of the model dropped: " + reason);
            registry.counter("greengate.llm.dropped", "reason", reason).increment(count);
        });
        if ("LENGTH".equals(completion.finishReason())) {
            notes.add("the model's answer was cut at its length limit");
        }
        long overwriting = parsed.candidates().stream().filter(c -> request.files().containsKey(c.testPath())).count();
        if (overwriting > 0) {
            notes.add(overwriting + " answer(s) of the model dropped: would overwrite an existing test file");
        }
        List<SuggestedTest> tests = parsed.candidates().stream()
                .filter(c -> !request.files().containsKey(c.testPath()))
                .limit(request.maxSuggestions())
                .map(c -> new SuggestedTest(c.symbol().file(), c.symbol().qualifiedName(), c.symbol().language(),
                        c.symbol().language().equals("python") ? "pytest" : "junit5", "llm", c.testPath(), c.code(),
                        null, c.rationale().isEmpty() ? "suggested by " + config.model() : c.rationale(),
                        config.priorConfidence(), List.of(), PromptBuilder.SYSTEM + "\n\n" + prompt,
                        config.priorConfidence()))
                .toList();
        return new Generation(tests, notes, completion.promptTokens(), completion.completionTokens(),
                completion.reportedEnergyJoules());
    }
}
