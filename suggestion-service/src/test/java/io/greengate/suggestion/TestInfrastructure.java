package io.greengate.suggestion;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.suggestion.engine.llm.OpenAiStub;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every @QuarkusTest of this module runs against one real PostgreSQL and one real Kafka broker, and a local
 * OpenAI-compatible stub for engine=llm.
 */
@QuarkusTestResource(GreengateTestInfra.class)
@QuarkusTestResource(OpenAiStub.class)
public class TestInfrastructure {
}
