package io.greengate.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.greengate.platform.security.SecurityConfig;

import java.net.URI;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The one place where every error of every service becomes application/problem+json. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Optional<String> loginPage;

    public ProblemMappers(SecurityConfig security) {
        this.loginPage = security.loginPage();
    }
    static final String CHALLENGE = "Bearer realm=\"greengate\", Basic realm=\"greengate\"";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.merge(fieldName(violation), violation.getMessage(), (a, b) -> a + "; " + b);
        }
        String detail = errors.entrySet().stream().map(en -> en.getKey() + " " + en.getValue())
                .collect(Collectors.joining(", "));
        return respond(new Problem(Problem.typeUri("validation"), "Invalid request", 400, detail, null, errors));
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class})
    public Response unreadable(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException tooLarge) {
                return respond(Problem.of(400, "too-large", "Request body too large",
                        "a value in the body exceeds the parser's limit: " + tooLarge.getOriginalMessage()));
            }
        }
        Map<String, String> errors = Map.of();
        String detail = "the body is not valid JSON";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = e instanceof InvalidFormatException format
                    ? invalidValue(format)
                    : "has the wrong type";
            errors = Map.of(field, message);
            detail = field + " " + message;
        }
        return respond(new Problem(Problem.typeUri("malformed-body"), "Malformed request body", 400, detail, null,
                errors));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers) {
        if (loginPage.isPresent() && wantsHtml(headers)) {
            // a person in a browser is sent to the login page instead of reading a 401 body
            return Response.seeOther(URI.create(loginPage.get())).build();
        }
        return Response.status(401)
                .header("WWW-Authenticate", CHALLENGE)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(401, "unauthenticated", "Unauthorized",
                        "send a valid API token (Authorization: Bearer ...) or reviewer credentials"))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "your role may not do this"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR && family != Response.Status.Family.SERVER_ERROR) {
            return e.getResponse();
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(Problem.of(status, slug(title), title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        LOG.error("unexpected error", e);
        return respond(Problem.of(500, "internal", "Internal error", "an unexpected error occurred; it was logged"));
    }

    private static boolean wantsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.request.diff" → "diff": the method and parameter are not part of the client's vocabulary
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String invalidValue(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target != null && target.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(target.getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", ")) + ", not '" + e.getValue() + "'";
        }
        return "cannot be '" + e.getValue() + "'";
    }

    private static String slug(String title) {
        return title == null ? "error" : title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
