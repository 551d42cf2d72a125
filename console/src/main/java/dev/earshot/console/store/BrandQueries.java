package dev.earshot.console.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** A brand's trends, computed in the database: volume and negative share by hour or day, aspects, sources, phrases. */
@ApplicationScoped
public class BrandQueries {

    /** One hour or day; {@code count} and {@code negativeShare} are null when no mention was stored ("no data"). */
    public record Slot(Instant at, Long count, Double negativeShare, int incidents) {
        public String sharePercent() {
            return negativeShare == null ? "no data" : Math.round(negativeShare * 100) + "%";
        }

        public boolean noData() {
            return count == null;
        }
    }

    /** The brand's usual range of a slot's count and negative share: mean ± 2 standard deviations, the 28 days before. */
    public record Band(double countLow, double countHigh, double shareLow, double shareHigh, boolean known) {
        public String counts() {
            return String.format("%.1f to %.1f", countLow, countHigh);
        }

        public String shares() {
            return Math.round(shareLow * 100) + "% to " + Math.round(shareHigh * 100) + "%";
        }
    }

    /** An aspect's share of the brand's mentions this week and the week before. */
    public record AspectTrend(String aspect, long thisWeek, long lastWeek, double shareThisWeek, double shareLastWeek) {
        public double moved() {
            return shareThisWeek - shareLastWeek;
        }

        public String movedPoints() {
            return String.format("%+.0f", moved() * 100);
        }
    }

    public record Share(String name, long count, double share) {
        public String percent() {
            return Math.round(share * 100) + "%";
        }
    }

