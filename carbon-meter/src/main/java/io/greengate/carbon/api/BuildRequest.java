package io.greengate.carbon.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Locale;

/**
 * CI's report of one build: CPU seconds summed over all processes, wall seconds, the runner's vCPUs and
 * optionally its memory and cloud region. A missing region is allowed (the world average is used, and said).
 */
public record BuildRequest(
        @NotBlank @Size(max = 300) @Pattern(regexp = "[A-Za-z0-9._~:/@+-]+", message = "must be a repository name like github.com/acme/shop")
        String repository,
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{7,64}", message = "must be a commit hash (7 to 64 hex digits)")
        String commit,
        @Size(max = 200) String pipeline,
        @Size(max = 200) String job,
        @NotNull @DecimalMin("0") @DecimalMax(value = MAX_SECONDS, message = "must be at most 10,000,000 seconds")
        Double cpuSeconds,
        @NotNull @DecimalMin("0") @DecimalMax(value = MAX_SECONDS, message = "must be at most 10,000,000 seconds")
        Double wallSeconds,
        @NotNull @Min(1) @Max(1024) Integer vcpus,
        @DecimalMin("0") @DecimalMax("65536") Double memoryGb,
        @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a cloud region like eu-west-1")
        String region,
        @NotNull @Pattern(regexp = STATUSES, flags = Pattern.Flag.CASE_INSENSITIVE,
                message = "must be one of SUCCESS, FAILURE, CANCELLED, TIMED_OUT, SKIPPED")
        String status) {

    static final String MAX_SECONDS = "10000000";
    static final String STATUSES = "SUCCESS|FAILURE|CANCELLED|TIMED_OUT|SKIPPED";

    /** GitHub Actions' {@code job.status} is lower case; stored upper case. */
    public String normalizedStatus() {
        return status.toUpperCase(Locale.ROOT);
    }
}
