package dev.earshot.ingest.api;

import dev.earshot.ingest.preset.Presets;
import dev.earshot.ingest.source.Source;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Source presets: {@code GET /api/presets} lists them; {@code POST /api/presets/{name}} expands one with its parameter
 * into the plain source it makes and previews that source, so a person sees what it yields before adding it (the
 * source, as returned, is the body for {@code POST /api/sources}: stored expanded). Publishes and stores nothing.
 */
@Path("/api/presets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PresetResource {

    private final SourcePreview preview;

    public PresetResource(SourcePreview preview) {
        this.preview = preview;
    }

    /** One preset as listed: its name, what its parameter is, an example of one. */
    public record Listed(String name, String kind, String parameter, String example) {
    }

    /** The body of an expansion: the parameter, and optionally the source's id and dedicated brand. */
    public record Request(String parameter, String id, String brand) {
    }

    public record Expanded(Source source, SourcePreview.Result preview) {
    }

    @GET
    public List<Listed> list() {
        return Presets.all().stream().map(p -> new Listed(p.name(), p.kind(), p.parameter(), p.example())).toList();
    }

    @POST
    @Path("{name}")
    public Response expand(@PathParam("name") String name, Request body) {
        if (body == null) {
            return Responses.invalid(List.of("the body must be {\"parameter\": ...}"));
        }
        Source source;
        try {
            source = Source.of(Presets.expand(name, body.parameter(), body.id(), body.brand()));
        } catch (IllegalArgumentException e) {
            return Responses.invalid(List.of(e.getMessage()));
        }
        return Response.ok(new Expanded(source, preview.run(source))).build();
    }
}
