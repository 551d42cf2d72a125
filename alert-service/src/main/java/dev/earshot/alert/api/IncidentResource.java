package dev.earshot.alert.api;

import dev.earshot.alert.incident.CommandGate;
import dev.earshot.alert.incident.Incident;
import dev.earshot.alert.incident.IncidentCommand;
import dev.earshot.events.Alert;
import io.smallrye.mutiny.Uni;
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
 * Incidents over REST: list and filter, read one with its mentions, and acknowledge, resolve or
 * snooze. The access module guards the routes: reads need the read or the API token, changes the API token
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
            throw new WebApplicationException("minutes must be between 1 and 10080", 400);
        }
        return change(id, IncidentCommand.Action.SNOOZE, by, minutes);
    }

    private Uni<Response> change(String id, IncidentCommand.Action action, String by, int minutes) {
        if (!CommandGate.acceptableBy(by)) {
            throw new WebApplicationException(Response.status(400).entity(Map.of("error", "by must be at most "
                    + CommandGate.MAX_BY + " characters, without control characters")).build());
        }
        Incident inc = queries.byId(id).orElseThrow(() -> new NotFoundException("no incident " + id));
        IncidentCommand cmd = new IncidentCommand(id, inc.brand.id(), action, by, minutes, Instant.now());
        return commands.publish(cmd).replaceWith(Response.accepted(Map.of("incidentId", id, "action",
                action.name().toLowerCase(Locale.ROOT))).build());
    }
}
