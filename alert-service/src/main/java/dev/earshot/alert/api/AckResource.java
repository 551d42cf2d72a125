package dev.earshot.alert.api;

import dev.earshot.alert.incident.Incident;
import dev.earshot.alert.incident.IncidentCommand;
import dev.earshot.alert.notification.AckTokens;
import dev.earshot.alert.notification.ConsoleLinks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The acknowledge link in alert emails (open to anyone holding the email: {@code earshot.access.open-paths}).
 * GET only shows a confirmation page (mail scanners and link previews open links; that must change
 * nothing); the button on it POSTs, and only the POST acknowledges. A link is for the incident revision
 * its email was about and works once ({@link AckLinks}); once used, it lands on the incident's page in the console
 * when {@code earshot.alert.notifications.console-url} is set; the stream task checks the same again when it
 * applies the command, so two clicks at the same moment cannot both count.
 */
@Path("/ack/{token}")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "acknowledge links")
public class AckResource {

    private final AckTokens tokens;
    private final CommandPublisher commands;
    private final IncidentQueries queries;
    private final ConsoleLinks console;

    public AckResource(AckTokens tokens, CommandPublisher commands, IncidentQueries queries, ConsoleLinks console) {
        this.tokens = tokens;
        this.commands = commands;
        this.queries = queries;
        this.console = console;
    }

    @CheckedTemplate(basePath = "AckPages")
    static class Pages {
        static native TemplateInstance confirm(String incidentId, String brandId, String token);

        static native TemplateInstance done(String incidentId);

        static native TemplateInstance invalid();

        static native TemplateInstance refused(String title, String message);
    }

    @GET
    @Operation(summary = "Confirmation page for an acknowledge link; changes nothing")
    public Response confirm(@PathParam("token") String token) {
        Optional<AckTokens.Claim> claim = tokens.verify(token, Instant.now());
        if (claim.isEmpty()) {
            return invalid();
        }
        AckTokens.Claim c = claim.get();
        return refusal(c).orElseGet(() -> Response.ok(Pages.confirm(c.incidentId(), c.brandId(), token).render())
                .build());
    }

    @POST
    @Operation(summary = "Acknowledges the incident the signed link names, once, for the alert it was sent for")
    public Uni<Response> acknowledge(@PathParam("token") String token) {
        Optional<AckTokens.Claim> claim = tokens.verify(token, Instant.now());
        if (claim.isEmpty()) {
            return Uni.createFrom().item(invalid());
        }
        AckTokens.Claim c = claim.get();
        Optional<Response> refused = refusal(c);
        if (refused.isPresent()) {
            return Uni.createFrom().item(refused.get());
        }
        IncidentCommand cmd = new IncidentCommand(c.incidentId(), c.brandId(), IncidentCommand.Action.ACKNOWLEDGE,
                "email link", 0, Instant.now(), c.revision(), null);
        // With a console address set, the person lands on the incident's page there (after its login).
        return commands.publish(cmd).replaceWith(() -> console.acknowledged(c.incidentId())
                .map(to -> Response.seeOther(java.net.URI.create(to)).build())
                .orElseGet(() -> Response.ok(Pages.done(c.incidentId()).render()).build()));
    }

    /**
     * Why the link cannot acknowledge now, as the page to show; empty when it can. An incident this replica
     * does not hold (another replica's partition) is left to the stream task, which applies the same rule.
     */
    private Optional<Response> refusal(AckTokens.Claim c) {
        Optional<Incident> inc = queries.byId(c.incidentId());
        if (inc.isEmpty()) {
            return Optional.empty();
        }
        return switch (AckLinks.of(inc.get(), c.revision())) {
            case USABLE -> Optional.empty();
            case USED -> Optional.of(conflict("This link was already used",
                    "It acknowledged incident " + c.incidentId() + " already; nothing more to do."));
            case EARLIER_ALERT -> Optional.of(conflict("This link is for an earlier alert",
                    "Incident " + c.incidentId() + " was re-opened after this email was sent. Use the link in the"
                            + " newest alert email about it, so the new alert is acknowledged knowingly."));
            case ALREADY_HANDLED -> Optional.of(conflict("Already handled",
                    "Incident " + c.incidentId() + " is already " + inc.get().state.name().toLowerCase()
                            + (inc.get().acknowledgedBy == null ? "" : " (acknowledged by " + inc.get().acknowledgedBy + ")")
                            + "; nothing more to do."));
        };
    }

    private static Response conflict(String title, String message) {
        return Response.status(409).entity(Pages.refused(title, message).render()).type(MediaType.TEXT_HTML).build();
    }

    private static Response invalid() {
        return Response.status(403).entity(Pages.invalid().render()).type(MediaType.TEXT_HTML).build();
    }
}
