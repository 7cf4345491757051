package io.greengate.review.ui;

import io.greengate.review.api.DecisionRequest.Reason;

import java.util.Arrays;
import java.util.List;

/** A reject reason as the pages offer it: its key (1–6), its name in the API and a label. */
public record ReasonOption(int key, String name, String label, String hint) {

    public static final List<ReasonOption> ALL = Arrays.stream(Reason.values())
            .map(reason -> new ReasonOption(reason.ordinal() + 1, reason.name(), label(reason), hint(reason)))
            .toList();

    private static String label(Reason reason) {
        return switch (reason) {
            case DUPLICATE -> "Duplicate";
            case INCORRECT_LOGIC -> "Incorrect logic";
            case OUT_OF_SCOPE -> "Out of scope";
            case LOW_VALUE -> "Low value";
            case STYLE -> "Style";
            case OTHER -> "Other";
        };
    }

    private static String hint(Reason reason) {
        return switch (reason) {
            case DUPLICATE -> "an existing test already covers it";
            case INCORRECT_LOGIC -> "the test asserts the wrong thing";
            case OUT_OF_SCOPE -> "not about this change";
            case LOW_VALUE -> "correct but not worth keeping";
            case STYLE -> "does not follow the project's conventions";
            case OTHER -> "say why in the comment";
        };
    }
}
