package dev.earshot.console.web;

import dev.earshot.console.login.Roles;
import dev.earshot.console.store.MentionQueries;
import dev.earshot.console.store.MentionRow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The Mentions page: filters and full-text search, all in the URL, and the CSV export of the same filter. */
@Path("/mentions")
@Blocking
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.ADMIN})
public class MentionsPage {

    static final int PAGE_SIZE = 100;
    static final int EXPORT_MAX = 50_000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mentions(Page page, List<MentionRow> mentions, List<String> brands,
                String brand, String label, String complaint, String aspect, String source, String q, String query);
    }

    private final MentionQueries mentions;
    private final SecurityIdentity user;

    public MentionsPage(MentionQueries mentions, SecurityIdentity user) {
        this.mentions = mentions;
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("brand") String brand, @QueryParam("label") String label,
            @QueryParam("complaint") String complaint, @QueryParam("aspect") String aspect,
            @QueryParam("source") String source, @QueryParam("q") String q) {
        var f = filter(brand, label, complaint, aspect, source, q);
        String query = CsvExport.queryString(brand, label, complaint, aspect, source, q);
        return Templates.mentions(Page.of(user, "Mentions", null), mentions.find(f, PAGE_SIZE), mentions.brands(),
                nz(brand), nz(label), nz(complaint), nz(aspect), nz(source), nz(q), query);
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("brand") String brand, @QueryParam("label") String label,
            @QueryParam("complaint") String complaint, @QueryParam("aspect") String aspect,
            @QueryParam("source") String source, @QueryParam("q") String q) {
        List<MentionRow> rows = mentions.find(filter(brand, label, complaint, aspect, source, q), EXPORT_MAX);
        return Response.ok(CsvExport.write(rows), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"earshot-mentions.csv\"").build();
    }

    private static MentionQueries.Filter filter(String brand, String label, String complaint, String aspect,
            String source, String q) {
        Boolean c = "yes".equals(complaint) ? Boolean.TRUE : "no".equals(complaint) ? Boolean.FALSE : null;
        return new MentionQueries.Filter(brand, label, c, aspect, source, q);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
