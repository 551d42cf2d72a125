package dev.earshot.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The login form (posted to Quarkus' form login at {@code /j_security_check}) and logging out. */
@Path("/")
public class LoginPage {

    /** Quarkus' form-login cookie (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "earshot-console";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean error);
    }

    private final LiveMentions live;
    private final io.quarkus.security.identity.SecurityIdentity user;

    public LoginPage(LiveMentions live, io.quarkus.security.identity.SecurityIdentity user) {
        this.live = live;
        this.user = user;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return Templates.login(error);
    }

    @POST
    @Path("logout")
    public Response logout() {
        if (!user.isAnonymous()) {
            live.closeFor(user.getPrincipal().getName());
        }
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build())
                .build();
    }
}
