package io.greengate.review.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reviewer's decision: REJECT needs a reason, MODIFY needs the modified code. */
public record DecisionRequest(@NotNull Decision decision, Reason reason, @Size(max = 10_000) String comment,
                              @Size(max = 2_000_000) String modifiedCode) {

    public enum Decision { ACCEPT, MODIFY, REJECT }

    public enum Reason { DUPLICATE, INCORRECT_LOGIC, OUT_OF_SCOPE, LOW_VALUE, STYLE, OTHER }
}
