package dev.earshot.console.web;

import dev.earshot.console.action.IncidentActions;
import dev.earshot.console.login.Roles;
import dev.earshot.console.store.IncidentQueries;
import dev.earshot.console.store.IncidentRow;
import dev.earshot.console.store.MentionRow;
import dev.earshot.console.store.RevisionRow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Map;

/** The Incidents inbox and an incident's page; actions go to alert-service. */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class IncidentsPage {

    static final int INBOX_SIZE = 200;
    static final List<Integer> SNOOZE_MINUTES = List.of(60, 240, 1440);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(Page page, List<IncidentRow> incidents, Map<String, Integer> counts,
                List<String> brands, String state, String brand, String severity, String sort);

        static native TemplateInstance incident(Page page, IncidentRow incident, String why,
                Map<String, String> figures, List<MentionRow> mentions, List<RevisionRow> timeline,
                List<Integer> snoozeMinutes);
    }

    private final IncidentQueries incidents;
    private final IncidentActions actions;
    private final SecurityIdentity user;

    public IncidentsPage(IncidentQueries incidents, IncidentActions actions, SecurityIdentity user) {
        this.incidents = incidents;
        this.actions = actions;
        this.user = user;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.ADMIN})
    public TemplateInstance inbox(@QueryParam("state") String state, @QueryParam("brand") String brand,
            @QueryParam("severity") String severity, @QueryParam("sort") String sort,
            @QueryParam("notice") String notice) {
        var filter = new IncidentQueries.Filter(state, brand, severity, IncidentQueries.Sort.parse(sort));
        return Templates.inbox(Page.of(user, "Incidents", notice), incidents.inbox(filter, INBOX_SIZE),
                incidents.countsByState(filter), incidents.brands(), blank(state), blank(brand), blank(severity),
                filter.sort().name());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.ADMIN})
    public TemplateInstance incident(@PathParam("id") String id, @QueryParam("notice") String notice) {
        IncidentRow inc = incidents.byId(id).orElseThrow(() -> new NotFoundException("no incident " + id));
        return Templates.incident(Page.of(user, inc.brandName() + ": incident", notice), inc,
                WhyItFired.sentence(inc.kind(), inc.figures(), inc.summary()), WhyItFired.figures(inc.figures()),
                incidents.mentions(id), incidents.timeline(id), SNOOZE_MINUTES);
    }

    /** A form's action; answers with a redirect to where the form was (the inbox or the incident) and a notice. */
    @POST
    @Path("/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
    public Response act(@PathParam("id") String id, @PathParam("action") String action,
            @FormParam("minutes") Integer minutes, @FormParam("back") String back) {
        IncidentActions.Action a = IncidentActions.Action.parse(action)
                .orElseThrow(() -> new NotFoundException("no action " + action));
        int snooze = minutes != null && SNOOZE_MINUTES.contains(minutes) ? minutes : SNOOZE_MINUTES.get(0);
        Notice n = Notice.of(actions.send(id, a, user.getPrincipal().getName(), snooze));
        UriBuilder to = "inbox".equals(back) ? UriBuilder.fromPath("/incidents")
                : UriBuilder.fromPath("/incidents/{id}");
        return Response.seeOther(to.queryParam("notice", n.code()).build(id)).build();
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
