package io.greengate.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** An RFC 9457 problem detail, the body of every 4xx/5xx answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      Map<String, String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(typeUri(slug), title, status, detail, null, Map.of());
    }

    public static String typeUri(String slug) {
        return "urn:greengate:problem:" + slug;
    }
}
