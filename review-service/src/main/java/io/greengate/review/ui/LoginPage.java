package io.greengate.review.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The login form (Quarkus form authentication posts it to {@code j_security_check}, which sets the
 * {@code quarkus-credential} cookie) and the logout that clears that cookie.
 */
@Path("/")
public class LoginPage {

    @CheckedTemplate(basePath = "ui")
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean loggedOut);
    }

    private final String credentialCookie;

    public LoginPage(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
                     String credentialCookie) {
        this.credentialCookie = credentialCookie;
    }

    @GET
    @Path("/login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response login(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        return Response.ok(Templates.login(query.containsKey("error"), query.containsKey("logout")))
                .header("Cache-Control", "no-store").build();
    }

    /** A POST with the page's CSRF token, so another site cannot log a reviewer out. */
    @POST
    @Path("/logout")
    @PermitAll
    public Response logout() {
        NewCookie expired = new NewCookie.Builder(credentialCookie).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/login?logout")).cookie(expired).build();
    }
}
