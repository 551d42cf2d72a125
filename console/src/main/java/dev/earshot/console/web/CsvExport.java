package dev.earshot.console.web;

import dev.earshot.console.store.MentionRow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Mentions as CSV (RFC 4180). A cell that a spreadsheet would run as a formula ({@code = + - @}, tab, CR) gets a
 * leading apostrophe: mention text is written by strangers.
 */
final class CsvExport {

    static final String HEADER = "fetched_at,brand,source,label,score,confidence,complaint,rating_conflict,aspects,rating,language,author,title,text,url,mention_id";

    private CsvExport() {
    }

    static String write(List<MentionRow> rows) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (MentionRow m : rows) {
            out.append(String.join(",", cell(String.valueOf(m.fetchedAt())), cell(m.brandId()), cell(m.sourceId()),
                    cell(m.label()), cell(String.format("%.3f", m.score())),
                    cell(m.confidence() == null ? "" : String.format("%.3f", m.confidence())),
                    cell(Boolean.toString(m.complaint())), cell(Boolean.toString(m.ratingConflict())),
                    cell(String.join(" ", m.aspects())), cell(m.rating()), cell(m.language()), cell(m.author()), cell(m.title()),
                    cell(m.text()), cell(m.url()), cell(m.mentionId()))).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
