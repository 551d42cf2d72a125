package dev.earshot.alert;

import static dev.earshot.events.ContractAssert.ALERT;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.alert.config.AlertConfig;
import dev.earshot.alert.detection.InstantRule;
import dev.earshot.alert.catalog.BrandCatalog;
import dev.earshot.alert.incident.CommandSignatures;
import dev.earshot.alert.incident.IncidentCommand;
import dev.earshot.alert.incident.IncidentStore;
import dev.earshot.alert.messaging.DeadLetters;
import dev.earshot.alert.notification.Notification;
import dev.earshot.alert.notification.Outbox;
import dev.earshot.alert.notification.SentMarkers;
import dev.earshot.alert.support.Catalogs;
import dev.earshot.alert.support.RecordingChannel;
import dev.earshot.alert.support.ScoredMentions;
import dev.earshot.alert.support.TestConfig;
import dev.earshot.events.Alert;
import dev.earshot.events.EventJson;
import dev.earshot.events.Label;
import dev.earshot.events.Mention;
import dev.earshot.events.MonitorEvent;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology with explicit event timestamps and a driven wall clock: rules, incidents, throttling, outbox. */
class AlertTopologyTest {

    static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    static final Duration UPDATE_INTERVAL = Duration.ofMinutes(15);
    static final String COMMANDS = IncidentCommand.TOPIC;

    @TempDir
    Path stateDir;

    TopologyTestDriver driver;
    TestInputTopic<String, String> mentions;
    TestInputTopic<String, String> commands;
    TestInputTopic<String, String> monitors;
    TestOutputTopic<String, String> alerts;
    TestOutputTopic<String, String> dlq;
    TestOutputTopic<String, String> notifications;
    RecordingChannel email = new RecordingChannel();
    Outbox outbox;
    Instant wallClock = START;
    int seq;
    SimpleMeterRegistry metrics;
    final CommandSignatures signatures = new CommandSignatures("a-test-commands-key-0123".getBytes());

