package io.greengate.suggestion.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * CI's report after running one suggested test in its sandbox. For an observed-outcome case, {@code observedCode} is
 * the case with the outcome CI observed written in place of the placeholder: the code it verified.
 */
public record VerificationRequest(
        @NotNull Boolean compiled,
        @NotNull Boolean passed,
        @NotNull @Min(1) @Max(1000) Integer runs,
        Boolean flaky,
        @DecimalMin("-100") @DecimalMax("100") Double coverageDelta,
        @Size(max = 1_000_000) String log,
        @Size(max = 2_000_000) String observedCode) {
}
