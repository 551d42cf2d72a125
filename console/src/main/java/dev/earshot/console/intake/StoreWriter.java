package dev.earshot.console.intake;

import dev.earshot.events.Alert;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.EventJson;
import dev.earshot.events.MonitorEvent;
import dev.earshot.events.ScoredMention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes checked events into the store, idempotently: each upsert changes a row only for a newer version (a later
 * {@code scoredAt}, a higher {@code revision}, a later {@code at}), so a record read twice, or an old one read after a
 * new one, changes nothing. Runs inside the caller's transaction.
 */
final class StoreWriter {

    private static final String MENTION = """
            INSERT INTO mention (mention_id, brand_id, brand_name, content_hash, source_id, source_kind, source_url,
                url, title, text, author, rating_value, rating_best, published_at, fetched_at, score, label, complaint,
                intent, aspects, language, rating_conflict, confidence, explanation, scored_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (mention_id, brand_id) DO UPDATE SET brand_name = excluded.brand_name,
                content_hash = excluded.content_hash, source_id = excluded.source_id,
                source_kind = excluded.source_kind, source_url = excluded.source_url, url = excluded.url,
                title = excluded.title, text = excluded.text, author = excluded.author,
                rating_value = excluded.rating_value, rating_best = excluded.rating_best,
                published_at = excluded.published_at, fetched_at = excluded.fetched_at, score = excluded.score,
                label = excluded.label, complaint = excluded.complaint, intent = excluded.intent,
                aspects = excluded.aspects, language = excluded.language,
                rating_conflict = excluded.rating_conflict, confidence = excluded.confidence,
                explanation = excluded.explanation, scored_at = excluded.scored_at
            WHERE excluded.scored_at > mention.scored_at
            """;

    private static final String INCIDENT = """
            INSERT INTO incident (incident_id, revision, brand_id, brand_name, kind, severity, state, rule, summary,
                figures, mention_count, reach_low, reach_high, top_aspects, acknowledged_by, acknowledged_at,
                snoozed_until, raised_at, updated_at, assignee)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (incident_id) DO UPDATE SET revision = excluded.revision, brand_name = excluded.brand_name,
                kind = excluded.kind, severity = excluded.severity, state = excluded.state, rule = excluded.rule,
                summary = excluded.summary, figures = excluded.figures, mention_count = excluded.mention_count,
                reach_low = excluded.reach_low, reach_high = excluded.reach_high, top_aspects = excluded.top_aspects,
                acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at,
                snoozed_until = excluded.snoozed_until, raised_at = excluded.raised_at,
                updated_at = excluded.updated_at, assignee = excluded.assignee
            WHERE excluded.revision > incident.revision
            """;

    private static final String REVISION = """
            INSERT INTO incident_revision (incident_id, revision, state, severity, summary, mention_count,
                acknowledged_by, snoozed_until, updated_at, assignee)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """;

    private static final String NOTE =
            "INSERT INTO incident_note (incident_id, at, author, text) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private static final String STAFF_ACTION = "INSERT INTO incident_action (incident_id, at, action, actor, detail)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private static final String INCIDENT_MENTION =
            "INSERT INTO incident_mention (incident_id, mention_id, brand_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

    private static final String SOURCE = """
            INSERT INTO source_health (source_id, source_url, status, consecutive_failures, last_error,
                last_success_at, at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (source_id) DO UPDATE SET source_url = excluded.source_url, status = excluded.status,
                consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error,
                last_success_at = excluded.last_success_at, at = excluded.at
            WHERE excluded.at > source_health.at
            """;

    private static final String BRAND = """
            INSERT INTO brand (brand_id, name, terms, record, removed, catalog_offset) VALUES (?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (brand_id) DO UPDATE SET name = coalesce(excluded.name, brand.name),
                terms = CASE WHEN excluded.removed THEN brand.terms ELSE excluded.terms END,
                record = coalesce(excluded.record, brand.record), removed = excluded.removed,
                catalog_offset = excluded.catalog_offset, changed_at = now()
            WHERE excluded.catalog_offset > brand.catalog_offset
            """;

    private static final String SOURCE_ENTRY = """
            INSERT INTO source (source_id, kind, url, brand_id, record, removed, catalog_offset)
            VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)
            ON CONFLICT (source_id) DO UPDATE SET kind = coalesce(excluded.kind, source.kind),
                url = coalesce(excluded.url, source.url), brand_id = coalesce(excluded.brand_id, source.brand_id),
                record = coalesce(excluded.record, source.record), removed = excluded.removed,
                catalog_offset = excluded.catalog_offset, changed_at = now()
            WHERE excluded.catalog_offset > source.catalog_offset
            """;

