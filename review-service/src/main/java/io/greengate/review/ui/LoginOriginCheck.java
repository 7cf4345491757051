package io.greengate.review.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greengate.platform.problem.Problem;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * CSRF protection of the login form. The form mechanism takes {@code j_security_check} before any resource (and the
 * CSRF filter) sees it, so a hostile page could log a reviewer in as someone else (login CSRF). Browsers send
 * {@code Origin} (or at least {@code Referer}, and {@code Sec-Fetch-Site}) with every form post: a login posted from
 * another site is refused with 403 before it reaches the mechanism. Clients that send none of them are not browsers
 * and cannot be made to post by a hostile page.
 */
@ApplicationScoped
public class LoginOriginCheck {

    private final String postLocation;
    private final ObjectMapper mapper;

    public LoginOriginCheck(
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
            String postLocation,
            ObjectMapper mapper) {
        this.postLocation = postLocation;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.post(postLocation).order(RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (sameSite(context)) {
            context.next();
            return;
        }
        Problem problem = Problem.of(403, "cross-site-login", "Login from another site refused",
                "the login form was posted from another site; open the login page of this server and log in there");
        try {
            context.response().setStatusCode(403).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    static boolean sameSite(RoutingContext context) {
        String fetchSite = context.request().getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return false;
        }
        String ownHost = context.request().authority() == null ? null : context.request().authority().toString();
        String origin = context.request().getHeader("Origin");
        if (origin != null) {
            return !origin.equals("null") && hostOf(origin).equals(ownHost);
        }
        String referer = context.request().getHeader("Referer");
        return referer == null || hostOf(referer).equals(ownHost);
    }

    private static String hostOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
