package io.greengate.platform.events;

/** The Kafka topic names; docs/events/README.md gives each one's events, key, producer and consumers. */
public final class Topics {
    public static final String SUGGESTIONS = "greengate.suggestions.v1";
    public static final String REVIEWS = "greengate.reviews.v1";
    public static final String USAGE = "greengate.usage.v1";
    public static final String ENERGY = "greengate.energy.v1";
    public static final String MODELS = "greengate.models.v1";

    private Topics() {
    }
}
