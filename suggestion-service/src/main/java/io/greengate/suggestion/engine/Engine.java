package io.greengate.suggestion.engine;

import java.util.List;

/** Something that turns changed symbols into suggested tests: the embedded engine or an LLM. */
public interface Engine {

    String name();

    String modelVersion();

    List<SuggestedTest> generate(GenerationRequest request);
}
