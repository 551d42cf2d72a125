package dev.earshot.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.earshot.events.MalformedEventException;
import dev.earshot.ingest.source.Brand;
import dev.earshot.ingest.source.CatalogStore;
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
import java.util.List;

/**
 * Lists, adds, changes and removes the brands watched, with their recipients and alert settings; a body follows
 * {@code catalog-brand.schema.json}. Changes go to the catalog topic (see {@link CatalogStore}), which every service reads.
 */
@Path("/api/brands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BrandResource {

    private final CatalogStore catalog;

    public BrandResource(CatalogStore catalog) {
        this.catalog = catalog;
    }

    @GET
    public List<Brand> list() {
        return catalog.current().brands();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return catalog.current().brand(id).map(b -> Response.ok(b).build())
                .orElseGet(() -> Responses.notFound("brand", id));
    }

    @POST
    public Response add(JsonNode body) {
        Brand brand;
        try {
            brand = Brand.of(CatalogBodies.brand(body, null));
        } catch (MalformedEventException e) {
            return Responses.invalid(e.problems());
        }
        if (catalog.current().brand(brand.id()).isPresent()) {
            return Responses.conflict("brand '" + brand.id() + "' exists; PUT /api/brands/" + brand.id() + " changes it");
        }
        List<String> problems = catalog.putBrand(brand);
        return problems.isEmpty() ? Response.created(URI.create("/api/brands/" + brand.id())).entity(brand).build()
                : Responses.invalid(problems);
    }

    @PUT
    @Path("{id}")
    public Response put(@PathParam("id") String id, JsonNode body) {
        Brand brand;
        try {
            brand = Brand.of(CatalogBodies.brand(body, id));
        } catch (MalformedEventException e) {
            return Responses.invalid(e.problems());
        }
        List<String> problems = catalog.putBrand(brand);
        return problems.isEmpty() ? Response.ok(brand).build() : Responses.invalid(problems);
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        if (catalog.current().brand(id).isEmpty()) {
            return Responses.notFound("brand", id);
        }
        List<String> problems = catalog.removeBrand(id);
        return problems.isEmpty() ? Response.noContent().build() : Responses.conflict(String.join("; ", problems));
    }

}
