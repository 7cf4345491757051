package io.greengate.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local run's infrastructure: PostgreSQL and Kafka with their data under one directory, so that
 * {@code greengate down} and {@code up} lose nothing. Usage: {@code LocalInfra <dataDir> <pgPort> <kafkaPort>}.
 */
public final class LocalInfra {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data").toAbsolutePath();
        int pgPort = args.length > 1 ? Integer.parseInt(args[1]) : 15432;
        int kafkaPort = args.length > 2 ? Integer.parseInt(args[2]) : 19092;

        PostgresServer postgres = PostgresServer.startPersistent(dataDir.resolve("postgres"), pgPort);
        KafkaBroker kafka = KafkaBroker.start(dataDir.resolve("kafka"), kafkaPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            try {
                postgres.close();
            } catch (Exception ignored) {
                // best effort on shutdown
            }
            stopped.countDown();
        }));
        System.out.println("READY postgres=" + postgres.jdbcUrl() + " kafka=" + kafka.bootstrapServers());
        stopped.await();
    }
}
