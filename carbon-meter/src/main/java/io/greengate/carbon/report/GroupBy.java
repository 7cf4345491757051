package io.greengate.carbon.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a sustainability report's rows are. Accepted tests carry a repository, engine and model, so those rows
 * divide by their own accepted tests; service and kind rows divide by all accepted tests of the period, the
 * functional unit every service's work contributes to.
 */
public enum GroupBy {
    REPOSITORY("repository", "repository"),
    SERVICE("service", null),
    KIND("kind", null),
    ENGINE("engine", "engine"),
    MODEL("model", "modelVersion");

    /** The EnergyRecord property grouped on. */
    final String energyProperty;
    /** The ReviewOutcome property grouped on; null when decisions are not attributable to a row. */
    final String acceptedProperty;

    GroupBy(String energyProperty, String acceptedProperty) {
        this.energyProperty = energyProperty;
        this.acceptedProperty = acceptedProperty;
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupBy> parse(String text) {
        return Arrays.stream(values()).filter(g -> g.parameter().equalsIgnoreCase(text.trim())).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(GroupBy::parameter).collect(Collectors.joining(", "));
    }
}
