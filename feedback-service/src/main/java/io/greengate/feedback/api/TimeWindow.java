package io.greengate.feedback.api;

import io.greengate.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code from} and {@code to} query parameters: an instant ({@code 2025-01-31T08:00:00Z}, any offset) or a
 * UTC date ({@code 2025-01-31}). {@code from} is inclusive, {@code to} exclusive, and a {@code to} date covers
 * that whole day. Anything else is a 400 naming the parameter.
 */
public record TimeWindow(Instant from, Instant to) {

    static final String FORMAT = "must be an ISO-8601 date (2025-01-31) or instant (2025-01-31T08:00:00Z)";

    public static TimeWindow parse(String from, String to) {
        Map<String, String> errors = new TreeMap<>();
        Instant start = parse("from", from, false, errors);
        Instant end = parse("to", to, true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join(", ", errors.keySet()) + " " + FORMAT, errors);
        }
        if (start != null && end != null && !start.isBefore(end)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return new TimeWindow(start, end);
    }

    private static Instant parse(String name, String value, boolean endOfDay, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(name, FORMAT);
            return null;
        }
    }
}
