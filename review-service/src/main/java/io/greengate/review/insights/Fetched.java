package io.greengate.review.insights;

import java.util.function.Function;

/** Figures read from another service, or why they are missing (not configured, unreachable, refused). */
public record Fetched<T>(T value, String missing) {

    public static <T> Fetched<T> of(T value) {
        return new Fetched<>(value, null);
    }

    public static <T> Fetched<T> missing(String why) {
        return new Fetched<>(null, why);
    }

    public boolean present() {
        return value != null;
    }

    public <R> Fetched<R> map(Function<T, R> mapping) {
        return value == null ? missing(missing) : of(mapping.apply(value));
    }
}
