package io.greengate.suggestion.ranking;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/** Downloads a model's artifact from feedback-service with the configured token; retried twice. */
@ApplicationScoped
public class ModelArtifacts {

    private final RankerConfig config;
    private final FeedbackModels models;

    public ModelArtifacts(RankerConfig config) {
        this.config = config;
        long timeout = config.downloadTimeout().toMillis();
        this.models = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.feedbackUrl()))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(FeedbackModels.class);
    }

    @Retry(maxRetries = 2, delay = 500, delayUnit = ChronoUnit.MILLIS)
    public byte[] download(String version) {
        String token = config.token().orElseThrow(() -> new IllegalStateException(
                "greengate.ranker.token is not set: the model " + version + " cannot be downloaded"));
        return models.artifact(version, "Bearer " + token);
    }
}