    private static final String BRAND_PREFIX = CatalogRecord.brandKey("");
    private static final String SOURCE_PREFIX = CatalogRecord.sourceKey("");

    private final Connection db;

    StoreWriter(Connection db) {
        this.db = db;
    }

    void mention(ScoredMention s) throws SQLException {
        var m = s.mention();
        try (PreparedStatement st = db.prepareStatement(MENTION)) {
            int i = 0;
            st.setString(++i, m.id());
            st.setString(++i, m.brand().id());
            st.setString(++i, m.brand().name());
            st.setString(++i, m.contentHash());
            st.setString(++i, m.source().id());
            st.setString(++i, m.source().kind());
            st.setString(++i, m.source().url());
            st.setString(++i, text(m.url()));
            st.setString(++i, text(m.title()));
            st.setString(++i, text(m.text()));
            st.setString(++i, text(m.author()));
            setDouble(st, ++i, m.rating() == null ? null : m.rating().value());
            setDouble(st, ++i, m.rating() == null ? null : m.rating().best());
            st.setTimestamp(++i, ts(m.publishedAt()));
            st.setTimestamp(++i, ts(m.fetchedAt()));
            st.setDouble(++i, s.score());
            st.setString(++i, lower(s.label()));
            st.setBoolean(++i, s.complaint());
            st.setString(++i, lower(s.intent()));
            st.setArray(++i, db.createArrayOf("text", (s.aspects() == null ? List.<String>of() : s.aspects()).toArray()));
            st.setString(++i, s.language());
            st.setBoolean(++i, s.ratingConflict());
            setDouble(st, ++i, s.confidence());
            st.setString(++i, json(s.explanation() == null ? List.of() : s.explanation()));
            st.setTimestamp(++i, ts(s.scoredAt()));
            st.executeUpdate();
        }
    }

    void alert(Alert a) throws SQLException {
        List<ScoredMention> mentions = a.mentions() == null ? List.of() : a.mentions();
        int count = a.reach() != null ? Math.max(a.reach().complaints(), mentions.size()) : mentions.size();
        try (PreparedStatement st = db.prepareStatement(INCIDENT)) {
            int i = 0;
            st.setString(++i, a.incidentId());
            st.setInt(++i, a.revision());
            st.setString(++i, a.brand().id());
            st.setString(++i, a.brand().name());
            st.setString(++i, lower(a.kind()));
            st.setString(++i, lower(a.severity()));
            st.setString(++i, lower(a.state()));
            st.setString(++i, a.why() == null ? "" : a.why().rule());
            st.setString(++i, a.why() == null ? "" : a.why().summary());
            st.setString(++i, json(a.why() == null || a.why().figures() == null ? java.util.Map.of() : a.why().figures()));
            st.setInt(++i, count);
            setInt(st, ++i, a.reach() == null ? null : a.reach().peopleToldLow());
            setInt(st, ++i, a.reach() == null ? null : a.reach().peopleToldHigh());
            st.setString(++i, json(a.topAspects() == null ? List.of() : a.topAspects()));
            st.setString(++i, a.acknowledgedBy());
            st.setTimestamp(++i, ts(a.acknowledgedAt()));
            st.setTimestamp(++i, ts(a.snoozedUntil()));
            st.setTimestamp(++i, ts(a.raisedAt()));
            st.setTimestamp(++i, ts(a.updatedAt()));
            st.setString(++i, text(a.assignee()));
            st.executeUpdate();
        }
        try (PreparedStatement st = db.prepareStatement(REVISION)) {
            int i = 0;
            st.setString(++i, a.incidentId());
            st.setInt(++i, a.revision());
            st.setString(++i, lower(a.state()));
            st.setString(++i, lower(a.severity()));
            st.setString(++i, a.why() == null ? "" : a.why().summary());
            st.setInt(++i, count);
            st.setString(++i, a.acknowledgedBy());
            st.setTimestamp(++i, ts(a.snoozedUntil()));
            st.setTimestamp(++i, ts(a.updatedAt()));
            st.setString(++i, text(a.assignee()));
            st.executeUpdate();
        }
        staff(a);
        for (ScoredMention s : mentions) {
            mention(s);
            try (PreparedStatement st = db.prepareStatement(INCIDENT_MENTION)) {
                st.setString(1, a.incidentId());
                st.setString(2, s.mention().id());
                st.setString(3, s.mention().brand().id());
                st.executeUpdate();
            }
        }
    }

