package dev.earshot.console.bench;

import dev.earshot.console.store.BrandQueries;
import dev.earshot.console.store.IncidentQueries;
import dev.earshot.console.store.MentionQueries;
import dev.earshot.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Not a test: a runnable measuring the store time of the console's pages (the SQL each page runs, without HTTP and
 * rendering) on a PostgreSQL filled with N mentions and M incidents. Run (after test-compile):
 * <pre>
 * ./mvnw -o -q -pl console test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.earshot.console.bench.StoreBenchmark -Dexec.args="1000000 10000 200"
 * </pre>
 * args: mentions, incidents, runs per page (default 1,000,000, 10,000, 200).
 */
public final class StoreBenchmark {

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mentions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int incidents = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        try (EmbeddedPostgres pg = EmbeddedPostgres.startThrowaway("earshot_console")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(pg.jdbcUrl());
            ds.setUser(pg.user());
            ds.setPassword(pg.password());
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            long t0 = System.nanoTime();
            fill(ds, mentions, incidents);
            System.out.printf("filled %,d mentions and %,d incidents in %.1f s%n", mentions, incidents,
                    (System.nanoTime() - t0) / 1e9);
            // One open connection reused (the service's pool keeps them open): the figures are query time, not connects.
            javax.sql.DataSource pooled = oneConnection(ds.getConnection());
            MentionQueries m = new MentionQueries(pooled);
            IncidentQueries i = new IncidentQueries(pooled);
            BrandQueries b = new BrandQueries(pooled);
            Random r = new Random(42);
            measure("inbox", runs, () -> {
                var f = new IncidentQueries.Filter(null, null, null, IncidentQueries.Sort.parse(null));
                i.inbox(f, 200);
                i.countsByState(f);
            });
            measure("an incident", runs, () -> {
                String id = "inc-" + (1 + r.nextInt(incidents));
                i.byId(id);
                i.mentions(id);
                i.revisions(id);
                i.staffActions(id);
                i.notes(id);
            });
            measure("brand page", runs, () -> {
                String brand = "brand-" + r.nextInt(50);
                b.name(brand);
                b.series(brand, "hour", 48);
                b.band(brand, "hour", 48);
                b.incidents(brand, java.time.Instant.now().minusSeconds(48 * 3600));
                b.aspects(brand);
                b.sources(brand);
                b.complaintPhrases(brand, 10);
            });
            String[] queries = {"cold coffee", "\"rude staff\"", "billing -twice", "waited", "latte or coffee"};
            measure("search", runs, () -> m.find(new MentionQueries.Filter(null, null, null, null, null,
                    queries[r.nextInt(queries.length)]), 100));
        }
    }

    private static javax.sql.DataSource oneConnection(Connection c) {
        Connection kept = (Connection) java.lang.reflect.Proxy.newProxyInstance(StoreBenchmark.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, margs) -> method.getName().equals("close") ? null
                        : invoke(c, method, margs));
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(StoreBenchmark.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, margs) -> method.getName()
                        .equals("getConnection") ? kept : null);
    }

    private static Object invoke(Connection c, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(c, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void fill(PGSimpleDataSource ds, int mentions, int incidents) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO mention (mention_id, brand_id, brand_name, content_hash, source_id, source_kind, url,"
                    + " title, text, author, rating_value, rating_best, fetched_at, score, label, complaint, aspects,"
                    + " language, rating_conflict, confidence, explanation, scored_at)"
                    + " SELECT md5(i::text), 'brand-' || (i % 50), 'Brand ' || (i % 50), 'h', 'src-' || (i % 200), 'feed',"
                    + " 'https://reviews.example/' || i, 'Review ' || i,"
                    + " (ARRAY['cold coffee again and rude staff at the counter', 'lovely place and a great latte',"
                    + "  'waited forty minutes for my order, cold coffee', 'billing charged me twice this month',"
                    + "  'fine, nothing special about it'])[1 + i % 5] || ' #' || i, 'author ' || (i % 1000),"
                    + " 1 + i % 5, 5, now() - (i % 43200) * interval '1 minute' - (i % 7) * interval '1 second',"
                    + " CASE WHEN i % 5 IN (0, 2, 3) THEN -0.7 ELSE 0.5 END,"
                    + " CASE WHEN i % 5 IN (0, 2, 3) THEN 'negative' ELSE 'positive' END, i % 5 IN (0, 2, 3),"
                    + " CASE i % 5 WHEN 0 THEN ARRAY['quality','staff'] WHEN 2 THEN ARRAY['waiting'] WHEN 3"
                    + "  THEN ARRAY['billing'] ELSE ARRAY['quality'] END, 'en', i % 17 = 0, 0.8,"
                    + " '[{\"term\":\"cold\",\"rule\":\"lexicon\",\"weight\":-0.5}]', now()"
                    + " FROM generate_series(1, " + mentions + ") i");
            st.execute("INSERT INTO incident (incident_id, revision, brand_id, brand_name, kind, severity, state, rule,"
                    + " summary, figures, mention_count, raised_at, updated_at)"
                    + " SELECT 'inc-' || i, 1, 'brand-' || (i % 50), 'Brand ' || (i % 50), 'spike',"
                    + " (ARRAY['low','medium','high'])[1 + i % 3], (ARRAY['open','acknowledged','resolved','resolved'])[1 + i % 4],"
                    + " 'negative-spike', '12 negative mentions in 30 minutes', '{\"count\": 12}', 5,"
                    + " now() - (i % 43200) * interval '1 minute', now() - (i % 43200) * interval '1 minute'"
                    + " FROM generate_series(1, " + incidents + ") i");
            st.execute("INSERT INTO incident_mention (incident_id, mention_id, brand_id)"
                    + " SELECT 'inc-' || i, md5(((i * 5 + k) % " + mentions + " + 1)::text), 'brand-' || (((i * 5 + k) % "
                    + mentions + " + 1) % 50) FROM generate_series(1, " + incidents + ") i, generate_series(0, 4) k"
                    + " ON CONFLICT DO NOTHING");
            st.execute("INSERT INTO incident_revision (incident_id, revision, state, severity, summary, mention_count,"
                    + " updated_at) SELECT incident_id, 1, state, severity, summary, mention_count, updated_at FROM incident");
            // As autovacuum would after a fill: statistics, and the visibility map the index-only scans need.
            st.execute("VACUUM ANALYZE");
        }
    }

    private static void measure(String name, int runs, Runnable page) {
        for (int w = 0; w < Math.min(20, runs); w++) {
            page.run();
        }
        List<Long> nanos = new ArrayList<>();
        for (int k = 0; k < runs; k++) {
            long t = System.nanoTime();
            page.run();
            nanos.add(System.nanoTime() - t);
        }
        long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%-12s runs %d  p50 %.1f ms  p95 %.1f ms  max %.1f ms%n", name, runs, s[s.length / 2] / 1e6,
                s[(int) Math.ceil(s.length * 0.95) - 1] / 1e6, s[s.length - 1] / 1e6);
        Arrays.fill(s, 0);
    }
}
