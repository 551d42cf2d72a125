package dev.earshot.console.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;

/** Sources from the catalog with their health from {@code monitors}: troubled ones first. */
@ApplicationScoped
public class SourceQueries {

    private final DataSource store;

    public SourceQueries(DataSource store) {
        this.store = store;
    }

    public List<SourceRow> all() {
        return Jdbc.query(store, """
                SELECT coalesce(s.source_id, h.source_id), s.brand_id, s.kind, s.url, coalesce(s.removed, false),
                    h.status, h.consecutive_failures, h.last_error, h.last_success_at, h.at, h.source_url
                FROM source s FULL OUTER JOIN source_health h ON h.source_id = s.source_id
                ORDER BY CASE h.status WHEN 'failing' THEN 0 WHEN 'silent' THEN 1 ELSE 2 END,
                    coalesce(s.removed, false), 1
                """, List.of(), rs -> new SourceRow(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), rs.getString(6), (Integer) rs.getObject(7), rs.getString(8),
                IncidentQueries.instant(rs.getTimestamp(9)), IncidentQueries.instant(rs.getTimestamp(10)),
                rs.getString(11)));
    }

    /** The catalog record of a source that is not removed (its JSON as read from {@code catalog}), for its edit form. */
    public java.util.Optional<String> record(String sourceId) {
        return Jdbc.query(store, "SELECT record::text FROM source WHERE source_id = ? AND NOT removed AND record IS NOT NULL",
                List.of(sourceId), rs -> rs.getString(1)).stream().findFirst();
    }
}
