package io.greengate.suggestion.ranking;

import com.sun.net.httpserver.HttpServer;
import io.greengate.infra.TestAccounts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * feedback-service's artifact endpoint as suggestion-service calls it: serves the bytes a test put in
 * {@link #artifacts} to a caller with the CI token; 401 without it, 404 for an unknown version.
 */
public class FeedbackServiceStub implements QuarkusTestResourceLifecycleManager {

    public static final Map<String, byte[]> artifacts = new ConcurrentHashMap<>();
    private static final String PREFIX = "/api/v1/models/";
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext(PREFIX, exchange -> {
            String path = exchange.getRequestURI().getPath();
            String version = path.substring(PREFIX.length()).replaceFirst("/artifact$", "");
            byte[] artifact = artifacts.get(version);
            int status = !("Bearer " + TestAccounts.CI_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    ? 401 : artifact == null || !path.endsWith("/artifact") ? 404 : 200;
            if (status != 200) {
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, artifact.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(artifact);
            }
        });
        server.start();
        return Map.of("greengate.ranker.feedback-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "greengate.ranker.token", TestAccounts.CI_TOKEN);
    }

    @Override
    public void stop() {
        server.stop(0);
    }
}
