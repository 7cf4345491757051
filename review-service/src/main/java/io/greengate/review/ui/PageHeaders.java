package io.greengate.review.ui;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Headers of every HTML page: never cached (a reviewer's queue is personal and changes by the second), and a
 * Content-Security-Policy that allows this server's own scripts and styles only, so suggestion text that slipped
 * past escaping still could not run.
 */
public class PageHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @ServerResponseFilter
    public void onPage(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return;
        }
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "same-origin");
    }
}
