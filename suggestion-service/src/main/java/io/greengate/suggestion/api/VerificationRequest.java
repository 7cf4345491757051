package io.greengate.suggestion.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * CI's report after running one suggested test in its sandbox. For an observed-outcome case, {@code observedCode} is
 * the case with the outcome CI observed written in place of the placeholder: the code it verified.
 *
 * <p>Differential verification (all optional): CI ran the case on the change's head and on its base.
 * {@code verdict} is REVEALS_CHANGE (passes on head; fails, errors or does not compile on base), HOLDS (passes on
 * both) or FAILS_ON_HEAD (does not pass on head: exactly when {@code passed} is false); {@code base} is the run on
 * the base; {@code headOutcome} and {@code base.outcome} are the outcomes observed on each side (observed-outcome
 * cases only); {@code changedLinesCovered} are the changed lines of the target file the case executed on head, of
 * {@code changedLinesTotal} executable changed lines (null when not measured).
 */
public record VerificationRequest(
        @NotNull Boolean compiled,
        @NotNull Boolean passed,
        @NotNull @Min(1) @Max(1000) Integer runs,
        Boolean flaky,
        @DecimalMin("-100") @DecimalMax("100") Double coverageDelta,
        @Size(max = 1_000_000) String log,
        @Size(max = 2_000_000) String observedCode,
        @Pattern(regexp = "REVEALS_CHANGE|HOLDS|FAILS_ON_HEAD", message = "must be REVEALS_CHANGE, HOLDS or FAILS_ON_HEAD")
        String verdict,
        @Valid BaseRun base,
        @Size(max = MAX_OUTCOME_CHARS) String headOutcome,
        @Size(max = MAX_COVERED_LINES) List<@NotNull @Min(1) Integer> changedLinesCovered,
        @Min(0) @Max(MAX_CHANGED_LINES) Integer changedLinesTotal,
        @DecimalMin("0") @DecimalMax("86400") Double verifySeconds) {

    public static final int MAX_OUTCOME_CHARS = 10_000;
    public static final int MAX_COVERED_LINES = 10_000;
    public static final int MAX_CHANGED_LINES = 1_000_000;

    /** The same case run on the change's base. */
    public record BaseRun(@NotNull Boolean compiled, @NotNull Boolean passed,
                          @Size(max = MAX_OUTCOME_CHARS) String outcome) {
    }
}
