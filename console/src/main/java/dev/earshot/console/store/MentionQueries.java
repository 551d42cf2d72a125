package dev.earshot.console.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/** Reads mentions for the Mentions page and its CSV export: filters and full-text search in the database. */
@ApplicationScoped
public class MentionQueries {

    static final String COLUMNS = "m.mention_id, m.brand_id, m.brand_name, m.source_id, m.source_kind, m.url, m.title,"
            + " m.text, m.author, m.rating_value, m.rating_best, m.published_at, m.fetched_at, m.score, m.label,"
            + " m.complaint, m.aspects, m.language, m.rating_conflict, m.confidence,"
            + " (SELECT coalesce(array_agg(e->>'term'), '{}') FROM jsonb_array_elements(m.explanation) e) AS terms";

    /**
     * The Mentions page's filters; null or blank = any.
     *
     * @param q full-text search (PostgreSQL's web-search syntax: words, "a phrase", -without, or)
     */
    public record Filter(String brand, String label, Boolean complaint, String aspect, String source, String q,
            Integer stars, String language, java.time.Instant since, Boolean conflict) {

        public Filter(String brand, String label, Boolean complaint, String aspect, String source, String q) {
            this(brand, label, complaint, aspect, source, q, null, null, null, null);
        }

        /** Whether a mention (as stored) passes the filter; the live stream's test, the same as {@link #find}'s SQL. */
        public boolean matches(MentionRow m) {
            return (!present(brand) || brand.equals(m.brandId())) && (!present(label) || label.equals(m.label()))
                    && (!present(source) || source.equals(m.sourceId()))
                    && (complaint == null || complaint == m.complaint())
                    && (!present(aspect) || m.aspects().contains(aspect))
                    && (!present(language) || language.equals(m.language()))
                    && (conflict == null || conflict == m.ratingConflict())
                    && (stars == null || stars.equals(m.stars()))
                    && (since == null || !m.fetchedAt().isBefore(since));
        }
    }

    /** Stars on a 1..5 scale from a rating value and its best, in SQL (the same rounding as MentionRow.stars). */
    static final String STARS_SQL = "round(m.rating_value / nullif(m.rating_best, 0) * 5)";

    private final DataSource store;

    public MentionQueries(DataSource store) {
        this.store = store;
    }

    /**
     * A search ranks at most the newest {@value #RANKED} matches among the newest {@value #RECENT} mentions passing
     * the other filters: finding those walks the time index and stops early, where ranking every match reads each
     * matching row (seconds on a million rows when a word is common). When the recent rows hold fewer matches, every
     * match is ranked, as before: the result is then exactly the unbounded search's.
     */
    static final int RANKED = 1_000;
    static final int RECENT = 20_000;

    public List<MentionRow> find(Filter f, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        if (!present(f.q())) {
            args.add(limit);
            return Jdbc.query(store, "SELECT " + COLUMNS + " FROM mention m WHERE true" + where
                    + " ORDER BY m.fetched_at DESC, m.mention_id LIMIT ?", args, MentionQueries::mention);
        }
        if (limit <= RANKED) {
            List<Object> recentArgs = new ArrayList<>(args);
            recentArgs.addAll(List.of(f.q(), f.q(), limit));
            List<Ranked> recent = Jdbc.query(store, recentSearchSql(where), recentArgs,
                    rs -> new Ranked(mention(rs), rs.getLong(22)));
            if (!recent.isEmpty() && recent.get(0).matches() >= RANKED) {
                return recent.stream().map(Ranked::mention).toList();
            }
        }
        args.addAll(List.of(f.q(), f.q(), limit));
        return Jdbc.query(store, everyMatchSql(where), args, MentionQueries::mention);
    }

    private record Ranked(MentionRow mention, long matches) {
    }

