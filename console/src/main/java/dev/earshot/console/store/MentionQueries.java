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
            + " m.complaint, m.aspects, m.language, m.rating_conflict, m.confidence";

    /**
     * The Mentions page's filters; null or blank = any.
     *
     * @param q full-text search (PostgreSQL's web-search syntax: words, "a phrase", -without, or)
     */
    public record Filter(String brand, String label, Boolean complaint, String aspect, String source, String q) {
    }

    private final DataSource store;

    public MentionQueries(DataSource store) {
        this.store = store;
    }

    public List<MentionRow> find(Filter f, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM mention m WHERE true");
        List<Object> args = new ArrayList<>();
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
        if (present(f.q())) {
            sql.append(" AND m.search @@ websearch_to_tsquery('english', ?)");
            args.add(f.q());
            sql.append(" ORDER BY ts_rank(m.search, websearch_to_tsquery('english', ?)) DESC, m.fetched_at DESC");
            args.add(f.q());
        } else {
            sql.append(" ORDER BY m.fetched_at DESC");
        }
        sql.append(", m.mention_id LIMIT ?");
        args.add(limit);
        return Jdbc.query(store, sql.toString(), args, MentionQueries::mention);
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

    static MentionRow mention(ResultSet rs) throws SQLException {
        Array aspects = rs.getArray(17);
        return new MentionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), (Double) rs.getObject(10),
                (Double) rs.getObject(11), IncidentQueries.instant(rs.getTimestamp(12)),
                IncidentQueries.instant(rs.getTimestamp(13)), rs.getDouble(14), rs.getString(15), rs.getBoolean(16),
                aspects == null ? List.of() : Arrays.asList((String[]) aspects.getArray()), rs.getString(18),
                rs.getBoolean(19), (Double) rs.getObject(20));
    }
}
