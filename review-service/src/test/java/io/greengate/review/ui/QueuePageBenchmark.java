package io.greengate.review.ui;

import io.greengate.infra.TestAccounts;
import io.greengate.review.store.Review;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not part of the test suite (its name matches no surefire pattern): {@code bench/ui/run.sh} runs it. Puts 1,000
 * pending reviews in one repository, then times the queue page on loopback (server: query, counts, facets, Qute
 * rendering; client: nothing but reading the body) and prints p50/p95/max per variant.
 */
@QuarkusTest
class QueuePageBenchmark {

    static final int REVIEWS = Integer.getInteger("greengate.bench.reviews", 1000);
    static final int WARMUP = Integer.getInteger("greengate.bench.warmup", 100);
    static final int ROUNDS = Integer.getInteger("greengate.bench.rounds", 300);

    @TestHTTPResource("/")
    URL base;

    @Test
    void queuePageWithAThousandPendingReviews() throws Exception {
        String repository = "github.com/bench/" + UUID.randomUUID().toString().substring(0, 8);
        seed(repository);
        String filter = "repository=" + java.net.URLEncoder.encode(repository, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        lines.add("| page | requests | p50 ms | p95 ms | max ms | bytes |");
        lines.add("|---|---|---|---|---|---|");
        lines.add(time("queue, first page (`/?" + "repository=…`)", "/?" + filter, false));
        lines.add(time("queue, page 20 (`&page=20`)", "/?" + filter + "&page=20", false));
        lines.add(time("queue results fragment (htmx filter change)", "/?" + filter + "&language=python", true));
        lines.add(time("queue, every repository (`/`)", "/", false));
        String report = String.join("\n", lines);
        System.out.println("\n" + report + "\n");
        String out = System.getProperty("greengate.bench.out");
        if (out != null) {
            Files.writeString(Path.of(out), report + "\n");
        }
    }

    private void seed(String repository) {
        Instant now = Instant.now();
        for (int batch = 0; batch < REVIEWS; batch += 250) {
            int from = batch;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = from; i < Math.min(from + 250, REVIEWS); i++) {
                    Review review = new Review();
                    review.id = UUID.randomUUID();
                    review.suggestionId = UUID.randomUUID();
                    review.repository = repository;
                    review.commit = String.format(Locale.ROOT, "%07x%05d", i % 40, i);
                    review.pullRequest = 100 + i % 40;
                    review.engine = i % 3 == 0 ? "llm" : "embedded";
                    review.modelVersion = i % 3 == 0 ? "qwen2.5-coder-1.5b" : "ranker-3";
                    review.language = i % 4 == 0 ? "java" : "python";
                    review.framework = i % 4 == 0 ? "junit5" : "pytest";
                    review.targetFile = "src/module_" + i + ".py";
                    review.targetSymbol = "Thing" + i + ".method";
                    review.testPath = "tests/test_module_" + i + ".py";
                    review.code = "def test_thing_" + i + "():\n    assert Thing" + i + "().method() == " + i + "\n";
                    review.rationale = "Thing" + i + ".method changed in this commit.";
                    review.confidence = (i * 7919 % 1000) / 1000.0;
                    review.riskFlags = i % 5 == 0 ? "touches-network" : "";
                    review.verificationStatus = "CREATED";
                    review.status = Review.Status.PENDING.name();
                    review.createdAt = now.plusMillis(i);
                    review.persist();
                }
            });
        }
    }

    private String time(String label, String path, boolean fragment) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .header("Accept", "text/html")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestAccounts.REVIEWER + ":" + TestAccounts.REVIEWER_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (fragment) {
            builder.header("HX-Request", "true").header("HX-Target", "results");
        }
        HttpRequest request = builder.GET().build();
        long bytes = 0;
        for (int i = 0; i < WARMUP; i++) {
            bytes = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - start) / 1e6);
            assertEquals(200, response.statusCode());
        }
        Collections.sort(millis);
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d |", label, ROUNDS,
                percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1), bytes);
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get((int) Math.ceil(p / 100.0 * sorted.size()) - 1);
    }
}
