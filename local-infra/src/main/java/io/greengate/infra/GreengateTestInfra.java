package io.greengate.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.util.Map;

/**
 * Quarkus test resource: one real PostgreSQL and one real Kafka broker per test JVM, shared by all
 * test classes, so {@code mvn verify} needs nothing running beforehand.
 */
public class GreengateTestInfra implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (postgres == null) {
                postgres = PostgresServer.startEphemeral();
                kafka = KafkaBroker.start(Files.createTempDirectory("greengate-kafka"), 0);
                Runtime.getRuntime().addShutdownHook(new Thread(GreengateTestInfra::stopAll));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not start PostgreSQL and Kafka for the tests", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "greengate.security.accounts", String.join(",", TestAccounts.accountLines()));
    }

    public static String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public static String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    @Override
    public void stop() {
        // shared across test classes; stopped when the JVM exits
    }

    private static void stopAll() {
        try {
            kafka.close();
            postgres.close();
        } catch (Exception ignored) {
            // the JVM is going away
        }
    }
}
