package io.greengate.suggestion;

import io.greengate.infra.GreengateTestInfra;
import io.greengate.suggestion.engine.llm.OpenAiStub;
import io.greengate.suggestion.ranking.FeedbackServiceStub;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * Every @QuarkusTest of this module runs against one real PostgreSQL and one real Kafka broker, and a local
 * OpenAI-compatible stub for engine=llm, and feedback-service's model artifact endpoint.
 */
@QuarkusTestResource(GreengateTestInfra.class)
@QuarkusTestResource(OpenAiStub.class)
@QuarkusTestResource(FeedbackServiceStub.class)
public class TestInfrastructure {
}
