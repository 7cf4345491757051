package io.greengate.suggestion.engine;

/** Something that turns changed symbols into suggested tests: the embedded engine or an LLM. */
public interface Engine {

    String name();

    String modelVersion();

    Generation generate(GenerationRequest request);
}
