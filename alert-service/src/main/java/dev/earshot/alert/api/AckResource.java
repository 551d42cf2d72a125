package dev.earshot.alert.api;

import dev.earshot.alert.incident.IncidentCommand;
import dev.earshot.alert.messaging.CommandPublisher;
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
 * The acknowledge link in alert emails. GET only shows a confirmation page (mail scanners and link
 * previews open links; that must change nothing); the button on it POSTs, and only the POST
 * acknowledges.
 */
@Path("/ack/{token}")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "acknowledge links")
public class AckResource {

    private final AckTokens tokens;
    private final CommandPublisher commands;

    public AckResource(AckTokens tokens, CommandPublisher commands) {
        this.tokens = tokens;
        this.commands = commands;
    }

    @CheckedTemplate(basePath = "AckPages")
    static class Pages {
        static native TemplateInstance confirm(String incidentId, String brandId, String token);

        static native TemplateInstance done(String incidentId);

        static native TemplateInstance invalid();
    }

    @GET
    @Operation(summary = "Confirmation page for an acknowledge link; changes nothing")
    public Response confirm(@PathParam("token") String token) {
        Optional<AckTokens.Claim> claim = tokens.verify(token, Instant.now());
        return claim.map(c -> Response.ok(Pages.confirm(c.incidentId(), c.brandId(), token).render()).build())
                .orElseGet(AckResource::invalid);
    }

    @POST
    @Operation(summary = "Acknowledges the incident the signed link names")
    public Uni<Response> acknowledge(@PathParam("token") String token) {
        Optional<AckTokens.Claim> claim = tokens.verify(token, Instant.now());
        if (claim.isEmpty()) {
            return Uni.createFrom().item(invalid());
        }
        AckTokens.Claim c = claim.get();
        IncidentCommand cmd = new IncidentCommand(c.incidentId(), c.brandId(), IncidentCommand.Action.ACKNOWLEDGE,
                "email link", 0, Instant.now());
        return commands.publish(cmd).replaceWith(Response.ok(Pages.done(c.incidentId()).render()).build());
    }

    private static Response invalid() {
        return Response.status(403).entity(Pages.invalid().render()).type(MediaType.TEXT_HTML).build();
    }
}
