package dev.earshot.load;

import dev.earshot.events.EventJson;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.local.EarshotStack;
import dev.earshot.local.ServiceProcess;
import dev.earshot.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The checks the soak and the fault runs share, read from the services, the topics and the SMTP
 * proxy: services up, lag drained, every mention scored, every probe emailed, no email twice.
 */
final class StackChecks {

    private final EarshotStack stack;
    private final SmtpProxy smtp;
    private final Checks checks;
    private final HealthProbe health = new HealthProbe();

    StackChecks(EarshotStack stack, SmtpProxy smtp, Checks checks) {
        this.stack = stack;
        this.smtp = smtp;
        this.checks = checks;
    }

    /**
     * Every service live and ready; with {@code pidsAtStart}, also still the process that started
     * (nothing restarted it) and with no DOWN answer in the samples taken during the run.
     */
    void servicesUp(Map<String, Long> pidsAtStart, Map<String, Integer> downSamples, int samples) {
        for (ServiceProcess service : stack.services()) {
            HealthProbe.Status s = health.probe(service);
            if (pidsAtStart == null) {
                checks.check(s.up(), "%s live %s, ready %s", service.name(), s.live(), s.ready());
                continue;
            }
            long before = pidsAtStart.getOrDefault(service.name(), -1L);
            int down = downSamples.getOrDefault(service.name(), 0);
            checks.check(s.up() && s.pid() == before && down == 0,
                    "%s live %s, ready %s, pid %d at start and %d now (never restarted: %s), DOWN in %d of %d samples",
                    service.name(), s.live(), s.ready(), before, s.pid(), s.pid() == before, down, samples);
        }
    }

    /** Waits until no consumer group has lag (at most {@code within}); one line per group. */
    void lagDrained(OffsetWatch watch, Duration within) throws InterruptedException {
        waitFor(within, () -> watch.lags().stream().allMatch(l -> l.lag() == 0));
        for (OffsetWatch.GroupLag l : watch.lags()) {
            checks.check(l.lag() == 0, "consumer group %s: lag %,d (committed offsets sum to %,d)", l.group(), l.lag(),
                    l.committed());
        }
    }

    /** Every group with lag committed at least every {@link OffsetWatch#MAX_STALL}. */
    void commitsAdvanced(OffsetWatch watch) {
        watch.longestStalls().forEach((group, stall) -> checks.check(stall.compareTo(OffsetWatch.MAX_STALL) <= 0,
                "consumer group %s committed while it had lag: longest stall %d s (limit %d s)", group,
                stall.toSeconds(), OffsetWatch.MAX_STALL.toSeconds()));
    }

    /**
     * Waits (at most {@code within}) until every sent mention is on {@code mentions-scored}.
     * With {@code exactlyOnce} a mention scored twice fails; otherwise it is reported only, as
     * at-least-once delivery allows it after a crash.
     */
    IdTally.Comparison scored(IdTally sent, Duration within, boolean exactlyOnce) throws InterruptedException {
        IdTally.Comparison[] last = new IdTally.Comparison[1];
        waitFor(within, () -> (last[0] = IdTally.compare(sent, scoredIds())).missing() == 0);
        IdTally.Comparison c = last[0];
        checks.check(c.missing() == 0 && (!exactlyOnce || c.duplicated() == 0),
                "every mention scored%s: %,d of %,d (%,d missing; %,d scored twice%s)", exactlyOnce ? " exactly once" : "",
                c.sent() - c.missing(), c.sent(), c.missing(), c.duplicated(),
                exactlyOnce ? "" : ", which at-least-once allows");
        return c;
    }

    /**
     * When the console runs: waits (at most {@code within}) until its store holds every mention sent, read from its
     * PostgreSQL as a dashboard would. A row per mention and brand; a mention of no brand is not stored.
     */
    void consoleStored(IdTally sent, Duration within) throws InterruptedException {
        if (!stack.services().stream().anyMatch(s -> s.name().equals(EarshotStack.CONSOLE))) {
            return;
        }
        IdTally.Comparison[] last = new IdTally.Comparison[1];
        waitFor(within, () -> (last[0] = IdTally.compare(sent, consoleIds())).missing() == 0);
        IdTally.Comparison c = last[0];
        checks.check(c.missing() == 0, "the console stored every mention: %,d of %,d (%,d missing)",
                c.sent() - c.missing(), c.sent(), c.missing());
    }

    private IdTally consoleIds() {
        IdTally stored = new IdTally();
        EmbeddedPostgres pg = stack.postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                Statement st = c.createStatement()) {
            c.setAutoCommit(false); // the driver streams rows (fetch size) only inside a transaction
            st.setFetchSize(10_000);
            try (ResultSet rs = st.executeQuery("SELECT DISTINCT mention_id FROM mention")) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the console's store: " + e.getMessage(), e);
        }
        return stored;
    }

    /** Waits (at most {@code within}) until each probe brand has its email; each must have exactly one. */
    void probesEmailed(List<String> probeBrands, Duration within) throws InterruptedException {
        waitFor(within, () -> EmailTally.perProbe(smtp.deliveries()).keySet().containsAll(probeBrands));
        Map<String, Integer> perProbe = EmailTally.perProbe(smtp.deliveries());
        long emailed = probeBrands.stream().filter(perProbe::containsKey).count();
        long twice = probeBrands.stream().filter(b -> perProbe.getOrDefault(b, 0) > 1).count();
        checks.check(emailed == probeBrands.size() && twice == 0,
                "every instant alert emailed exactly once: %d of %d probes emailed, %d more than once", emailed,
                probeBrands.size(), twice);
    }

    /** No (incident, revision) reached a recipient twice over the whole run, counted at the SMTP wire. */
    void noDuplicateEmails() {
        EmailTally.Duplicates d = EmailTally.duplicates(smtp.deliveries());
        checks.check(d.duplicated() == 0, "no incident revision emailed twice (%d emails, %d revisions, %d duplicated)",
                d.emails(), d.revisions(), d.duplicated());
    }

    private IdTally scoredIds() {
        IdTally arrived = new IdTally();
        TopicSnapshot.forEach(stack.bootstrapServers(), Topics.MENTIONS_SCORED,
                r -> arrived.add(EventJson.read(r.value(), ScoredMention.class).mention().id()));
        return arrived;
    }

    static boolean waitFor(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(1000);
        }
        return condition.getAsBoolean();
    }
}