    @BeforeEach
    void start() {
        AlertConfig config = TestConfig.with(Map.of("earshot.alert.notifications.update-interval", "15m",
                "earshot.alert.notifications.escalate-after", "30m", "earshot.alert.notifications.tick", "1s",
                "earshot.alert.notifications.retry-initial", "2s", "earshot.alert.notifications.retry-max", "1m"));
        BrandCatalog catalog = Catalogs.of(List.of(), List.of("pr@example.com"), List.of("ops@example.com"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-service-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        metrics = new SimpleMeterRegistry();
        driver = new TopologyTestDriver(AlertTopology.build(config, catalog, metrics, signatures, false), props,
                START);
        outbox = new Outbox(List.of(email), config.notifications().retryInitial(), config.notifications().retryMax(),
                config.notifications().giveUpAfter(), SentMarkers.inMemory(), metrics);
        StringSerializer s = new StringSerializer();
        StringDeserializer d = new StringDeserializer();
        mentions = driver.createInputTopic(Topics.MENTIONS_SCORED, s, s);
        commands = driver.createInputTopic(IncidentCommand.TOPIC, s, s);
        monitors = driver.createInputTopic(Topics.MONITORS, s, s);
        alerts = driver.createOutputTopic(Topics.ALERTS, d, d);
        dlq = driver.createOutputTopic(Topics.MENTIONS_SCORED_DLQ, d, d);
        notifications = driver.createOutputTopic(Notification.TOPIC, d, d);
    }

    /** What the outbox delivered so far: the notifications the topology wrote, handed to it as the worker does. */
    List<Notification> delivered() {
        outbox.startPass();
        for (String json : notifications.readValuesToList()) {
            outbox.offer(EventJson.read(json, Notification.class), "test", wallClock.toEpochMilli());
        }
        return email.delivered;
    }

    /** Moves the wall clock: the topology's timers fire, then the outbox retries what is due. */
    void advance(Duration d) {
        driver.advanceWallClockTime(d);
        wallClock = wallClock.plus(d);
        delivered();
        outbox.retryDue(wallClock.toEpochMilli());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void calmMonthThenStormIsOneIncidentEmailThenThrottledUpdates() {
        Instant t = calmMonth("northwind");
        alerts.readRecordsToList();
        assertEquals(0, delivered().size(), "a calm month raises nothing");

        // The storm: moderate complaints (none alarming alone), one every two minutes.
        for (int i = 0; i < 12; i++) {
            t = t.plus(Duration.ofMinutes(2));
            send("northwind", "Slow service and cold coffee again, visit " + i, -0.4, Label.NEGATIVE, t);
        }
        assertEquals(1, delivered().size(), "one email for the storm so far: " + delivered());
        Notification first = delivered().get(0);
        assertEquals(Notification.Purpose.OPENED, first.purpose());
        assertEquals(Alert.Kind.SPIKE, first.alert().kind());
        assertTrue(first.alert().why().figures().get("count") >= 2);

        // The wall clock stood still during the storm: only the opening and the severity rise went out at once.
        List<Alert> revisions = new ArrayList<>(alertValues());
        assertTrue(revisions.size() >= 1 && revisions.size() <= 3, "the first revision and severity changes: "
                + revisions.stream().map(Alert::revision).toList());
        advance(Duration.ofSeconds(1));
        revisions.addAll(alertValues());
        assertTrue(revisions.stream().allMatch(a -> a.incidentId().equals(first.alert().incidentId())),
                "one incident for the storm");
        revisions.forEach(a -> assertMatchesSchema(ALERT, EventJson.writeString(a)));
        Alert last = revisions.get(revisions.size() - 1);
        assertTrue(last.revision() >= 10, "the newest revision, every detection folded in: " + last.revision());
        assertEquals(last.revision(), last.reach().complaints(), "each detection added its complaint");
        assertTrue(last.reach() != null && last.reach().silentUnhappy() == 26 * last.reach().complaints());

        advance(UPDATE_INTERVAL.plusSeconds(1));
        assertEquals(2, delivered().size(), "one throttled update after the interval");
        assertEquals(Notification.Purpose.UPDATED, delivered().get(1).purpose());
        assertEquals(last.revision(), delivered().get(1).alert().revision(), "the update tells the newest revision");
        advance(UPDATE_INTERVAL.plusSeconds(1));
        assertEquals(List.of(Notification.Purpose.OPENED, Notification.Purpose.UPDATED, Notification.Purpose.ESCALATED),
                delivered().stream().map(Notification::purpose).toList(),
                "nothing new: no update; the HIGH storm nobody acknowledged is escalated after 30 minutes");
        assertEquals(Alert.Severity.HIGH, last.severity());
    }

    List<Alert> alertValues() {
        return alerts.readValuesToList().stream().map(v -> EventJson.read(v, Alert.class)).toList();
    }

    @Test
    void manyComplaintsIntoOneOpenIncidentAreFewAlertsRecordsTheLastWithTheFinalCount() {
        // 60 furious complaints within 0.6 s of wall-clock time: each folds into the one open incident.
        for (int i = 0; i < 60; i++) {
            send(ScoredMentions.of("acme", "Acme", "Charged twice, rude staff, awful " + i, -0.9, Label.NEGATIVE),
                    START.plusSeconds(i));
            advance(Duration.ofMillis(10));
        }
        advance(Duration.ofMillis(200));
        List<Alert> records = alertValues();
        assertTrue(records.size() <= 10, "about one record per publish interval, not one per complaint: "
                + records.stream().map(Alert::revision).toList());
        Alert last = records.get(records.size() - 1);
        assertEquals(60, last.revision(), "the newest revision is published");
        assertEquals(60, last.reach().complaints(), "with all 60 complaints");
        assertTrue(records.stream().allMatch(a -> a.incidentId().equals(last.incidentId())), "one incident");
        for (int i = 1; i < records.size(); i++) {
            assertTrue(records.get(i).revision() > records.get(i - 1).revision(), "revisions only grow (they skip)");
        }
        records.forEach(a -> assertMatchesSchema(ALERT, EventJson.writeString(a)));
        assertEquals(List.of(Notification.Purpose.OPENED), delivered().stream().map(Notification::purpose).toList(),
                "one email, as before");
        advance(Duration.ofSeconds(5));
        assertTrue(alerts.isEmpty(), "nothing is published twice once nothing changed");
    }

    @Test
    void theFirstRevisionAndASeverityRiseAreNotDelayed() {
        // The wall clock does not move: nothing here waits for the publish timer.
        send(ScoredMentions.of("acme", "Acme", "Rude staff and cold food, awful", -0.6, Label.NEGATIVE, new Rating(3, 5), List.of()), START);
        Alert first = EventJson.read(alerts.readValue(), Alert.class);
        assertEquals(1, first.revision());
        assertEquals(Alert.Severity.MEDIUM, first.severity());
        assertEquals(List.of(Notification.Purpose.OPENED), delivered().stream().map(Notification::purpose).toList(),
                "and its email is on its way");
        send(ScoredMentions.of("acme", "Acme", "Rude again, cold again", -0.6, Label.NEGATIVE, new Rating(3, 5), List.of()), START.plusSeconds(5));
        assertTrue(alerts.isEmpty(), "more of the same waits for the publish interval");
        send(ScoredMentions.of("acme", "Acme", "They poisoned me, food poisoning", -0.9, Label.NEGATIVE),
                START.plusSeconds(10));
        Alert worse = EventJson.read(alerts.readValue(), Alert.class);
        assertEquals(Alert.Severity.HIGH, worse.severity(), "a higher severity is published at once");
        assertEquals(3, worse.revision(), "with the fold before it");
        advance(Duration.ofSeconds(1));
        assertTrue(alerts.isEmpty(), "and not again by the timer");
    }

    @Test
    void theDemoStormIsOneIncidentEmailThenOneThrottledUpdate() {
        // As ./run-local.sh plays it: a calm minute, then about a dozen furious complaints in 50 s.
        Instant t = START;
        for (int i = 0; i < 15; i++) {
            send("northwind", "Lovely flat white, friendly staff", 0.7, Label.POSITIVE, t.plusSeconds(i * 4L));
        }
        t = t.plusSeconds(60);
        for (int i = 0; i < 12; i++) {
            send(ScoredMentions.of("northwind", "Northwind Coffee", "Charged twice, sour milk, rude staff. Awful! " + i,
                    -0.8, Label.NEGATIVE), t.plusSeconds(i * 4L));
            advance(Duration.ofSeconds(4));
        }
        assertEquals(List.of(Notification.Purpose.OPENED), delivered().stream().map(Notification::purpose).toList());
        advance(UPDATE_INTERVAL);
        assertEquals(List.of(Notification.Purpose.OPENED, Notification.Purpose.UPDATED),
                delivered().stream().map(Notification::purpose).toList());
        Alert update = delivered().get(1).alert();
        assertEquals(12, update.reach().complaints(), "all twelve complaints in the one incident");
        assertEquals(delivered().get(0).alert().incidentId(), update.incidentId());
    }

    @Test
    void aFirstCrawlOfOldModerateComplaintsIsNotAStormNow() {
        Instant t = calmMonth("northwind");
        for (int i = 0; i < 12; i++) {
            seq++;
            ScoredMention m = ScoredMentions.of("northwind", "northwind", "Slow and cold, visit " + seq, -0.4,
                    Label.NEGATIVE, new Rating(2, 5), List.of());
            Mention old = m.mention();
            Mention written = new Mention(old.schemaVersion(), old.id(), old.contentHash(), old.brand(), old.source(),
                    old.url(), old.title(), old.text(), old.author(), old.rating(),
                    t.minus(Duration.ofDays(1 + i)), old.fetchedAt(), old.matchedTerms());
            send(new ScoredMention(m.schemaVersion(), written, m.score(), m.label(), m.complaint(), m.intent(),
                    m.aspects(), m.explanation(), m.language(), m.ratingConflict(), m.scoredAt()), t.plusSeconds(i));
        }
        assertEquals(List.of(), delivered(), "reviews written over the last two weeks, found all at once");
    }

    @Test
    void singleMildComplaintAndASurgeOfPraiseSendNothing() {
        Instant t = calmMonth("northwind");
        send("northwind", "A bit slow today", -0.2, Label.NEGATIVE, t.plusSeconds(60));
        for (int i = 0; i < 40; i++) {
            send("northwind", "Best flat white in town, lovely staff " + i, 0.8, Label.POSITIVE, t.plusSeconds(120 + i));
        }
        advance(Duration.ofHours(2));
        assertEquals(List.of(), delivered());
        assertTrue(alerts.isEmpty());
    }

    @Test
    void furiousMentionIsAlertedAtOnceAndItsRedeliveryIsIgnored() {
        Instant t = START.plusSeconds(10);
        ScoredMention furious = ScoredMentions.of("acme", "Acme Mobile",
                "Acme cut off my line and charged me twice. Never again!", -0.86, Label.NEGATIVE);
        send(furious, t);
        send(furious, t.plusSeconds(5));
        assertEquals(1, delivered().size());
        Alert alert = delivered().get(0).alert();
        assertEquals(Alert.Kind.INSTANT, alert.kind());
        assertEquals(Alert.Severity.HIGH, alert.severity());
        assertEquals("instant-acme-" + furious.mention().id(), alert.incidentId());
        assertEquals(1, alerts.readRecordsToList().size(), "the redelivered mention changed nothing");
    }

    @Test
    void crisisTermRaisesAHighAlertEvenWhenTheScoreIsMild() {
        send(ScoredMentions.of("acme", "Acme", "Got food poisoning after lunch there", -0.3, Label.NEGATIVE),
                START.plusSeconds(1));
        assertEquals(1, delivered().size());
        assertEquals(Alert.Severity.HIGH, delivered().get(0).alert().severity());
        assertEquals(InstantRule.CRISIS_RULE, delivered().get(0).alert().why().rule());
    }

    @Test
    void failedSendsAreRetriedWithBackoffAndDeliveredExactlyOnce() {
        email.down = true;
        send(ScoredMentions.of("acme", "Acme", "Rude staff, cold food, awful", -0.9, Label.NEGATIVE),
                START.plusSeconds(1));
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(3));
        assertTrue(email.failures >= 2, "retried: " + email.failures);
        assertEquals(0, delivered().size());
        email.down = false;
        for (int i = 0; i < 10; i++) {
            advance(Duration.ofSeconds(30));
        }
        assertEquals(1, delivered().size(), "delivered once the server is back, and only once");
    }

    @Test
    void highIncidentNobodyAcknowledgesEscalatesOnceAndAcknowledgedOneDoesNot() {
        send(ScoredMentions.of("acme", "Acme", "Charged three times, this is a scam", -0.9, Label.NEGATIVE),
                START.plusSeconds(1));
        String first = delivered().get(0).alert().incidentId();
        send(ScoredMentions.of("globex", "Globex", "Worst service ever, awful and rude", -0.9, Label.NEGATIVE),
                START.plusSeconds(2));
        String second = delivered().get(1).alert().incidentId();
        commands.pipeInput("globex", signed(new IncidentCommand(second, "globex",
                IncidentCommand.Action.ACKNOWLEDGE, "dana", 0, START)), START.plusSeconds(3));
        Alert acked = EventJson.read(alerts.readValuesToList().get(2), Alert.class);
        assertEquals(Alert.State.ACKNOWLEDGED, acked.state());
        assertEquals("dana", acked.acknowledgedBy());

        advance(Duration.ofMinutes(31));
        advance(Duration.ofMinutes(31));
        List<Notification> escalations = delivered().stream()
                .filter(n -> n.purpose() == Notification.Purpose.ESCALATED).toList();
        assertEquals(1, escalations.size(), "escalated once: " + delivered());
        assertEquals(first, escalations.get(0).alert().incidentId());
    }

    @Test
    void reopenedHighIncidentIsEscalatedAgainWhenNobodyAcknowledgesIt() {
        send(ScoredMentions.of("acme", "Acme", "Charged three times, this is a scam", -0.9, Label.NEGATIVE),
                START.plusSeconds(1));
        String id = delivered().get(0).alert().incidentId();
        advance(Duration.ofMinutes(31));
        commands.pipeInput("acme", signed(new IncidentCommand(id, "acme",
                IncidentCommand.Action.RESOLVE, "dana", 0, START)), START.plus(Duration.ofMinutes(32)));
        send(ScoredMentions.of("acme", "Acme", "Still charged three times, a scam, no refund", -0.9, Label.NEGATIVE),
                START.plus(Duration.ofMinutes(40)));
        advance(Duration.ofMinutes(31));
        advance(Duration.ofMinutes(31));
        assertEquals(List.of(Notification.Purpose.OPENED, Notification.Purpose.ESCALATED,
                Notification.Purpose.REOPENED, Notification.Purpose.ESCALATED),
                delivered().stream().map(Notification::purpose).toList(),
                "the re-opened incident is escalated again: " + delivered());
        assertTrue(delivered().stream().allMatch(n -> n.alert().incidentId().equals(id)));
    }

    @Test
    void staleOpenIncidentsAreForgottenAfterTheRetentionLikeResolvedOnes() {
        send(ScoredMentions.of("acme", "Acme", "Rude staff, cold food, awful", -0.9, Label.NEGATIVE),
                START.plusSeconds(1));
        String open = delivered().get(0).alert().incidentId();
        KeyValueStore<String, Object> incidents = driver.getKeyValueStore(IncidentStore.INCIDENTS);
        KeyValueStore<String, Object> current = driver.getKeyValueStore(IncidentStore.CURRENT);
        assertTrue(incidents.get(open) != null);
        advance(Duration.ofDays(31));
        advance(Duration.ofHours(1));
        assertEquals(null, incidents.get(open), "an incident nobody touched for longer than the retention");
        assertEquals(0, count(current), "and the pointer that named it the brand's current incident");
        send(ScoredMentions.of("acme", "Acme", "Awful again, rude and slow", -0.9, Label.NEGATIVE),
                START.plus(Duration.ofDays(32)));
        assertEquals(Notification.Purpose.OPENED, delivered().get(delivered().size() - 1).purpose(),
                "a new storm is a new incident");
    }

    static long count(KeyValueStore<String, Object> store) {
        try (var all = store.all()) {
            long n = 0;
            while (all.hasNext()) {
                all.next();
                n++;
            }
            return n;
        }
    }

    @Test
    void resolvedIncidentReopensWhenItSurgesAgain() {
        ScoredMention m = ScoredMentions.of("acme", "Acme", "Awful, rude, never again", -0.9, Label.NEGATIVE);
        send(m, START.plusSeconds(1));
        String id = delivered().get(0).alert().incidentId();
        commands.pipeInput("acme", signed(new IncidentCommand(id, "acme",
                IncidentCommand.Action.RESOLVE, "dana", 0, START)), START.plusSeconds(2));
        send(ScoredMentions.of("acme", "Acme", "Still awful and rude, no refund", -0.9, Label.NEGATIVE),
                START.plusSeconds(60));
        assertEquals(Notification.Purpose.REOPENED, delivered().get(1).purpose());
        assertEquals(id, delivered().get(1).alert().incidentId());
        assertEquals(Alert.State.OPEN, delivered().get(1).alert().state());
    }

    @Test
    void lowSeverityDriftGoesToTheDigestNotToAnImmediateEmail() {
        Instant t = START;
        for (int i = 0; i < 200; i++) {
            t = t.plus(Duration.ofMinutes(30));
            send("northwind", "Nice coffee " + i, 0.5, Label.POSITIVE, t);
        }
        for (int i = 0; i < 30; i++) {
            t = t.plus(Duration.ofMinutes(30));
            send("northwind", "Meh, it was okay I guess " + i, -0.05, Label.NEUTRAL, t);
        }
        assertEquals(0, delivered().size(), "drift alone is LOW: no immediate email");
        Alert drift = alerts.readValuesToList().stream().map(v -> EventJson.read(v, Alert.class))
                .filter(a -> a.kind() == Alert.Kind.DRIFT).findFirst().orElseThrow();
        assertEquals(Alert.Severity.LOW, drift.severity());
        advance(Duration.ofHours(1).plusSeconds(1));
        assertEquals(1, delivered().size());
        assertEquals(Notification.Purpose.DIGEST, delivered().get(0).purpose());
        assertEquals(drift.incidentId(), delivered().get(0).digest().get(0).incidentId());
    }

    @Test
    void brokenMonitorIsToldOnceUntilItRecoversAndBreaksAgain() {
        MonitorEvent failing = new MonitorEvent(1, "citybites-feed", "https://citybites.example/feed.xml",
                MonitorEvent.Status.FAILING, 5, "answered HTTP 503", START, START.plusSeconds(300));
        monitors.pipeInput("citybites-feed", EventJson.writeString(failing), START);
        monitors.pipeInput("citybites-feed", EventJson.writeString(new MonitorEvent(1, "citybites-feed", null,
                MonitorEvent.Status.FAILING, 6, "answered HTTP 503", START, START.plusSeconds(360))), START);
        monitors.pipeInput("citybites-feed", EventJson.writeString(new MonitorEvent(1, "citybites-feed", null,
                MonitorEvent.Status.RECOVERED, 0, null, START, START.plusSeconds(420))), START);
        monitors.pipeInput("citybites-feed", EventJson.writeString(new MonitorEvent(1, "citybites-feed", null,
                MonitorEvent.Status.SILENT, 0, null, START, START.plusSeconds(480))), START);
        assertEquals(List.of(Notification.Purpose.MONITOR, Notification.Purpose.MONITOR),
                delivered().stream().map(Notification::purpose).toList());
        assertEquals(MonitorEvent.Status.SILENT, delivered().get(1).monitor().status());
    }

    @Test
    void hostileCommandsAreDeadLetteredAndCountedAndTheStreamGoesOn() {
        send(ScoredMentions.of("acme", "Acme", "Rude staff, cold food, awful", -0.9, Label.NEGATIVE), START.plusSeconds(1));
        String id = delivered().get(0).alert().incidentId();
        alerts.readRecordsToList();
        IncidentCommand resolve = new IncidentCommand(id, "acme", IncidentCommand.Action.RESOLVE, "mallory", 0, START);
        String good = signed(resolve);
        List<String[]> hostile = List.of(
                new String[] {"bad-action", "{\"incidentId\":\"" + id + "\",\"brandId\":\"acme\",\"action\":null,\"snoozeMinutes\":0,"
                        + "\"at\":\"2026-10-01T00:00:00Z\"}"},
                new String[] {"bad-action", "{\"incidentId\":\"" + id + "\",\"brandId\":\"acme\",\"action\":\"DELETE\",\"snoozeMinutes\":0,"
                        + "\"at\":\"2026-10-01T00:00:00Z\"}"},
                new String[] {"bad-id", "{\"brandId\":\"acme\",\"action\":\"RESOLVE\",\"snoozeMinutes\":0,\"at\":\"2026-10-01T00:00:00Z\"}"},
                new String[] {"bad-id", signed(new IncidentCommand(id + "\r\nBcc: evil@x", "acme",
                        IncidentCommand.Action.RESOLVE, "mallory", 0, START))},
                new String[] {"unreadable", "resolve everything, please"},
                new String[] {"unreadable", "[1, 2, 3]"},
                new String[] {"unreadable", ""},
                new String[] {"unreadable", "null"},
                new String[] {"unsigned", EventJson.writeString(resolve)},
                new String[] {"bad-signature", good.replace("mallory", "dana")},
                new String[] {"bad-signature", EventJson.writeString(new CommandSignatures(
                        "somebody-elses-key-0123".getBytes()).sign(resolve))});
        for (String[] h : hostile) {
            commands.pipeInput("acme", h[1], START.plusSeconds(2));
        }
        List<TestRecord<String, String>> dead = dlq.readRecordsToList();
        assertEquals(hostile.size(), dead.size(), "each refused command is dead-lettered");
        for (int i = 0; i < hostile.size(); i++) {
            String reason = new String(dead.get(i).headers().lastHeader(DeadLetters.REASON).value());
            assertTrue(reason.startsWith("incident command refused (" + hostile.get(i)[0] + ")"), reason);
            assertEquals(hostile.get(i)[1], dead.get(i).value(), "as it arrived");
            assertEquals(COMMANDS, new String(dead.get(i).headers().lastHeader(DeadLetters.TOPIC).value()));
        }
        assertEquals(2.0, metrics.counter("earshot.alerts.commands.refused", "reason", "bad-signature").count());
        assertEquals(2.0, metrics.counter("earshot.alerts.commands.refused", "reason", "bad-action").count());
        assertTrue(alerts.isEmpty(), "no refused command changed the incident");

        commands.pipeInput("acme", good, START.plusSeconds(3));
        assertEquals(Alert.State.RESOLVED, EventJson.read(alerts.readValue(), Alert.class).state(),
                "the signed command is applied");
        commands.pipeInput("acme", good, START.plusSeconds(4));
        assertTrue(new String(dlq.readRecord().headers().lastHeader(DeadLetters.REASON).value())
                .startsWith("incident command refused (replayed)"), "a copy of an applied command is a replay");
        assertTrue(alerts.isEmpty());

        send(ScoredMentions.of("globex", "Globex", "Worst service ever, awful and rude", -0.9, Label.NEGATIVE),
                START.plusSeconds(5));
        assertEquals("globex", delivered().get(delivered().size() - 1).brandId(), "the stream goes on");
    }

    @Test
    void anAcknowledgeLinkWorksWhileTheIncidentOnlyGrewButNotOnceItReopened() {
        send(ScoredMentions.of("acme", "Acme", "Rude staff, cold food, awful", -0.9, Label.NEGATIVE), START.plusSeconds(1));
        Notification opened = delivered().get(0);
        String id = opened.alert().incidentId();
        send(ScoredMentions.of("acme", "Acme", "Rude again and the food was cold", -0.9, Label.NEGATIVE),
                START.plusSeconds(60));
        alerts.readRecordsToList();
        commands.pipeInput("acme", signed(link(id, opened.alert().revision())), START.plusSeconds(61));
        assertEquals(Alert.State.ACKNOWLEDGED, EventJson.read(alerts.readValue(), Alert.class).state(),
                "the first email's link still acknowledges after more mentions came in");

        commands.pipeInput("acme", signed(new IncidentCommand(id, "acme", IncidentCommand.Action.RESOLVE, "dana", 0,
                START)), START.plusSeconds(62));
        send(ScoredMentions.of("acme", "Acme", "Still rude, still cold, no refund", -0.9, Label.NEGATIVE),
                START.plusSeconds(120));
        Notification reopened = delivered().get(delivered().size() - 1);
        assertEquals(Notification.Purpose.REOPENED, reopened.purpose());
        alerts.readRecordsToList();
        commands.pipeInput("acme", signed(link(id, opened.alert().revision())), START.plusSeconds(121));
        assertTrue(alerts.isEmpty(), "the old link does not acknowledge the re-opened incident");
        assertEquals(1.0, metrics.counter("earshot.alerts.commands.refused", "reason", "earlier-alert-link").count());
        advance(Duration.ofMinutes(31));
        assertTrue(delivered().stream().anyMatch(n -> n.purpose() == Notification.Purpose.ESCALATED),
                "and its escalation goes on: " + delivered());

        alerts.readRecordsToList();
        commands.pipeInput("acme", signed(link(id, reopened.alert().revision())), START.plusSeconds(122));
        assertEquals(Alert.State.ACKNOWLEDGED, EventJson.read(alerts.readValue(), Alert.class).state(),
                "the re-opening email's link does");
    }

    static IncidentCommand link(String id, int revision) {
        return new IncidentCommand(id, "acme", IncidentCommand.Action.ACKNOWLEDGE, "email link", 0, START, revision,
                null);
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicWithTheReason() {
        mentions.pipeInput("acme", "{oops", START);
        TestRecord<String, String> dead = dlq.readRecord();
        assertEquals("{oops", dead.value());
        String reason = new String(dead.headers().lastHeader(DeadLetters.REASON).value());
        assertTrue(reason.contains("not a ScoredMention"), reason);
        send(ScoredMentions.of("acme", "Acme", "Rude staff, cold food, awful", -0.9, Label.NEGATIVE), START);
        assertEquals(1, delivered().size(), "the next record is still handled");
    }

    /** A month of a calm brand: about 20 mentions a day with a daily rhythm, one in ten mildly negative. */
    Instant calmMonth(String brand) {
        Instant t = START;
        for (int day = 0; day < 30; day++) {
            for (int hour = 7; hour < 22; hour++) {
                int n = hour >= 11 && hour <= 14 ? 3 : 1;
                for (int k = 0; k < n; k++) {
                    t = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)).plus(Duration.ofMinutes(k * 15L));
                    boolean negative = seq % 10 == 0;
                    send(brand, "visit " + seq, negative ? -0.3 : 0.5, negative ? Label.NEGATIVE : Label.POSITIVE, t);
                }
            }
        }
        return t.plus(Duration.ofHours(2));
    }

    void send(String brand, String text, double score, Label label, Instant at) {
        seq++;
        send(ScoredMentions.of(brand, brand, text + " #" + seq, score, label,
                label == Label.NEGATIVE ? new Rating(2, 5) : new Rating(4, 5), List.of("waiting")), at);
    }

    /** A command as this service's API writes it: signed, and newer than any before. */
    String signed(IncidentCommand cmd) {
        seq++;
        IncidentCommand fresh = new IncidentCommand(cmd.incidentId(), cmd.brandId(), cmd.action(), cmd.by(),
                cmd.snoozeMinutes(), cmd.at().plusMillis(seq), cmd.linkRevision(), null);
        return EventJson.writeString(signatures.sign(fresh));
    }

    void send(ScoredMention m, Instant at) {
        mentions.pipeInput(m.mention().brand().id(), EventJson.writeString(m), at);
    }
}