    /** The alert's notes and staff actions; those already stored (from an earlier revision) are skipped. */
    private void staff(Alert a) throws SQLException {
        for (Alert.Note n : a.notes() == null ? List.<Alert.Note>of() : a.notes()) {
            if (n == null || n.at() == null || n.text() == null) {
                continue;
            }
            try (PreparedStatement st = db.prepareStatement(NOTE)) {
                st.setString(1, a.incidentId());
                st.setTimestamp(2, ts(n.at()));
                st.setString(3, text(n.by() == null ? "unknown" : n.by()));
                st.setString(4, text(n.text()));
                st.executeUpdate();
            }
        }
        for (Alert.StaffAction s : a.staffActions() == null ? List.<Alert.StaffAction>of() : a.staffActions()) {
            if (s == null || s.at() == null || s.action() == null) {
                continue;
            }
            try (PreparedStatement st = db.prepareStatement(STAFF_ACTION)) {
                st.setString(1, a.incidentId());
                st.setTimestamp(2, ts(s.at()));
                st.setString(3, text(s.action()));
                st.setString(4, text(s.by() == null ? "unknown" : s.by()));
                st.setString(5, text(s.detail()));
                st.executeUpdate();
            }
        }
    }

    void monitor(MonitorEvent e) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(SOURCE)) {
            st.setString(1, e.sourceId());
            st.setString(2, e.sourceUrl());
            st.setString(3, lower(e.status()));
            st.setInt(4, e.consecutiveFailures());
            st.setString(5, e.lastError());
            st.setTimestamp(6, ts(e.lastSuccessAt()));
            st.setTimestamp(7, ts(e.at()));
            st.executeUpdate();
        }
    }

    /** A catalog record at its offset; the operators' record is not the console's business and is skipped. */
    void catalog(CatalogRecord record, long offset) throws SQLException {
        if (record instanceof CatalogRecord.BrandSet b) {
            brand(b.brand().id(), b.brand().name(), b.brand().terms(), json(b.brand()), false, offset);
        } else if (record instanceof CatalogRecord.SourceSet src) {
            source(src.source().id(), src.source().kind(), src.source().url(), src.source().brand(), json(src.source()),
                    false, offset);
        } else if (record instanceof CatalogRecord.Removal r && r.key().startsWith(BRAND_PREFIX)) {
            brand(r.key().substring(BRAND_PREFIX.length()), null, List.of(), null, true, offset);
        } else if (record instanceof CatalogRecord.Removal r && r.key().startsWith(SOURCE_PREFIX)) {
            source(r.key().substring(SOURCE_PREFIX.length()), null, null, null, null, true, offset);
        }
    }

    private void brand(String id, String name, List<String> terms, String json, boolean removed, long offset)
            throws SQLException {
        try (PreparedStatement st = db.prepareStatement(BRAND)) {
            st.setString(1, id);
            st.setString(2, text(name));
            st.setArray(3, db.createArrayOf("text", terms.stream().map(StoreWriter::text).toArray()));
            st.setString(4, json);
            st.setBoolean(5, removed);
            st.setLong(6, offset);
            st.executeUpdate();
        }
    }

    private void source(String id, String kind, String url, String brand, String json, boolean removed, long offset)
            throws SQLException {
        try (PreparedStatement st = db.prepareStatement(SOURCE_ENTRY)) {
            st.setString(1, id);
            st.setString(2, kind);
            st.setString(3, text(url));
            st.setString(4, brand);
            st.setString(5, json);
            st.setBoolean(6, removed);
            st.setLong(7, offset);
            st.executeUpdate();
        }
    }

    // The contract's JSON names of the enumerations are their lower-case names.
    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // PostgreSQL's text cannot hold U+0000, which JSON can; a hostile review must not stop the intake.
    private static String text(String s) {
        return s == null ? null : s.replace('\u0000', '\uFFFD');
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static void setDouble(PreparedStatement st, int i, Number v) throws SQLException {
        if (v == null) {
            st.setNull(i, Types.DOUBLE);
        } else {
            st.setDouble(i, v.doubleValue());
        }
    }

    private static void setInt(PreparedStatement st, int i, Integer v) throws SQLException {
        if (v == null) {
            st.setNull(i, Types.INTEGER);
        } else {
            st.setInt(i, v);
        }
    }
}
