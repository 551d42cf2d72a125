package dev.earshot.console.web;

import dev.earshot.console.catalog.IngestSources;
import dev.earshot.console.catalog.PreviewResult;
import dev.earshot.console.catalog.SourceForm;
import dev.earshot.console.login.Roles;
import dev.earshot.console.store.SourceQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Adds or changes a source (admin): the form is previewed by ingest-service first (what the source yields now, with
 * the brands each item matches) and saved from the preview. ingest-service owns the catalog; the console only asks.
 */
@Path("/sources")
@Produces(MediaType.TEXT_HTML)
@Blocking
@RolesAllowed(Roles.ADMIN)
public class SourceEditPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edit(Page page, SourceForm form, List<String> kinds, List<String> problems,
                PreviewResult preview);
    }

    private final SourceQueries sources;
    private final IngestSources ingest;
    private final SecurityIdentity user;

    public SourceEditPage(SourceQueries sources, IngestSources ingest, SecurityIdentity user) {
        this.sources = sources;
        this.ingest = ingest;
        this.user = user;
    }

    @GET
    @Path("/new")
    public TemplateInstance add() {
        return page("Add a source", SourceForm.empty(), List.of(), null);
    }

    @GET
    @Path("/{id}/edit")
    public TemplateInstance edit(@PathParam("id") String id) throws IOException {
        String record = sources.record(id).orElseThrow(NotFoundException::new);
        return page("Change source " + id, SourceForm.of(record), List.of(), null);
    }

    @POST
    @Path("/preview")
    public TemplateInstance preview(@BeanParam SourceFormParams posted) {
        SourceForm form = posted.form();
        SourceForm.Body body = form.body();
        if (!body.problems().isEmpty()) {
            return page(title(form), form, body.problems(), null);
        }
        IngestSources.Answer a = ingest.preview(body.json());
        return page(title(form), form, a.problems(), a.ok() ? PreviewResult.of(a.body()) : null);
    }

    @POST
    @Path("/save")
    public Response save(@BeanParam SourceFormParams posted) {
        SourceForm form = posted.form();
        SourceForm.Body body = form.body();
        List<String> problems = body.problems();
        if (problems.isEmpty()) {
            IngestSources.Answer a = ingest.save(body.json(), form.existing());
            if (a.ok()) {
                return Response.seeOther(URI.create("/sources?notice=" + Notice.SOURCE_SAVED.code())).build();
            }
            problems = a.problems();
        }
        // 200, not 422: the boosted form (htmx) swaps in only a 2xx answer, and this page says what is wrong.
        return Response.ok(page(title(form), form, problems, null)).build();
    }

    private TemplateInstance page(String title, SourceForm form, List<String> problems, PreviewResult preview) {
        return Templates.edit(Page.of(user, title, null), form, SourceForm.KINDS, problems, preview);
    }

    private static String title(SourceForm form) {
        return form.existing() ? "Change source " + form.id() : "Add a source";
    }
}
