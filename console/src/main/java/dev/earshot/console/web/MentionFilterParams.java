package dev.earshot.console.web;

import dev.earshot.console.store.MentionQueries;
import jakarta.ws.rs.QueryParam;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Mentions page's filters as they are in the URL (the page, its live stream and its CSV export share them). */
public class MentionFilterParams {

    /** The time filter's choices: the last hour, day, week, 30 days. */
    static final Map<String, Duration> SINCE = Map.of("1h", Duration.ofHours(1), "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));

    @QueryParam("brand") public String brand;
    @QueryParam("label") public String label;
    @QueryParam("complaint") public String complaint;
    @QueryParam("aspect") public String aspect;
    @QueryParam("source") public String source;
    @QueryParam("q") public String q;
    @QueryParam("rating") public String rating;
    @QueryParam("language") public String language;
    @QueryParam("since") public String since;
    @QueryParam("conflict") public String conflict;

    MentionQueries.Filter filter(Instant now) {
        Integer stars = rating != null && rating.matches("[1-5]") ? Integer.valueOf(rating) : null;
        Duration d = since == null ? null : SINCE.get(since);
        return new MentionQueries.Filter(brand, label, yesNo(complaint), aspect, source, q, stars, language,
                d == null ? null : now.minus(d), yesNo(conflict));
    }

    private static Boolean yesNo(String s) {
        return "yes".equals(s) ? Boolean.TRUE : "no".equals(s) ? Boolean.FALSE : null;
    }

    /** Every filter by name, blank when unset (for the form). */
    public Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("brand", brand);
        v.put("label", label);
        v.put("complaint", complaint);
        v.put("aspect", aspect);
        v.put("source", source);
        v.put("q", q);
        v.put("rating", rating);
        v.put("language", language);
        v.put("since", since);
        v.put("conflict", conflict);
        v.replaceAll((k, x) -> x == null ? "" : x);
        return v;
    }

    /** The filter as a query string ("?a=b&..." or ""), each value encoded. */
    public String queryString() {
        StringBuilder out = new StringBuilder();
        values().forEach((k, x) -> {
            if (!x.isBlank()) {
                out.append(out.length() == 0 ? "?" : "&").append(k).append('=')
                        .append(URLEncoder.encode(x, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }
}
