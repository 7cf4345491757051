package io.greengate.review.queue;

import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a reviewer narrows the queue to. {@code change} is a commit (a prefix of its SHA) or a pull request
 * ({@code #42} or a number of fewer than seven digits); {@code risk} is {@code flagged}, {@code clean} or empty.
 * Every value is optional; blank means "any".
 */
public record QueueFilter(String repository, String change, String language, String engine, Risk risk) {

    public enum Risk { FLAGGED, CLEAN }

    public static final QueueFilter ANY = new QueueFilter(null, null, null, null, null);

    private static final int MAX_LENGTH = 300;
    private static final Pattern PULL_REQUEST = Pattern.compile("#?\\d{1,6}");

    public static QueueFilter from(MultivaluedMap<String, String> parameters) {
        return new QueueFilter(value(parameters, "repository"), value(parameters, "change"),
                value(parameters, "language"), value(parameters, "engine"), risk(value(parameters, "risk")));
    }

    /** The pull request number when {@link #change} names one, else null. */
    public Integer pullRequest() {
        return change != null && PULL_REQUEST.matcher(change).matches()
                ? Integer.valueOf(change.replace("#", "")) : null;
    }

    /** The commit prefix when {@link #change} names a commit, else null. */
    public String commitPrefix() {
        return change != null && pullRequest() == null ? change : null;
    }

    public boolean flagged() {
        return risk == Risk.FLAGGED;
    }

    public boolean clean() {
        return risk == Risk.CLEAN;
    }

    public boolean isEmpty() {
        return equals(ANY);
    }

    /** The filter as a URL query string (without '?'), values URL-encoded; empty when nothing is filtered. */
    public String query() {
        return parameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** {@link #query()} with a leading '?', or nothing. */
    public String queryString() {
        String query = query();
        return query.isEmpty() ? "" : "?" + query;
    }

    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "repository", repository);
        put(parameters, "change", change);
        put(parameters, "language", language);
        put(parameters, "engine", engine);
        put(parameters, "risk", risk == null ? null : risk.name().toLowerCase());
        return parameters;
    }

    private static void put(Map<String, String> parameters, String key, String value) {
        if (value != null) {
            parameters.put(key, value);
        }
    }

    private static String value(MultivaluedMap<String, String> parameters, String key) {
        String value = parameters.getFirst(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed;
    }

    private static Risk risk(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase()) {
            case "flagged" -> Risk.FLAGGED;
            case "clean" -> Risk.CLEAN;
            default -> null;
        };
    }
}
