package io.greengate.review.ui;

import io.greengate.review.api.DecisionRequest;
import io.greengate.review.api.DecisionRequest.Decision;
import io.greengate.review.api.DecisionRequest.Reason;
import jakarta.validation.Validator;

import java.util.Locale;

/** A decision as an HTML form posts it: names as strings, blanks for "not given", CRLF line ends in textareas. */
record DecisionForm(Decision decision, Reason reason, String comment, String modifiedCode) {

    static DecisionForm of(String decision, String reason, String comment, String modifiedCode) {
        return new DecisionForm(parse(Decision.class, decision), parse(Reason.class, reason), blankToNull(comment),
                decision != null && decision.equalsIgnoreCase("MODIFY") ? lineEnds(modifiedCode) : null);
    }

    DecisionRequest request() {
        return new DecisionRequest(decision, reason, comment, modifiedCode);
    }

    /** The notice code of what is wrong with the form, or null when {@link io.greengate.review.Decisions} may take it. */
    String problem(Validator validator) {
        if (decision == null) {
            return "unknown-decision";
        }
        if (decision == Decision.REJECT && reason == null) {
            return "reason-missing";
        }
        if (decision == Decision.MODIFY && (modifiedCode == null || modifiedCode.isBlank())) {
            return "code-missing";
        }
        return validator.validate(request()).isEmpty() ? null : "too-long";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Browsers submit a textarea with CRLF line ends; a test file in the patch keeps LF. */
    private static String lineEnds(String code) {
        return code == null ? null : code.replace("\r\n", "\n");
    }
}
