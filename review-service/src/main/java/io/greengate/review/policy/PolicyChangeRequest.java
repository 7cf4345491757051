package io.greengate.review.policy;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An admin's change of a repository's policy. The threshold may not go below 0.5: under it the ranker expects a
 * rejection more than an acceptance. Omitted, it keeps the current one (the configured default at first).
 */
public record PolicyChangeRequest(@NotBlank @Size(max = 300) String repository,
                                  @NotNull Boolean enabled,
                                  @DecimalMin("0.5") @DecimalMax("1.0") Double minProbability,
                                  @Size(max = 2_000) String comment) {
}