    public record Phrase(String phrase, long mentions) {
        /** The phrase as a quoted full-text search, URL-encoded. */
        public String searchQuery() {
            return java.net.URLEncoder.encode("\"" + phrase + "\"", java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public record IncidentMark(String incidentId, Instant raisedAt, String severity, String state) {
    }

    public record BrandRef(String brandId, String name, long mentionsThisWeek) {
    }

    private final DataSource store;

    public BrandQueries(DataSource store) {
        this.store = store;
    }

    public List<BrandRef> brands() {
        return Jdbc.query(store, "SELECT b.brand_id, max(b.name), count(m.mention_id) FROM ("
                + " SELECT brand_id, name FROM brand WHERE NOT removed UNION SELECT DISTINCT brand_id, brand_name FROM mention"
                + " ) b LEFT JOIN mention m ON m.brand_id = b.brand_id AND m.fetched_at >= now() - interval '7 days'"
                + " GROUP BY b.brand_id ORDER BY b.brand_id", List.of(),
                rs -> new BrandRef(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    public Optional<String> name(String brandId) {
        return Jdbc.query(store, "SELECT name FROM brand WHERE brand_id = ? UNION ALL"
                + " (SELECT brand_name FROM mention WHERE brand_id = ? LIMIT 1) LIMIT 1", List.of(brandId, brandId),
                rs -> rs.getString(1)).stream().findFirst();
    }

    /**
     * Every slot of the last {@code slots} hours or days, oldest first; a slot with no stored mention has null figures.
     *
     * @param unit {@code hour} or {@code day}
     */
    public List<Slot> series(String brandId, String unit, int slots) {
        String step = "1 " + unit;
        String span = (slots - 1) + " " + unit + "s";
        return Jdbc.query(store, "WITH s AS (SELECT generate_series(date_trunc(?, now()) - ?::interval, date_trunc(?, now()),"
                + " ?::interval) AS t),"
                + " a AS (SELECT date_trunc(?, fetched_at) AS t, count(*) AS n, avg((label = 'negative')::int) AS neg"
                + "  FROM mention WHERE brand_id = ? AND fetched_at >= date_trunc(?, now()) - ?::interval GROUP BY 1),"
                + " i AS (SELECT date_trunc(?, raised_at) AS t, count(*) AS n FROM incident WHERE brand_id = ?"
                + "  AND raised_at >= date_trunc(?, now()) - ?::interval GROUP BY 1)"
                + " SELECT s.t, a.n, a.neg, coalesce(i.n, 0) FROM s LEFT JOIN a ON a.t = s.t LEFT JOIN i ON i.t = s.t ORDER BY s.t",
                List.of(unit, span, unit, step, unit, brandId, unit, span, unit, brandId, unit, span),
                rs -> new Slot(IncidentQueries.instant(rs.getTimestamp(1)), (Long) rs.getObject(2),
                        rs.getObject(3) == null ? null : rs.getDouble(3), rs.getInt(4)));
    }

    /** Args: unit, brand, unit, span, unit, span. An index-only scan of mention_brand_time (V5). */
    static final String BAND_SQL = "SELECT count(*), avg(n), coalesce(stddev_samp(n), 0), avg(neg),"
            + " coalesce(stddev_samp(neg), 0) FROM (SELECT date_trunc(?, fetched_at), count(*) AS n,"
            + " avg((label = 'negative')::int) AS neg FROM mention WHERE brand_id = ? AND fetched_at < date_trunc(?, now())"
            + " - ?::interval AND fetched_at >= date_trunc(?, now()) - ?::interval - interval '28 days' GROUP BY 1) x";

    /** The usual band of a slot, from the 28 days before the shown window (slots with mentions only). */
    public Band band(String brandId, String unit, int slots) {
        String span = (slots - 1) + " " + unit + "s";
        return Jdbc.query(store, BAND_SQL, List.of(unit, brandId, unit, span, unit, span), rs -> {
                    if (rs.getLong(1) < 2) {
                        return new Band(0, 0, 0, 0, false);
                    }
                    double n = rs.getDouble(2), sn = rs.getDouble(3), s = rs.getDouble(4), ss = rs.getDouble(5);
                    return new Band(Math.max(0, n - 2 * sn), n + 2 * sn, Math.max(0, s - 2 * ss), Math.min(1, s + 2 * ss), true);
                }).get(0);
    }

    public List<IncidentMark> incidents(String brandId, Instant since) {
        return Jdbc.query(store, "SELECT incident_id, raised_at, severity, state FROM incident WHERE brand_id = ?"
                + " AND raised_at >= ? ORDER BY raised_at DESC LIMIT 50", List.of(brandId, Timestamp.from(since)),
                rs -> new IncidentMark(rs.getString(1), IncidentQueries.instant(rs.getTimestamp(2)), rs.getString(3),
                        rs.getString(4)));
    }

    /** Each aspect's share of the brand's mentions in the last 7 days and the 7 before, the most moved first. */
    public List<AspectTrend> aspects(String brandId) {
        List<AspectTrend> rows = Jdbc.query(store, "WITH m AS (SELECT aspects, fetched_at >= now() - interval '7 days' AS recent"
                + "  FROM mention WHERE brand_id = ? AND fetched_at >= now() - interval '14 days'),"
                + " tot AS (SELECT count(*) FILTER (WHERE recent) AS a, count(*) FILTER (WHERE NOT recent) AS b FROM m)"
                + " SELECT x.aspect, count(*) FILTER (WHERE recent), count(*) FILTER (WHERE NOT recent), max(tot.a), max(tot.b)"
                + " FROM m CROSS JOIN LATERAL unnest(m.aspects) AS x(aspect) CROSS JOIN tot GROUP BY x.aspect",
                List.of(brandId), rs -> {
                    long a = rs.getLong(2), b = rs.getLong(3), ta = rs.getLong(4), tb = rs.getLong(5);
                    return new AspectTrend(rs.getString(1), a, b, ta == 0 ? 0 : (double) a / ta, tb == 0 ? 0 : (double) b / tb);
                });
        return rows.stream().sorted(Comparator.comparingDouble((AspectTrend t) -> -Math.abs(t.moved()))
                .thenComparing(AspectTrend::aspect)).toList();
    }

    /** Where the brand's mentions of the last 7 days came from. */
    public List<Share> sources(String brandId) {
        return Jdbc.query(store, "SELECT source_id, count(*), count(*)::float8 / sum(count(*)) OVER () FROM mention"
                + " WHERE brand_id = ? AND fetched_at >= now() - interval '7 days' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20",
                List.of(brandId), rs -> new Share(rs.getString(1), rs.getLong(2), rs.getDouble(3)));
    }

    /**
     * The two-word phrases most complaints of the last 7 days share (no stop word in them, PostgreSQL's English
     * dictionary decides), by how many complaints use them.
     */
    public List<Phrase> complaintPhrases(String brandId, int limit) {
        return Jdbc.query(store, "WITH w AS (SELECT m.mention_id, t.word, t.n FROM mention m,"
                + "  regexp_split_to_table(lower(m.text), '[^[:alpha:]'']+') WITH ORDINALITY AS t(word, n)"
                + "  WHERE m.brand_id = ? AND m.complaint AND m.fetched_at >= now() - interval '7 days'),"
                + " b AS (SELECT mention_id, word, lead(word) OVER (PARTITION BY mention_id ORDER BY n) AS nxt FROM w)"
                + " SELECT word || ' ' || nxt, count(DISTINCT mention_id) FROM b WHERE nxt IS NOT NULL"
                + " AND length(word) > 2 AND length(nxt) > 2"
                + " AND cardinality(ts_lexize('english_stem', word)) > 0 AND cardinality(ts_lexize('english_stem', nxt)) > 0"
                + " GROUP BY 1 HAVING count(DISTINCT mention_id) > 1 ORDER BY 2 DESC, 1 LIMIT ?",
                List.of(brandId, limit), rs -> new Phrase(rs.getString(1), rs.getLong(2)));
    }
}
