package dev.earshot.console.web;

import dev.earshot.console.login.Roles;
import dev.earshot.console.store.BrandQueries;
import dev.earshot.events.EventJson;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Brand page: mentions per hour (last 48) or day (last 30) and the negative share against the brand's usual band,
 * incidents marked, hours without any mention drawn as "no data"; aspects this week against last, sources, complaint
 * phrases. The chart's figures travel in a data attribute (no inline script: the CSP stays strict).
 */
@Path("/brands")
@Blocking
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.ADMIN})
public class BrandPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance brands(Page page, List<BrandQueries.BrandRef> brands);

        static native TemplateInstance brand(Page page, String brandId, String name, String by,
                List<BrandQueries.Slot> series, BrandQueries.Band band, String chart, List<BrandQueries.IncidentMark> incidents,
                List<BrandQueries.AspectTrend> aspects, List<BrandQueries.Share> sources, List<BrandQueries.Phrase> phrases,
                long gaps);
    }

    private final BrandQueries brands;
    private final SecurityIdentity user;

    public BrandPage(BrandQueries brands, SecurityIdentity user) {
        this.brands = brands;
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.brands(Page.of(user, "Brands", null), brands.brands());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance brand(@PathParam("id") String id, @QueryParam("by") String by) {
        String name = brands.name(id).orElseThrow(NotFoundException::new);
        boolean daily = "day".equals(by);
        String unit = daily ? "day" : "hour";
        int slots = daily ? 30 : 48;
        List<BrandQueries.Slot> series = brands.series(id, unit, slots);
        BrandQueries.Band band = brands.band(id, unit, slots);
        Instant since = series.isEmpty() ? Instant.now() : series.get(0).at();
        long gaps = series.stream().filter(s -> s.count() == null).count();
        return Templates.brand(Page.of(user, name, null), id, name, unit, series, band, chart(series, band),
                brands.incidents(id, since), brands.aspects(id), brands.sources(id), brands.complaintPhrases(id, 10), gaps);
    }

    /** The chart's figures as JSON: numbers and times only (no text of a mention), null where there is no data. */
    static String chart(List<BrandQueries.Slot> series, BrandQueries.Band band) {
        List<String> at = new ArrayList<>();
        List<Long> count = new ArrayList<>();
        List<Double> share = new ArrayList<>();
        List<Integer> incidents = new ArrayList<>();
        for (BrandQueries.Slot s : series) {
            at.add(s.at().toString());
            count.add(s.count());
            share.add(s.negativeShare());
            incidents.add(s.incidents());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", at);
        out.put("count", count);
        out.put("negativeShare", share);
        out.put("incidents", incidents);
        if (band.known()) {
            out.put("band", Map.of("countLow", band.countLow(), "countHigh", band.countHigh(), "shareLow", band.shareLow(),
                    "shareHigh", band.shareHigh()));
        }
        return EventJson.writeString(out);
    }
}
