package dev.earshot.console.web;

import dev.earshot.console.login.Roles;
import dev.earshot.console.store.SourceQueries;
import dev.earshot.console.store.SourceRow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Sources and their health: a source that silently stopped is the first line, not a gap nobody sees. */
@Path("/sources")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.ADMIN})
public class SourcesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance sources(Page page, boolean admin, List<SourceRow> sources);
    }

    private final SourceQueries sources;
    private final SecurityIdentity user;

    public SourcesPage(SourceQueries sources, SecurityIdentity user) {
        this.sources = sources;
        this.user = user;
    }

    @GET
    public TemplateInstance page(@QueryParam("notice") String notice) {
        return Templates.sources(Page.of(user, "Sources", notice), user.hasRole(Roles.ADMIN), sources.all());
    }
}
