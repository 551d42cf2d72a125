package dev.earshot.console.web;

import dev.earshot.console.feedback.FeedbackResend;
import dev.earshot.console.feedback.FeedbackSender;
import dev.earshot.console.login.Roles;
import dev.earshot.console.store.FeedbackStore;
import dev.earshot.console.store.MentionQueries;
import dev.earshot.console.store.MentionRow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The Mentions page: filters and full-text search, all in the URL; the live stream of new mentions with the same
 * filter; the queue of mentions whose text contradicts their rating; "this is wrong"; the CSV exports.
 */
@Path("/mentions")
@Blocking
@RolesAllowed({Roles.VIEWER, Roles.RESPONDER, Roles.ADMIN})
public class MentionsPage {

    static final int PAGE_SIZE = 100;
    static final int EXPORT_MAX = 50_000;
    static final Set<String> LABELS = Set.of("negative", "neutral", "positive");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mentions(Page page, List<MentionRow> mentions, List<String> brands,
                List<String> languages, java.util.Map<String, String> f, String query, long conflicts, boolean queue);

        static native TemplateInstance feedback(Page page, List<FeedbackStore.FeedbackRow> corrections);
    }

    private final MentionQueries mentions;
    private final FeedbackStore feedback;
    private final FeedbackSender sender;
    private final FeedbackResend resend;
    private final LiveMentions live;
    private final SecurityIdentity user;

    public MentionsPage(MentionQueries mentions, FeedbackStore feedback, FeedbackSender sender, FeedbackResend resend,
            LiveMentions live, SecurityIdentity user) {
        this.resend = resend;
        this.mentions = mentions;
        this.feedback = feedback;
        this.sender = sender;
        this.live = live;
        this.user = user;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@BeanParam MentionFilterParams f, @jakarta.ws.rs.QueryParam("notice") String notice) {
        return Templates.mentions(Page.of(user, "Mentions", notice), mentions.find(f.filter(Instant.now()), PAGE_SIZE),
                mentions.brands(), mentions.languages(), f.values(), f.queryString(), mentions.conflictCount(),
                "yes".equals(f.conflict));
    }

    /** New mentions as they are stored, with the page's filter: server-sent events named "mention", each its HTML. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@BeanParam MentionFilterParams f, @Context SseEventSink sink, @Context Sse sse) {
        live.open(user.getPrincipal().getName(), f.filter(Instant.now()), sink, sse);
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    public Response csv(@BeanParam MentionFilterParams f) {
        List<MentionRow> rows = mentions.find(f.filter(Instant.now()), EXPORT_MAX);
        return Response.ok(CsvExport.write(rows), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"earshot-mentions.csv\"").build();
    }

    /** "This is wrong": keeps the correct label, then sends it to sentiment-service. */
    @POST
    @Path("/feedback")
    @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
    public Response correct(@FormParam("mention") String mentionId, @FormParam("brand") String brandId,
            @FormParam("label") String label) {
        var stored = mentionId == null || brandId == null ? java.util.Optional.<String[]>empty()
                : feedback.labelAndText(mentionId, brandId);
        if (label == null || !LABELS.contains(label) || stored.isEmpty()) {
            return back(Notice.BAD_FEEDBACK);
        }
        String by = user.getPrincipal().getName();
        String scored = stored.get()[0];
        long id = feedback.record(mentionId, brandId, label, scored, by);
        String error = sender.send(mentionId, FeedbackSender.scoredText(stored.get()[1], stored.get()[2]), label,
                scored, by);
        feedback.sent(id, error == null, error);
        return back(error == null ? Notice.FEEDBACK_SENT : Notice.FEEDBACK_KEPT);
    }

    @GET
    @Path("/feedback")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance corrections(@jakarta.ws.rs.QueryParam("notice") String notice) {
        return Templates.feedback(Page.of(user, "Corrections", notice), feedback.latest(500));
    }

    /** Sends again the corrections sentiment-service refused or did not answer. */
    @POST
    @Path("/feedback/resend")
    @RolesAllowed({Roles.RESPONDER, Roles.ADMIN})
    public Response resend() {
        FeedbackResend.Outcome o = resend.resend();
        Notice n = o.tried() == 0 ? Notice.NOTHING_UNSENT
                : o.stillUnsent() == 0 ? Notice.FEEDBACK_RESENT : Notice.FEEDBACK_STILL_UNSENT;
        return Response.seeOther(URI.create("/mentions/feedback?notice=" + n.code())).build();
    }

    @GET
    @Path("/feedback.csv")
    @Produces("text/csv")
    public Response correctionsCsv() {
        StringBuilder out = new StringBuilder("at,mention_id,brand,label,scored_label,by,sent,send_error\r\n");
        for (FeedbackStore.FeedbackRow r : feedback.latest(EXPORT_MAX)) {
            out.append(String.join(",", CsvExport.cell(String.valueOf(r.at())), CsvExport.cell(r.mentionId()),
                    CsvExport.cell(r.brandId()), CsvExport.cell(r.label()), CsvExport.cell(r.scoredLabel()),
                    CsvExport.cell(r.by()), CsvExport.cell(Boolean.toString(r.sent())),
                    CsvExport.cell(r.sendError()))).append("\r\n");
        }
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"earshot-corrections.csv\"").build();
    }

    private static Response back(Notice n) {
        return Response.seeOther(URI.create("/mentions?notice=" + n.code())).build();
    }
}
