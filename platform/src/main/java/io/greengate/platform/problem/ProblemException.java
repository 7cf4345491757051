package io.greengate.platform.problem;

import java.util.Map;

/** Thrown by domain code to answer with a specific problem; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final Map<String, String> errors;

    public ProblemException(int status, String slug, String title, String detail, Map<String, String> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", Map.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, Map.of());
    }

    public static ProblemException invalid(String detail, Map<String, String> errors) {
        return new ProblemException(400, "validation", "Invalid request", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(field + ": " + message, Map.of(field, message));
    }

    public Problem toProblem() {
        return new Problem(Problem.typeUri(slug), title, status, getMessage(), null, errors);
    }
}
