package io.greengate.bench.carbon;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Enrichment throughput of carbon-meter's usage → energy pipeline on a real broker and a real PostgreSQL, side by
 * side with a plain {@link KafkaConsumer} reading the same records in the same run.
 * <ol>
 *   <li>loads N UsageMeasured records (JSON as the services' outbox writes them) onto {@code greengate.usage.v1};</li>
 *   <li>each round: (a) a plain KafkaConsumer (in a JVM of its own, started cold like carbon-meter) in a new group
 *       reads all N from the beginning; (b) the same, also inserting each poll's records into PostgreSQL;
 *       (c) carbon-meter is started fresh (empty {@code carbon} schema, new consumer group) and consumes the same N,
 *       writing N energy records and N EnergyAttached events;</li>
 *   <li>prints a Markdown table: records/s from the first record handled to the N-th, for all three.</li>
 * </ol>
 * Options: {@code --bootstrap --jdbc --n --rounds --carbon-jar --java-opts --carbon-opts --accounts --log-dir}.
 * {@code plain} or {@code plain-db} as first argument runs (a) or (b) alone and prints its two timings.
 */
public final class CarbonBench {

    static final String USAGE = "greengate.usage.v1";
    static final String ENERGY = "greengate.energy.v1";

    private final Map<String, String> options;
    private final String bootstrap;
    private final String jdbc;
    private final int n;

    private CarbonBench(Map<String, String> options) {
        this.options = options;
        this.bootstrap = options.getOrDefault("bootstrap", "127.0.0.1:29092");
        this.jdbc = options.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:25432/postgres");
        this.n = Integer.parseInt(options.getOrDefault("n", "20000"));
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        Map<String, String> options = new HashMap<>();
        for (int i = mode.equals("all") ? 0 : 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        CarbonBench bench = new CarbonBench(options);
        if (!mode.equals("all")) {
            Raw raw = bench.rawConsumer(mode);
            System.out.println(raw.firstToLastSeconds() + " " + raw.launchToLastSeconds());
        } else {
            bench.run(Integer.parseInt(options.getOrDefault("rounds", "3")));
        }
    }

    record Raw(double firstToLastSeconds, double launchToLastSeconds) {
        double rate(int n) {
            return (n - 1) / firstToLastSeconds;
        }
    }

    record Round(Raw plain, Raw plainDb, Raw plainCopy, Carbon carbon) {
    }

    record Carbon(double firstToLastSeconds, double launchToDbSeconds, double launchToTopicSeconds,
                  long records, long processed, long energyEvents) {
        double rate(int n) {
            return (n - 1) / firstToLastSeconds;
        }
    }

    private void run(int rounds) throws Exception {
        createTopics();
        long existing = endOffset(USAGE);
        if (existing != 0) {
            throw new IllegalStateException(USAGE + " already holds " + existing + " records: start from an empty broker");
        }
        long loadStart = System.nanoTime();
        load();
        log("loaded %d UsageMeasured records in %.2f s", n, seconds(System.nanoTime() - loadStart));

        List<Round> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Raw raw = rawConsumerInFreshJvm("plain");
            log("round %d plain consumer: %.0f records/s (%.3f s first→last, %.3f s incl. group join)", round,
                    raw.rate(n), raw.firstToLastSeconds(), raw.launchToLastSeconds());
            Raw rawDb = rawConsumerInFreshJvm("plain-db");
            log("round %d plain consumer + PostgreSQL: %.0f records/s (%.3f s first→last)", round, rawDb.rate(n),
                    rawDb.firstToLastSeconds());
            Raw rawCopy = rawConsumerInFreshJvm("plain-copy");
            log("round %d plain consumer + PostgreSQL COPY: %.0f records/s (%.3f s first→last)", round,
                    rawCopy.rate(n), rawCopy.firstToLastSeconds());
            Carbon carbon = carbonMeter(round);
            results.add(new Round(raw, rawDb, rawCopy, carbon));
            log("round %d carbon-meter: %.0f records/s (%.3f s first→last record; launch→N in DB %.2f s, "
                            + "→N EnergyAttached %.2f s)", round, carbon.rate(n), carbon.firstToLastSeconds(),
                    carbon.launchToDbSeconds(), carbon.launchToTopicSeconds());
        }
        report(results);
    }

    // ---------------------------------------------------------------------------------------------- loading

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : List.of(USAGE, ENERGY)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** N UsageMeasured as the three other services publish them: local inference, requests, training, some LLM. */
    private void load() throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        Random random = new Random(42);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                String subjectId = UUID.randomUUID().toString();
                producer.send(new ProducerRecord<>(USAGE, subjectId, usageJson(random, subjectId)));
            }
            producer.flush();
        }
    }

    static String usageJson(Random random, String subjectId) {
        int pick = random.nextInt(10);
        String service;
        String kind;
        String subjectType;
        String engine = null;
        String model = null;
        Long prompt = null;
        Long completion = null;
        double cpu = 0.001 + random.nextDouble() * 0.5;
        if (pick < 6) {
            service = "suggestion-service";
            kind = "INFERENCE";
            subjectType = "batch";
            engine = "embedded";
            model = "ranker-3";
        } else if (pick < 7) {
            service = "suggestion-service";
            kind = "INFERENCE";
            subjectType = "batch";
            engine = "llm";
            model = "gpt-remote";
            prompt = 500L + random.nextInt(3000);
            completion = 100L + random.nextInt(800);
        } else if (pick < 9) {
            service = "review-service";
            kind = "REQUEST";
            subjectType = "review";
        } else {
            service = "feedback-service";
            kind = "TRAINING";
            subjectType = "model";
            cpu = 1 + random.nextDouble() * 30;
        }
        double wall = cpu * (1 + random.nextDouble());
        return "{\"type\":\"UsageMeasured\",\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\""
                + Instant.now() + "\",\"service\":\"" + service + "\",\"kind\":\"" + kind + "\",\"subjectType\":\""
                + subjectType + "\",\"subjectId\":\"" + subjectId + "\",\"repository\":\"github.com/acme/shop-"
                + random.nextInt(20) + "\",\"engine\":" + quoted(engine) + ",\"model\":" + quoted(model)
                + ",\"cpuSeconds\":" + cpu + ",\"wallSeconds\":" + wall + ",\"promptTokens\":" + prompt
                + ",\"completionTokens\":" + completion + ",\"region\":" + quoted(random.nextBoolean() ? "eu-west-1" : null)
                + "}";
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    // ------------------------------------------------------------------------------------- (a) plain consumer

    /** The plain consumer in a JVM of its own with carbon-meter's flags: started cold, like carbon-meter. */
    private Raw rawConsumerInFreshJvm(String mode) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(Arrays.asList(options.getOrDefault("java-opts", "-Xmx256m -XX:+UseSerialGC").split(" ")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CarbonBench.class.getName(), mode,
                "--bootstrap", bootstrap, "--jdbc", jdbc, "--n", String.valueOf(n)));
        Process plain = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(plain.getInputStream().readAllBytes()).trim();
        if (plain.waitFor() != 0) {
            throw new IllegalStateException("plain consumer failed: " + out);
        }
        String[] seconds = out.split(" ");
        return new Raw(Double.parseDouble(seconds[0]), Double.parseDouble(seconds[1]));
    }

    /**
     * A plain KafkaConsumer, default settings, a new group from the earliest offset: reads all N records. In mode
     * {@code plain-db}, each poll's records also go to PostgreSQL (offset and payload, one insert and one commit per
     * poll): the least a consumer that keeps what it read must do, carbon-meter's floor; {@code plain-copy} writes
     * them with PostgreSQL's COPY instead, its fastest way in.
     */
    private Raw rawConsumer(String mode) throws SQLException, java.io.IOException {
        boolean toDb = !mode.equals("plain");
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long launch = System.nanoTime();
        long first = 0;
        long last = 0;
        int read = 0;
        long bytes = 0;
        Connection db = toDb ? DriverManager.getConnection(jdbc, "postgres", "") : null;
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            if (db != null) {
                try (Statement statement = db.createStatement()) {
                    statement.execute("drop table if exists bench_plain_usage");
                    statement.execute("create table bench_plain_usage (record_offset bigint primary key, payload text)");
                }
                db.setAutoCommit(false);
            }
            consumer.subscribe(List.of(USAGE));
            while (read < n) {
                List<Long> offsets = new ArrayList<>();
                List<String> payloads = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (read == 0) {
                        first = System.nanoTime();
                    }
                    bytes += record.value().length();
                    offsets.add(record.offset());
                    payloads.add(record.value());
                    if (++read == n) {
                        break;
                    }
                }
                if (db != null && !offsets.isEmpty() && mode.equals("plain-copy")) {
                    StringBuilder csv = new StringBuilder();
                    for (int i = 0; i < offsets.size(); i++) {
                        csv.append(offsets.get(i)).append(",\"").append(payloads.get(i).replace("\"", "\"\""))
                                .append("\"\n");
                    }
                    new org.postgresql.copy.CopyManager(db.unwrap(org.postgresql.core.BaseConnection.class))
                            .copyIn("copy bench_plain_usage (record_offset, payload) from stdin with (format csv)",
                                    new java.io.StringReader(csv.toString()));
                    db.commit();
                } else if (db != null && !offsets.isEmpty()) {
                    try (var insert = db.prepareStatement("insert into bench_plain_usage (record_offset, payload) "
                            + "select * from unnest(?, ?) on conflict do nothing")) {
                        insert.setArray(1, db.createArrayOf("bigint", offsets.toArray()));
                        insert.setArray(2, db.createArrayOf("text", payloads.toArray()));
                        insert.executeUpdate();
                    }
                    db.commit();
                }
                if (read == n) {
                    last = System.nanoTime();
                }
                if (System.nanoTime() - launch > Duration.ofMinutes(5).toNanos()) {
                    throw new IllegalStateException("plain consumer read only " + read + " of " + n);
                }
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
        if (bytes == 0) {
            throw new IllegalStateException("empty records");
        }
        return new Raw(seconds(last - first), seconds(last - launch));
    }

    // ---------------------------------------------------------------------------------------- (b) carbon-meter

    /** carbon-meter started fresh on the same N records; done when N energy records and N EnergyAttached exist. */
    private Carbon carbonMeter(int round) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            try (Statement statement = db.createStatement()) {
                statement.execute("drop schema if exists carbon cascade");
            }
            long energyBefore = endOffset(ENERGY);
            File logFile = new File(options.getOrDefault("log-dir", "/tmp"), "carbon-meter-round" + round + ".log");
            List<String> command = new ArrayList<>();
            command.add("java");
            command.addAll(Arrays.asList(options.getOrDefault("java-opts", "-Xmx256m -XX:+UseSerialGC").split(" ")));
            String extra = options.getOrDefault("carbon-opts", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(Arrays.asList(extra.split(" ")));
            }
            command.add("-Dquarkus.http.port=" + options.getOrDefault("carbon-port", "18084"));
            command.add("-Dmp.messaging.incoming.usage.group.id=bench-carbon-" + UUID.randomUUID());
            command.add("-jar");
            command.add(options.getOrDefault("carbon-jar", "carbon-meter/target/quarkus-app/quarkus-run.jar"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile);
            builder.environment().put("GREENGATE_DB_URL", jdbc);
            builder.environment().put("GREENGATE_KAFKA", bootstrap);
            builder.environment().put("GREENGATE_ACCOUNTS_FILE", options.getOrDefault("accounts", "/dev/null"));

            long launch = System.nanoTime();
            Process carbon = builder.start();
            try {
                long inDb = 0;
                long onTopic = 0;
                long dbDone = 0;
                long topicDone = 0;
                while (dbDone == 0 || topicDone == 0) {
                    if (!carbon.isAlive()) {
                        throw new IllegalStateException("carbon-meter exited with " + carbon.exitValue() + ", see "
                                + logFile);
                    }
                    if (System.nanoTime() - launch > Duration.ofMinutes(15).toNanos()) {
                        throw new IllegalStateException("carbon-meter wrote " + inDb + " energy records and "
                                + onTopic + " EnergyAttached of " + n + " in 15 min, see " + logFile);
                    }
                    Thread.sleep(50);
                    if (dbDone == 0) {
                        inDb = count(db, "select count(*) from carbon.energy_record");
                        if (inDb >= n) {
                            dbDone = System.nanoTime();
                        }
                    }
                    if (topicDone == 0) {
                        onTopic = endOffset(ENERGY) - energyBefore;
                        if (onTopic >= n) {
                            topicDone = System.nanoTime();
                        }
                    }
                }
                // the records' own timestamps: first record handled → last, with no polling error
                double span = seconds(db, "select extract(epoch from max(recorded_at) - min(recorded_at)) "
                        + "from carbon.energy_record");
                long records = count(db, "select count(distinct usage_event_id) from carbon.energy_record");
                long processed = count(db, "select count(*) from carbon.processed_event "
                        + "where consumer = 'carbon-meter.usage'");
                if (records != n || processed != n) {
                    throw new IllegalStateException("expected " + n + " records and processed events, got "
                            + records + " and " + processed);
                }
                return new Carbon(span, seconds(dbDone - launch), seconds(topicDone - launch), records, processed,
                        onTopic);
            } finally {
                carbon.destroy();
                carbon.waitFor();
            }
        }
    }

    private long endOffset(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    private static long count(Connection db, String sql) {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            return 0; // the schema is not migrated yet
        }
    }

    private static double seconds(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getDouble(1);
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    private void report(List<Round> rounds) {
        StringBuilder out = new StringBuilder();
        out.append("| round | plain KafkaConsumer (records/s) | plain consumer + PostgreSQL (records/s) "
                + "| plain consumer + PostgreSQL COPY (records/s) "
                + "| carbon-meter (records/s) | carbon-meter / plain | carbon-meter / plain + PostgreSQL "
                + "| carbon-meter launch → N energy records (s) | launch → N EnergyAttached on topic (s) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rounds.size(); i++) {
            Round round = rounds.get(i);
            double plain = round.plain().rate(n);
            double plainDb = round.plainDb().rate(n);
            double carbon = round.carbon().rate(n);
            out.append(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.0f | %.0f | %.1f %% | %.1f %% | %.2f | %.2f |\n",
                    i + 1, plain, plainDb, round.plainCopy().rate(n), carbon, 100 * carbon / plain, 100 * carbon / plainDb,
                    round.carbon().launchToDbSeconds(), round.carbon().launchToTopicSeconds()));
        }
        double plain = median(rounds.stream().map(r -> r.plain().rate(n)).toList());
        double plainDb = median(rounds.stream().map(r -> r.plainDb().rate(n)).toList());
        double plainCopy = median(rounds.stream().map(r -> r.plainCopy().rate(n)).toList());
        double carbon = median(rounds.stream().map(r -> r.carbon().rate(n)).toList());
        out.append(String.format(Locale.ROOT, "| **median** | **%.0f** | **%.0f** | **%.0f** | **%.0f** | **%.1f %%** | **%.1f %%** "
                + "| | |\n", plain, plainDb, plainCopy, carbon, 100 * carbon / plain, 100 * carbon / plainDb));
        System.out.print(out);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int size = sorted.size();
        return size % 2 == 1 ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void log(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
