package dev.earshot.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.events.MalformedEventException;
import dev.earshot.ingest.fetch.NetworkGuard;
import dev.earshot.ingest.poll.PollScheduler;
import dev.earshot.ingest.poll.SourceStatus;
import dev.earshot.ingest.source.CatalogStore;
import dev.earshot.ingest.source.CatalogValidator;
import dev.earshot.ingest.source.Source;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists, adds, changes and removes sources (a body follows {@code catalog-source.schema.json});
 * previews a source definition; tells how a source is doing. A source added here may not point
 * into the operator's network (see {@link NetworkGuard}).
 */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final CatalogStore catalog;
    private final NetworkGuard guard;
    private final PollScheduler scheduler;
    private final SourcePreview preview;

    public SourceResource(CatalogStore catalog, NetworkGuard guard, PollScheduler scheduler, SourcePreview preview) {
        this.catalog = catalog;
        this.guard = guard;
        this.scheduler = scheduler;
        this.preview = preview;
    }

    @GET
    public List<Source> list() {
        return catalog.current().sources();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return catalog.current().source(id).map(s -> Response.ok(s).build())
                .orElseGet(() -> Responses.notFound("source", id));
    }

    @GET
    @Path("{id}/status")
    public Response status(@PathParam("id") String id) {
        Optional<SourceStatus> status = scheduler.status(id);
        return status.map(s -> Response.ok(s).build()).orElseGet(() -> Responses.notFound("source", id));
    }

    @POST
    public Response add(JsonNode body) {
        Source source;
        try {
            source = Source.of(CatalogBodies.source(body, null));
        } catch (MalformedEventException e) {
            return Responses.invalid(e.problems());
        }
        if (catalog.current().source(source.id()).isPresent()) {
            return Responses.conflict("source '" + source.id() + "' exists; PUT /api/sources/" + source.id() + " changes it");
        }
        return save(source, Response.Status.CREATED);
    }

    @PUT
    @Path("{id}")
    public Response put(@PathParam("id") String id, JsonNode body) {
        try {
            return save(Source.of(CatalogBodies.source(body, id)), Response.Status.OK);
        } catch (MalformedEventException e) {
            return Responses.invalid(e.problems());
        }
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        if (catalog.current().source(id).isEmpty()) {
            return Responses.notFound("source", id);
        }
        List<String> problems = catalog.removeSource(id);
        return problems.isEmpty() ? Response.noContent().build() : Responses.conflict(String.join("; ", problems));
    }

    /** Every item the source would yield now, with the brands each matches and any errors; publishes nothing. */
    @POST
    @Path("preview")
    public Response preview(JsonNode body) {
        Source named;
        try {
            boolean unnamed = body != null && body.isObject() && (body.get("id") == null || body.get("id").isNull());
            named = Source.of(CatalogBodies.source(body, unnamed ? "preview" : null));
        } catch (MalformedEventException e) {
            return Responses.invalid(e.problems());
        }
        List<String> problems = new ArrayList<>(CatalogValidator.problems(named));
        if (named.brand() != null && catalog.current().brand(named.brand()).isEmpty()) {
            problems.add("source '" + named.id() + "' is dedicated to unknown brand '" + named.brand() + "'");
        }
        if (problems.isEmpty()) {
            guard.refusal(URI.create(named.url().strip())).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            return Responses.invalid(problems);
        }
        return Response.ok(preview.run(named.withUrl(named.url().strip()))).build();
    }

    private Response save(Source source, Response.Status status) {
        Source s = source.url() == null ? source : source.withUrl(source.url().strip());
        List<String> problems = new ArrayList<>(CatalogValidator.problems(s));
        if (problems.isEmpty()) {
            guard.refusal(URI.create(s.url())).ifPresent(problems::add);
        }
        if (problems.isEmpty()) {
            problems.addAll(catalog.putSource(s));
        }
        if (!problems.isEmpty()) {
            return Responses.invalid(problems);
        }
        return Response.status(status).entity(s).location(URI.create("/api/sources/" + s.id())).build();
    }
}
