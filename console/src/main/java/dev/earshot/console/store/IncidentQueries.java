package dev.earshot.console.store;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.earshot.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads incidents from the store for the pages. */
@ApplicationScoped
public class IncidentQueries {

    /** The inbox's orders; the first is the default: open first, most severe, longest waiting. */
    public enum Sort {
        severity("CASE state WHEN 'open' THEN 0 WHEN 'acknowledged' THEN 1 ELSE 2 END,"
                + " CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, raised_at"),
        newest("raised_at DESC"),
        updated("updated_at DESC");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }

        public static Sort parse(String s) {
            for (Sort v : values()) {
                if (v.name().equals(s)) {
                    return v;
                }
            }
            return severity;
        }
    }

    /** The inbox's filters; null = any. */
    public record Filter(String state, String brand, String severity, Sort sort) {
    }

    private static final String COLUMNS = "incident_id, revision, brand_id, brand_name, kind, severity, state, rule,"
            + " summary, figures, mention_count, reach_low, reach_high, acknowledged_by, snoozed_until, raised_at,"
            + " updated_at, assignee, top_aspects";

    private final DataSource store;

    public IncidentQueries(DataSource store) {
        this.store = store;
    }

    public List<IncidentRow> inbox(Filter f, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM incident WHERE true");
        List<Object> args = new ArrayList<>();
        where(sql, args, "state", f.state());
        where(sql, args, "brand_id", f.brand());
        where(sql, args, "severity", f.severity());
        sql.append(" ORDER BY ").append(f.sort().orderBy).append(", incident_id LIMIT ?");
        args.add(limit);
        return query(sql.toString(), args, IncidentQueries::incident);
    }

    /** Incidents per state, under the same brand and severity filters as the list (the state filter aside). */
    public Map<String, Integer> countsByState(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT state, count(*) FROM incident WHERE true");
        List<Object> args = new ArrayList<>();
        where(sql, args, "brand_id", f.brand());
        where(sql, args, "severity", f.severity());
        sql.append(" GROUP BY state");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : List.of("open", "acknowledged", "resolved")) {
            counts.put(s, 0);
        }
        for (Object[] row : query(sql.toString(), args, rs -> new Object[] {rs.getString(1), rs.getInt(2)})) {
            counts.put((String) row[0], (Integer) row[1]);
        }
        return counts;
    }

    public List<String> brands() {
        return query("SELECT DISTINCT brand_id FROM incident ORDER BY brand_id", List.of(), rs -> rs.getString(1));
    }

    public Optional<IncidentRow> byId(String id) {
        return query("SELECT " + COLUMNS + " FROM incident WHERE incident_id = ?", List.of(id), IncidentQueries::incident)
                .stream().findFirst();
    }

    public List<RevisionRow> revisions(String id) {
        return query("SELECT revision, state, severity, summary, mention_count, acknowledged_by, snoozed_until,"
                + " updated_at, assignee FROM incident_revision WHERE incident_id = ? ORDER BY revision", List.of(id),
                rs -> new RevisionRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getString(9)));
    }

    public List<StaffActionRow> staffActions(String id) {
        return query("SELECT at, action, actor, detail FROM incident_action WHERE incident_id = ? ORDER BY at",
                List.of(id), rs -> new StaffActionRow(instant(rs.getTimestamp(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4)));
    }

    /** Every note the console read for the incident, newest first. */
    public List<NoteRow> notes(String id) {
        return query("SELECT at, author, text FROM incident_note WHERE incident_id = ? ORDER BY at DESC", List.of(id),
                rs -> new NoteRow(instant(rs.getTimestamp(1)), rs.getString(2), rs.getString(3)));
    }

    /** Revisions and staff actions in time order, oldest first (a staff action before the revision it made). */
    public List<TimelineRow> timeline(String id) {
        List<TimelineRow> all = new ArrayList<>();
        revisions(id).forEach(r -> all.add(new TimelineRow(r.updatedAt(), r, null)));
        staffActions(id).forEach(a -> all.add(new TimelineRow(a.at(), null, a)));
        all.sort(java.util.Comparator.comparing(TimelineRow::at).thenComparing(t -> t.revision() != null));
        return all;
    }

    public List<MentionRow> mentions(String id) {
        return query("SELECT " + MentionQueries.COLUMNS + " FROM mention m JOIN incident_mention i"
                + " ON i.mention_id = m.mention_id AND i.brand_id = m.brand_id WHERE i.incident_id = ?"
                + " ORDER BY m.score, m.fetched_at DESC", List.of(id), MentionQueries::mention);
    }

    private static void where(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, List<Object> args, RowReader<T> reader) {
        return Jdbc.query(store, sql, args, reader::read);
    }

    private static IncidentRow incident(ResultSet rs) throws SQLException {
        return new IncidentRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), figures(rs.getString(10)),
                rs.getInt(11), (Integer) rs.getObject(12), (Integer) rs.getObject(13), rs.getString(14),
                instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)), instant(rs.getTimestamp(17)),
                rs.getString(18), aspects(rs.getString(19)));
    }

    /** The aspect names of {@code top_aspects}, most frequent first. */
    private static List<String> aspects(String json) {
        try {
            List<Map<String, Object>> list = EventJson.mapper().readValue(json == null ? "[]" : json,
                    new TypeReference<List<Map<String, Object>>>() { });
            return list.stream().map(m -> m.get("aspect")).filter(a -> a instanceof String).map(a -> (String) a)
                    .toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }

    private static Map<String, Double> figures(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<LinkedHashMap<String, Double>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of();
        }
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
