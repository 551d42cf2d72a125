package dev.earshot.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The search finds the same mentions as the text itself says (a fresh to_tsvector, no stored column, no index), in
 * the same order as ranking every match did, and its queries and the Brand page's band use their indexes.
 */
class IndexedSearchTest {

    static final int ROWS = 60_000;
    static EmbeddedPostgres pg;
    static PGSimpleDataSource ds;
    static MentionQueries queries;

    @BeforeAll
    static void fill() throws Exception {
        pg = EmbeddedPostgres.startThrowaway("earshot_console");
        ds = new PGSimpleDataSource();
        ds.setURL(pg.jdbcUrl());
        ds.setUser(pg.user());
        ds.setPassword(pg.password());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // Common words ("coffee" in half the rows), rare ones ("refund" in 1 of 997), a unique one per row (w<i>).
            st.execute("INSERT INTO mention (mention_id, brand_id, brand_name, content_hash, source_id, source_kind,"
                    + " title, text, author, fetched_at, score, label, complaint, aspects, scored_at)"
                    + " SELECT md5(i::text), 'brand-' || (i % 20), 'Brand', 'h', 'src-' || (i % 40), 'feed',"
                    + " CASE WHEN i % 7 = 0 THEN 'Rude staff' END,"
                    + " (ARRAY['cold coffee and a long wait', 'lovely latte', 'the coffee was fine', 'billing charged twice'])"
                    + "[1 + i % 4] || CASE WHEN i % 997 = 0 THEN ' I want a refund' ELSE '' END || ' w' || i,"
                    + " CASE WHEN i % 11 = 0 THEN 'Barista Bob' END,"
                    + " now() - i * interval '37 seconds', -0.5, 'negative', i % 2 = 0, ARRAY['quality'], now()"
                    + " FROM generate_series(1, " + ROWS + ") i");
            st.execute("VACUUM ANALYZE mention");
        }
        queries = new MentionQueries(ds);
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void aSearchFindsExactlyTheMentionsWhoseTextMatchesInTheOrderOfRankingEveryMatch() throws Exception {
        for (String q : List.of("refund", "\"rude staff\" refund", "bob -latte refund", "refund or w12345", "w599")) {
            List<String> found = ids(queries.find(filter(null, q), 100));
            assertEquals(fresh(q, null).stream().sorted().toList(), found.stream().sorted().toList(), q);
            assertEquals(everyMatchRanked(q, null, 100), found, q);
            assertTrue(!found.isEmpty(), q);
        }
        List<String> brand = ids(queries.find(filter("brand-2", "refund"), 100));
        assertEquals(3, brand.size());
        assertEquals(everyMatchRanked("refund", "brand-2", 100), brand, "with a filter too");
    }

    @Test
    void aCommonWordRanksTheNewestThousandMatchesEachOfThemAMatch() throws Exception {
        List<String> found = ids(queries.find(filter(null, "coffee"), 100));
        assertEquals(100, found.size());
        List<String> newest = newestMatches("coffee", MentionQueries.RANKED);
        assertTrue(newest.containsAll(found), "among the newest 1,000 matches");
        List<String> fresh = fresh("coffee", null);
        assertTrue(fresh.containsAll(found));
    }

    @Test
    void theQueriesUseTheirIndexes() throws Exception {
        String recent = plan(MentionQueries.recentSearchSql(""), "coffee", "coffee", 100);
        assertTrue(recent.contains("Index Scan using mention_time"), recent);
        String every = plan(MentionQueries.everyMatchSql(""), "refund", "refund", 100);
        assertTrue(every.contains("Bitmap Index Scan on mention_search"), every);
        String band = plan(BrandQueries.BAND_SQL, "hour", "brand-3", "hour", "47 hours", "hour", "47 hours");
        assertTrue(band.contains("Index Only Scan using mention_brand_time"), band);
    }

    private static MentionQueries.Filter filter(String brand, String q) {
        return new MentionQueries.Filter(brand, null, null, null, null, q);
    }

    private static List<String> ids(List<MentionRow> rows) {
        return rows.stream().map(MentionRow::mentionId).toList();
    }

    /** The matches by the text itself, computed now: no stored column, no index. */
    private static List<String> fresh(String q, String brand) throws Exception {
        return strings("SELECT mention_id FROM mention WHERE to_tsvector('english', coalesce(title, '') || ' ' || text"
                + " || ' ' || coalesce(author, '')) @@ websearch_to_tsquery('english', ?)"
                + (brand == null ? "" : " AND brand_id = '" + brand + "'") + " ORDER BY mention_id", q);
    }

    /** The search before the bound: every match ranked. */
    private static List<String> everyMatchRanked(String q, String brand, int limit) throws Exception {
        return strings("SELECT mention_id FROM mention m WHERE m.search @@ websearch_to_tsquery('english', ?)"
                + (brand == null ? "" : " AND brand_id = '" + brand + "'")
                + " ORDER BY ts_rank(m.search, websearch_to_tsquery('english', ?)) DESC, m.fetched_at DESC, m.mention_id"
                + " LIMIT " + limit, q, q);
    }

    private static List<String> newestMatches(String q, int n) throws Exception {
        return strings("SELECT mention_id FROM mention WHERE search @@ websearch_to_tsquery('english', ?)"
                + " ORDER BY fetched_at DESC LIMIT " + n, q);
    }

    private static String plan(String sql, Object... args) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Connection c = ds.getConnection(); var st = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return String.join("\n", lines);
    }

    private static List<String> strings(String sql, Object... args) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); var st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
