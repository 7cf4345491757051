package io.greengate.suggestion.engine.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.output.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import java.io.IOException;

/**
 * Talks to the model server through langchain4j's OpenAI client, guarded by SmallRye Fault Tolerance: two
 * retries, and a circuit that opens after repeated failures so a dead server costs no more waiting.
 */
@ApplicationScoped
public class LlmClient {

    /** The model's answer, what it cost in tokens and, when the server said, in joules. */
    public record Completion(String text, String model, long promptTokens, long completionTokens, String finishReason,
                             Double reportedEnergyJoules) {
    }

    private static final Logger LOG = Logger.getLogger(LlmClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LlmConfig config;
    private volatile OpenAiChatModel model;

    public LlmClient(LlmConfig config) {
        this.config = config;
    }

    public boolean configured() {
        return config.baseUrl().isPresent();
    }

    @Retry(maxRetries = 2, delay = 200, abortOn = IllegalStateException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000, skipOn = IllegalStateException.class)
    public Completion complete(String system, String user) {
        if (!configured()) {
            throw new IllegalStateException("greengate.llm.base-url is not set");
        }
        ChatResponse response = model().chat(SystemMessage.from(system), UserMessage.from(user));
        TokenUsage usage = response.tokenUsage();
        return new Completion(response.aiMessage().text(), config.model(),
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(),
                response.finishReason() == null ? null : response.finishReason().name(),
                reportedEnergy(response));
    }

    private Double reportedEnergy(ChatResponse response) {
        if (!(response.metadata() instanceof OpenAiChatResponseMetadata metadata)
                || metadata.rawHttpResponse() == null || metadata.rawHttpResponse().body() == null) {
            return null;
        }
        try {
            JsonNode joules = JSON.readTree(metadata.rawHttpResponse().body()).at(config.reportedEnergyPointer());
            return joules.isNumber() && joules.asDouble() >= 0 ? joules.asDouble() : null;
        } catch (IOException | IllegalArgumentException e) {
            LOG.debugf("no energy report in the model server's answer: %s", e.getMessage());
            return null;
        }
    }

    private OpenAiChatModel model() {
        if (model == null) {
            model = OpenAiChatModel.builder()
                    .baseUrl(config.baseUrl().orElseThrow())
                    .apiKey(config.apiKey().orElse("none"))
                    .modelName(config.model())
                    .temperature(config.temperature())
                    .timeout(config.timeout())
                    .maxRetries(0) // retries are SmallRye's, so they count towards the circuit breaker
                    .build();
        }
        return model;
    }
}
