package io.greengate.suggestion.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** CI's request: the diff of a change at a commit, with optional file contents for context. */
public record CreateSuggestionsRequest(
        @NotBlank @Size(max = 300) @Pattern(regexp = "[A-Za-z0-9._~:/@+-]+", message = "must be a repository name like github.com/acme/shop")
        String repository,
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{7,64}", message = "must be a commit hash (7 to 64 hex digits)")
        String commit,
        @Size(max = 300) String branch,
        @Positive Integer pullRequest,
        @NotBlank @Size(max = MAX_DIFF_CHARS, message = "must be at most 5,000,000 characters") String diff,
        @Size(max = 500) List<@Valid @NotNull FileContent> files,
        @Min(1) @Max(50) Integer maxSuggestions,
        @Pattern(regexp = "embedded|llm", message = "must be one of embedded, llm") String engine,
        Boolean observe) {

    public static final int MAX_DIFF_CHARS = 5_000_000;
    public static final int DEFAULT_MAX_SUGGESTIONS = 10;

    public record FileContent(@NotBlank @Size(max = 1000) String path,
                              @NotNull @Size(max = 2_000_000) String content) {
    }

    public int maxSuggestionsOrDefault() {
        return maxSuggestions == null ? DEFAULT_MAX_SUGGESTIONS : maxSuggestions;
    }

    /** Whether CI will observe outcomes (run observed-outcome cases and send them back filled in); off by default. */
    public boolean observeOrDefault() {
        return Boolean.TRUE.equals(observe);
    }

    public String engineOrDefault() {
        return engine == null ? "embedded" : engine;
    }
}