    /** Args: the filters', q, q, limit. Column 22 is how many matches were ranked (at most {@link #RANKED}). */
    static String recentSearchSql(String where) {
        return "SELECT " + COLUMNS + ", count(*) OVER () FROM (SELECT * FROM (SELECT * FROM mention m WHERE true" + where
                + " ORDER BY m.fetched_at DESC LIMIT " + RECENT + ") m"
                + " WHERE m.search @@ websearch_to_tsquery('english', ?) ORDER BY m.fetched_at DESC LIMIT " + RANKED
                + ") m ORDER BY ts_rank(m.search, websearch_to_tsquery('english', ?)) DESC, m.fetched_at DESC,"
                + " m.mention_id LIMIT ?";
    }

    /** Args: the filters', q, q, limit. Ranks every match (the GIN index finds them). */
    static String everyMatchSql(String where) {
        return "SELECT " + COLUMNS + " FROM mention m WHERE true" + where
                + " AND m.search @@ websearch_to_tsquery('english', ?)"
                + " ORDER BY ts_rank(m.search, websearch_to_tsquery('english', ?)) DESC, m.fetched_at DESC,"
                + " m.mention_id LIMIT ?";
    }

    /** The filters but the search, as " AND ..." conditions on {@code m}, their values added to {@code args}. */
    static String where(Filter f, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        eq(sql, args, "m.brand_id", f.brand());
        eq(sql, args, "m.label", f.label());
        eq(sql, args, "m.source_id", f.source());
        if (f.complaint() != null) {
            sql.append(" AND m.complaint = ?");
            args.add(f.complaint());
        }
        if (present(f.aspect())) {
            sql.append(" AND ? = ANY (m.aspects)");
            args.add(f.aspect());
        }
        eq(sql, args, "m.language", f.language());
        if (f.conflict() != null) {
            sql.append(" AND m.rating_conflict = ?");
            args.add(f.conflict());
        }
        if (f.stars() != null) {
            sql.append(" AND " + STARS_SQL + " = ?");
            args.add(f.stars().doubleValue());
        }
        if (f.since() != null) {
            sql.append(" AND m.fetched_at >= ?");
            args.add(java.sql.Timestamp.from(f.since()));
        }
        return sql.toString();
    }

    /** Mentions first stored after {@code after} (the live stream's look), oldest first, at most {@code limit}. */
    public List<Stored> storedAfter(java.time.Instant after, int limit) {
        return Jdbc.query(store, "SELECT " + COLUMNS + ", m.stored_at FROM mention m WHERE m.stored_at > ?"
                + " ORDER BY m.stored_at, m.mention_id LIMIT ?", List.of(java.sql.Timestamp.from(after), limit),
                rs -> new Stored(mention(rs), IncidentQueries.instant(rs.getTimestamp(22))));
    }

    /** A mention with when the console stored it first. */
    public record Stored(MentionRow mention, java.time.Instant storedAt) {
    }

    /** How many mentions' text contradicts their star rating (the queue's count). */
    public long conflictCount() {
        return Jdbc.query(store, "SELECT count(*) FROM mention WHERE rating_conflict", List.of(), rs -> rs.getLong(1))
                .get(0);
    }

    public List<String> languages() {
        return Jdbc.query(store, "SELECT DISTINCT language FROM mention WHERE language IS NOT NULL ORDER BY 1", List.of(),
                rs -> rs.getString(1));
    }

    public List<String> brands() {
        return Jdbc.query(store, "SELECT DISTINCT brand_id FROM mention ORDER BY brand_id", List.of(),
                rs -> rs.getString(1));
    }

    private static void eq(StringBuilder sql, List<Object> args, String column, String value) {
        if (present(value)) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    static MentionRow mention(ResultSet rs) throws SQLException {
        Array aspects = rs.getArray(17);
        return new MentionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), (Double) rs.getObject(10),
                (Double) rs.getObject(11), IncidentQueries.instant(rs.getTimestamp(12)),
                IncidentQueries.instant(rs.getTimestamp(13)), rs.getDouble(14), rs.getString(15), rs.getBoolean(16),
                aspects == null ? List.of() : Arrays.asList((String[]) aspects.getArray()), rs.getString(18),
                rs.getBoolean(19), (Double) rs.getObject(20), strings(rs.getArray(21)));
    }
}
