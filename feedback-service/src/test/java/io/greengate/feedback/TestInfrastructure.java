package io.greengate.feedback;

import io.greengate.infra.GreengateTestInfra;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module runs against one real PostgreSQL and one real Kafka broker. */
@QuarkusTestResource(GreengateTestInfra.class)
public class TestInfrastructure {
}
