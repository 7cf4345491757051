package io.greengate.review.ui;

import io.greengate.platform.problem.ProblemMappers;
import io.greengate.platform.security.SecurityConfig;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * Two refinements of the platform's answer to a missing or failed login, for people in a browser; every other
 * client gets exactly the platform's answer (these mappers run ahead of it and delegate to it).
 * <ul>
 * <li>A wrong password posted to the login form goes back to the login page with its error message (the form
 * mechanism's error page) rather than to the plain login page.</li>
 * <li>A page opened without being logged in (say, a link to a review in a pull request comment) is remembered in
 * the form mechanism's location cookie, so the login lands on that page rather than on the queue.</li>
 * </ul>
 */
public class LoginRedirects {

    private final String postLocation;
    private final String errorPage;
    private final String locationCookie;
    private final ProblemMappers platform;

    public LoginRedirects(
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
            String postLocation,
            @ConfigProperty(name = "quarkus.http.auth.form.error-page", defaultValue = "/login?error")
            String errorPage,
            @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location")
            String locationCookie,
            SecurityConfig security) {
        this.postLocation = postLocation;
        this.errorPage = errorPage;
        this.locationCookie = locationCookie;
        this.platform = new ProblemMappers(security);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response failed(AuthenticationFailedException e, HttpServerRequest request, HttpHeaders headers) {
        if (request != null && request.path().endsWith(postLocation)) {
            return Response.status(Response.Status.FOUND).location(URI.create(errorPage)).build();
        }
        return platform.unauthenticated(e, headers);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthenticated(UnauthorizedException e, HttpServerRequest request, HttpHeaders headers) {
        Response answer = platform.unauthenticated(e, headers);
        boolean toLoginPage = answer.getStatus() == Response.Status.SEE_OTHER.getStatusCode();
        if (!toLoginPage || request == null || request.method() != HttpMethod.GET
                || headers.getHeaderString("HX-Request") != null) {
            return answer;
        }
        NewCookie comeBack = new NewCookie.Builder(locationCookie).value(request.absoluteURI()).path("/")
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(answer.getLocation()).cookie(comeBack).build();
    }
}
