package dev.earshot.alert.api;

import dev.earshot.alert.incident.CommandGate;
import dev.earshot.alert.incident.Incident;
import dev.earshot.alert.incident.IncidentCommand;
import dev.earshot.alert.incident.NoteText;
import dev.earshot.events.Alert;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Incidents over REST: list and filter, read one with its mentions, and acknowledge, resolve, snooze, assign,
 * unassign or write a note on it. The access module guards the routes: reads need the read or the API token, changes the API token
 * ({@code EARSHOT_API_TOKEN}). Changes are signed commands on Kafka; the incident changes (and its new
 * revision is on {@code alerts}) once the stream task has applied it.
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents")
public class IncidentResource {

    private final IncidentQueries queries;
    private final CommandPublisher commands;

    public IncidentResource(IncidentQueries queries, CommandPublisher commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GET
    @Operation(summary = "Incidents, newest change first, filtered by brand, state, severity and time of last change")
    public List<Alert> list(@QueryParam("brand") String brand, @QueryParam("state") String state,
            @QueryParam("severity") String severity, @QueryParam("since") Instant since,
            @QueryParam("until") Instant until, @QueryParam("limit") @DefaultValue("100") int limit) {
        return queries.all().stream()
                .filter(i -> brand == null || brand.equals(i.brand.id()))
                .filter(i -> state == null || i.state.name().equalsIgnoreCase(state))
                .filter(i -> severity == null || i.severity.name().equalsIgnoreCase(severity))
                .filter(i -> since == null || !i.updatedAt.isBefore(since))
                .filter(i -> until == null || i.updatedAt.isBefore(until))
                .sorted(Comparator.comparing((Incident i) -> i.updatedAt).reversed())
                .limit(Math.max(1, Math.min(limit, 1000)))
                .map(Incident::toAlert).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One incident, its current revision, with its worst mentions")
    public Alert get(@PathParam("id") String id) {
        return queries.byId(id).map(Incident::toAlert).orElseThrow(() -> new NotFoundException("no incident " + id));
    }

    /** The body of a note. */
    public record NoteRequest(String text) {
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Someone is on it: stops escalation")
    public Uni<Response> acknowledge(@PathParam("id") String id,
            @QueryParam("by") @DefaultValue("api") String by) {
        return change(id, IncidentCommand.Action.ACKNOWLEDGE, by, 0);
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Handled: closes the incident (a new surge re-opens it)")
    public Uni<Response> resolve(@PathParam("id") String id,
            @QueryParam("by") @DefaultValue("api") String by) {
        return change(id, IncidentCommand.Action.RESOLVE, by, 0);
    }

    @POST
    @Path("/{id}/snooze")
    @Operation(summary = "Holds back notifications about the incident for some minutes")
    public Uni<Response> snooze(@PathParam("id") String id,
            @QueryParam("minutes") @DefaultValue("60") int minutes, @QueryParam("by") @DefaultValue("api") String by) {
        if (minutes <= 0 || minutes > 7 * 24 * 60) {
            throw error(400, "minutes must be between 1 and 10080");
        }
        return change(id, IncidentCommand.Action.SNOOZE, by, minutes);
    }

    @POST
    @Path("/{id}/assign")
    @Operation(summary = "Gives the incident an owner: to is a user name (at most 100 characters); "
            + "the new revision on alerts carries it as assignee")
    public Uni<Response> assign(@PathParam("id") String id, @QueryParam("to") String to,
            @QueryParam("by") @DefaultValue("api") String by) {
        if (to == null || to.isBlank()) {
            throw error(400, "to (whom to assign the incident to) is missing; POST .../unassign takes the owner away");
        }
        if (!CommandGate.acceptableAssignee(to.strip())) {
            throw error(400, "to must be at most " + CommandGate.MAX_BY + " characters, without control characters");
        }
        checkBy(by);
        Incident inc = incident(id);
        return publish(IncidentCommand.assign(id, inc.brand.id(), to.strip(), by, Instant.now()));
    }

    @POST
    @Path("/{id}/unassign")
    @Operation(summary = "Takes the incident's owner away")
    public Uni<Response> unassign(@PathParam("id") String id, @QueryParam("by") @DefaultValue("api") String by) {
        return change(id, IncidentCommand.Action.UNASSIGN, by, 0);
    }

    @POST
    @Path("/{id}/note")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Writes a note on the incident: {\"text\": \"...\"}, at most 2000 characters; control "
            + "characters but line breaks are dropped. The new revision on alerts carries it in notes")
    public Uni<Response> note(@PathParam("id") String id, @QueryParam("by") @DefaultValue("api") String by,
            NoteRequest body) {
        String text = NoteText.clean(body == null ? null : body.text());
        if (text.isEmpty()) {
            throw error(400, "text is missing or empty: {\"text\": \"what you want to note\"}");
        }
        if (text.length() > Alert.Note.MAX_TEXT) {
            throw error(400, "text is " + text.length() + " characters; a note is at most " + Alert.Note.MAX_TEXT);
        }
        checkBy(by);
        Incident inc = incident(id);
        return publish(IncidentCommand.note(id, inc.brand.id(), text, by, Instant.now()));
    }

    private Uni<Response> change(String id, IncidentCommand.Action action, String by, int minutes) {
        checkBy(by);
        Incident inc = incident(id);
        return publish(new IncidentCommand(id, inc.brand.id(), action, by, minutes, Instant.now()));
    }

    private Uni<Response> publish(IncidentCommand cmd) {
        return commands.publish(cmd).replaceWith(Response.accepted(Map.of("incidentId", cmd.incidentId(), "action",
                cmd.action().name().toLowerCase(Locale.ROOT))).type(MediaType.APPLICATION_JSON).build());
    }

    private static void checkBy(String by) {
        if (!CommandGate.acceptableBy(by)) {
            throw error(400, "by must be at most " + CommandGate.MAX_BY + " characters, without control characters");
        }
    }

    private Incident incident(String id) {
        return queries.byId(id).orElseThrow(() -> error(404, "no incident " + id));
    }

    /** A refusal with its reason as JSON: {@code {"error": "..."}}. */
    private static WebApplicationException error(int status, String message) {
        return new WebApplicationException(Response.status(status).entity(Map.of("error", message))
                .type(MediaType.APPLICATION_JSON).build());
    }
}
