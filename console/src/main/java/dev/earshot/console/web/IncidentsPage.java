package dev.earshot.console.web;

import dev.earshot.console.action.IncidentActions;
import dev.earshot.console.login.Roles;
import dev.earshot.console.store.IncidentQueries;
import dev.earshot.console.store.IncidentRow;
import dev.earshot.console.store.MentionRow;
import dev.earshot.console.store.NoteRow;
import dev.earshot.console.store.TimelineRow;
import dev.earshot.console.ConsoleConfig;
import dev.earshot.events.Alert;
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
                Map<String, String> figures, List<MentionRow> mentions, List<TimelineRow> timeline,
                List<NoteRow> notes, List<String> assignable, ReplyDraft reply, int noteMax,
                List<Integer> snoozeMinutes);
    }

    private final IncidentQueries incidents;
    private final IncidentActions actions;
    private final SecurityIdentity user;
    private final List<String> assignable;

    public IncidentsPage(IncidentQueries incidents, IncidentActions actions, SecurityIdentity user,
            ConsoleConfig config) {
        this.incidents = incidents;
        this.actions = actions;
        this.user = user;
        // Whom an incident can be assigned to: the configured users who may act on it.
        this.assignable = config.users().entrySet().stream()
                .filter(e -> e.getValue().roles().contains(Roles.RESPONDER) || e.getValue().roles().contains(Roles.ADMIN))
                .map(Map.Entry::getKey).sorted().toList();
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
                incidents.mentions(id), incidents.timeline(id), incidents.notes(id), assignable, ReplyDraft.of(inc),
                Alert.Note.MAX_TEXT, SNOOZE_MINUTES);
    }

    /**
     * Assigns the incident to one of the users who may act ({@code to}), to the one asking ({@code to=me}, the inbox's
     * {@code e} key), or to nobody ({@code to} blank).
     */
    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
    public Response assign(@PathParam("id") String id, @FormParam("to") String to, @FormParam("back") String back) {
        String me = user.getPrincipal().getName();
        String whom = "me".equals(to) ? me : to == null ? "" : to.strip();
        if (!whom.isEmpty() && !assignable.contains(whom)) {
            return back(id, back, Notice.NOT_A_RESPONDER);
        }
        return back(id, back, Notice.of(actions.assign(id, whom, me)));
    }

    @POST
    @Path("/{id}/note")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
    public Response note(@PathParam("id") String id, @FormParam("text") String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > Alert.Note.MAX_TEXT) {
            return back(id, null, Notice.BAD_NOTE);
        }
        return back(id, null, Notice.of(actions.note(id, t, user.getPrincipal().getName())));
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
        return back(id, back, Notice.of(actions.send(id, a, user.getPrincipal().getName(), snooze)));
    }

    private static Response back(String id, String back, Notice n) {
        UriBuilder to = "inbox".equals(back) ? UriBuilder.fromPath("/incidents")
                : UriBuilder.fromPath("/incidents/{id}");
        return Response.seeOther(to.queryParam("notice", n.code()).build(id)).build();
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
