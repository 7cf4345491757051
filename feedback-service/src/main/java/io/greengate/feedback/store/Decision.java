package io.greengate.feedback.store;

import java.util.Locale;
import java.util.Optional;

/** The outcome of a review, as feedback counts it: MODIFIED and ACCEPTED both count as accepted. */
public enum Decision {
    ACCEPTED, MODIFIED, REJECTED;

    /** Reads the decision of a ReviewDecided event, leniently (ACCEPT, AUTO_ACCEPTED, modified, ...). */
    public static Optional<Decision> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "ACCEPTED", "ACCEPT", "AUTO_ACCEPTED" -> Optional.of(ACCEPTED);
            case "MODIFIED", "MODIFY" -> Optional.of(MODIFIED);
            case "REJECTED", "REJECT" -> Optional.of(REJECTED);
            default -> Optional.empty();
        };
    }

    public boolean accepted() {
        return this != REJECTED;
    }
}
