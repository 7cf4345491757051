package io.greengate.suggestion.engine.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The OpenAI-compatible chat-completions server (vLLM, Ollama, llama.cpp server, OpenAI) behind engine=llm. */
@ConfigMapping(prefix = "greengate.llm")
public interface LlmConfig {

    /** e.g. http://127.0.0.1:11434/v1 for Ollama; unset: engine=llm falls back to the embedded engine. */
    Optional<String> baseUrl();

    @WithDefault("qwen2.5-coder:7b")
    String model();

    /** Sent as a bearer token; local servers usually need none. */
    Optional<String> apiKey();

    /** Per attempt; the request is retried twice before the embedded engine answers. */
    @WithDefault("60s")
    Duration timeout();

    /**
     * Where in the server's JSON answer it reports the energy of the call in joules (a JSON pointer); OpenAI's API
     * has no such field, energy-aware servers and gateways add one. Found and numeric, it replaces carbon-meter's
     * token estimate.
     */
    @WithDefault("/usage/energy_joules")
    String reportedEnergyPointer();

    /** How many tests reviewers accepted in the same repository (and language) the prompt shows as examples. */
    @WithDefault("3")
    int examples();

    /** Characters of one example at most; a longer accepted test is cut. */
    @WithDefault("2000")
    int exampleChars();

    @WithDefault("0.2")
    double temperature();

    /** Confidence given to LLM suggestions until the ranker scores them. */
    @WithDefault("0.5")
    double priorConfidence();

    /**
     * Characters of symbol context (full sources, imports, test heads: at most half) and diff in a prompt, so a huge
     * change cannot blow the context window.
     */
    @WithDefault("24000")
    int maxContextChars();
}
