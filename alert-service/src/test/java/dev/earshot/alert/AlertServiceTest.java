package dev.earshot.alert;

import static dev.earshot.events.ContractAssert.ALERT;
import static dev.earshot.events.ContractAssert.assertMatchesSchema;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import dev.earshot.alert.messaging.StreamsHooks;
import dev.earshot.alert.catalog.BrandCatalog;
import dev.earshot.alert.incident.IncidentCommand;
import dev.earshot.alert.notification.AlertMailer;
import dev.earshot.alert.notification.Notification;
import dev.earshot.alert.support.GreenMailResource;
import dev.earshot.alert.support.MailParts;
import dev.earshot.alert.support.Mails;
import dev.earshot.alert.support.Replica;
import dev.earshot.alert.support.ScoredMentions;
import dev.earshot.events.Alert;
import dev.earshot.events.CatalogBrand;
import dev.earshot.events.CatalogRecord;
import dev.earshot.events.EventJson;
import dev.earshot.events.Label;
import dev.earshot.events.MonitorEvent;
import dev.earshot.events.Rating;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import dev.earshot.events.KafkaConnection;
import dev.earshot.kafka.embedded.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import org.eclipse.microprofile.config.ConfigProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alert-service between the real broker and a real SMTP server: what PR staff would notice. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
class AlertServiceTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    GreenMail greenMail;

    @Inject
    KafkaStreams streams;

    @Inject
    StreamsConfig streamsConfig;

    @Inject
    Topology topology;

    @Inject
    KafkaConnection kafkaConnection;

    @Inject
    AlertMailer mailer;

    @Inject
    BrandCatalog catalog;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyHandBuiltKafkaClientGetsTheServicesKafkaSettings() {
        // %test sets kafka.client.dns.lookup; a SASL/TLS cluster's kafka.security.protocol and sasl.* travel the same way.
        assertEquals("use_all_dns_ips", kafkaConnection.properties().get("client.dns.lookup"));
        assertEquals(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                kafkaConnection.bootstrapServers());
    }

    @Test
    void furiousMentionSendsOneEmailToTheBrandsPeopleAndOneAlertRecord() throws Exception {
        ScoredMention furious = ScoredMentions.of("northwind", "Northwind Coffee",
                "Waited 40 minutes for a cold latte and the barista was rude. Never again!", -0.86, Label.NEGATIVE);
        send(furious, Instant.now());
        send(furious, Instant.now()); // redelivered: still one alert

        MimeMessage mail = awaitMails("pr@northwind.example", 1).get(0);
        assertEquals(1, awaitMails("care@northwind.example", 1).size(), "both of the brand's people");
        assertEquals("[Earshot] HIGH · Northwind Coffee: a strongly negative mention", mail.getSubject());
        assertEquals("instant-northwind-" + furious.mention().id(), Mails.header(mail, AlertMailer.INCIDENT_HEADER));
        assertTrue(Mails.header(mail, "Message-ID").endsWith("@earshot.alerts>"), "deterministic Message-ID");
        String text = MailParts.text(mail);
        String html = MailParts.html(mail);
        assertTrue(text.contains("Waited 40 minutes for a cold latte"), text);
        assertTrue(html.contains("barista was rude. Never again!"));
        assertTrue(html.contains("href=\"" + furious.mention().url() + "\""));
        assertTrue(text.contains("What to do now") && text.contains("apologise first"), text);
        assertTrue(text.contains("estimated reach") && text.contains("Estimate, not a count"), text);
        assertTrue(html.contains("/ack/"), "an acknowledge link");

        ConsumerRecord<String, String> record = kafka.consumeStrings().fromTopics(Topics.ALERTS)
                .awaitRecords(1, Duration.ofSeconds(10)).getFirstRecord();
        assertMatchesSchema(ALERT, record.value());
        Thread.sleep(1000);
        assertEquals(1, Mails.to(greenMail, "pr@northwind.example").size(), "the redelivery sent no second email");
    }

    @Test
    void hostileReviewArrivesAsTextNotMarkup() {
        send(ScoredMentions.of("hostile", "Hostile Co",
                "<script>alert(1)</script> <img src=x onerror=alert(2)> worst coffee ever", -0.8, Label.NEGATIVE),
                Instant.now());
        MimeMessage mail = awaitMails("pr@hostile.example", 1).get(0);
        String html = MailParts.html(mail);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(MailParts.text(mail).contains("<script>alert(1)</script>"), "the text part shows it as written");
    }

    @Test
    void aMildComplaintAndASurgeOfPraiseSendNothing() {
        Instant now = Instant.now();
        send(ScoredMentions.of("sunny", "Sunny Bakery", "A bit slow today", -0.2, Label.NEGATIVE), now);
        for (int i = 0; i < 30; i++) {
            send(ScoredMentions.of("sunny", "Sunny Bakery", "Wonderful croissants, lovely staff " + i, 0.9,
                    Label.POSITIVE), now.plusSeconds(i));
        }
        ScoredMention marker = ScoredMentions.of("sunny", "Sunny Bakery", "Rude staff, cold food, awful", -0.9,
                Label.NEGATIVE);
        send(marker, now.plusSeconds(60));
        // Records of a brand are handled in order: once the marker's email is here, the others were judged.
        List<MimeMessage> mails = awaitMails("pr@sunny.example", 1);
        assertEquals("instant-sunny-" + marker.mention().id(), Mails.header(mails.get(0), AlertMailer.INCIDENT_HEADER));
        assertEquals(1, Mails.to(greenMail, "pr@sunny.example").size());
    }

    @Test
    void calmMonthThenStormIsOneIncidentEmailThenAThrottledUpdate() throws Exception {
        Instant now = Instant.now();
        Instant t = now.minus(Duration.ofDays(30));
        int seq = 0;
        List<ProducerRecord<String, String>> calm = new ArrayList<>();
        while (t.isBefore(now.minus(Duration.ofHours(2)))) {
            boolean negative = seq % 10 == 0;
            calm.add(record(ScoredMentions.of("calmco", "Calm Co", "visit number " + seq++, negative ? -0.3 : 0.6,
                    negative ? Label.NEGATIVE : Label.POSITIVE), t));
            t = t.plus(Duration.ofMinutes(50));
        }
        kafka.produceStrings().fromRecords(calm).awaitCompletion(Duration.ofSeconds(60));
        // The storm: moderate complaints about delivery, none alarming alone.
        for (int i = 0; i < 8; i++) {
            send(ScoredMentions.of("calmco", "Calm Co", "Order arrived cold and late again, visit " + i, -0.4,
                    Label.NEGATIVE, new Rating(2, 5), List.of("delivery")), now.plusSeconds(i));
        }
        List<MimeMessage> first = awaitMails("pr@calmco.example", 1);
        MimeMessage opened = first.get(0);
        assertEquals("[Earshot] MEDIUM · Calm Co: a spike of negative mentions", opened.getSubject());
        String text = MailParts.text(opened);
        assertTrue(text.contains("expected") && text.contains("count"), "figures against the baseline: " + text);
        assertEquals(1, Mails.to(greenMail, "ops@calmco-logistics.example").size(),
                "delivery complaints also go to logistics");

        Thread.sleep(1500);
        assertEquals(1, Mails.to(greenMail, "pr@calmco.example").size(), "the rest of the storm is held back");
        List<MimeMessage> both = awaitMails("pr@calmco.example", 2); // after the 4 s update interval of the test profile
        assertTrue(both.get(1).getSubject().startsWith("[Earshot] Update · "), both.get(1).getSubject());
        assertEquals(Mails.header(opened, AlertMailer.INCIDENT_HEADER),
                Mails.header(both.get(1), AlertMailer.INCIDENT_HEADER), "one incident");
        Thread.sleep(5000);
        assertEquals(2, Mails.to(greenMail, "pr@calmco.example").size(), "nothing new, nothing sent");
    }

    @Test
    void smtpDownForAWhileThenUpDeliversEachEmailExactlyOnce() throws Exception {
        greenMail.stop();
        try {
            send(ScoredMentions.of("outageco", "Outage Co", "Everything was wrong, rude and dirty. Awful!", -0.9,
                    Label.NEGATIVE), Instant.now());
            Thread.sleep(3000); // several failed attempts
        } finally {
            greenMail.start();
        }
        awaitMails("pr@outageco.example", 1);
        Thread.sleep(4000);
        assertEquals(1, Mails.to(greenMail, "pr@outageco.example").size(), "delivered once, not once per attempt");
    }

    @Test
    void acknowledgeLinkShowsAPageOnGetAndOnlyPostAcknowledges() throws Exception {
        send(ScoredMentions.of("ackco", "Ack Co", "Found glass in my salad. Disgusting and dangerous!", -0.95,
                Label.NEGATIVE), Instant.now());
        MimeMessage mail = awaitMails("pr@ackco.example", 1).get(0);
        String incident = Mails.header(mail, AlertMailer.INCIDENT_HEADER);
        Matcher m = Pattern.compile("/ack/([A-Za-z0-9_.-]+)").matcher(MailParts.text(mail));
        assertTrue(m.find(), MailParts.text(mail));
        String token = m.group(1);

        given().get("/ack/" + token).then().statusCode(200).body(containsString("method=\"post\""));
        given().get("/ack/" + token);
        Thread.sleep(1000);
        reader().get("/api/incidents/" + incident).then().statusCode(200).body("state", equalTo("open"));

        given().post("/ack/" + token.substring(0, token.length() - 2) + "xx").then().statusCode(403);
        given().post("/ack/" + token).then().statusCode(200).body(containsString("Acknowledged"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> reader().get("/api/incidents/" + incident).then()
                .body("state", equalTo("acknowledged")).body("acknowledgedBy", equalTo("email link")));
        assertEquals(1, Mails.to(greenMail, "pr@ackco.example").size(), "acknowledging sends no email");
    }

    @Test
    void restApiListsAndChangesIncidentsOnlyWithTheToken() {
        send(ScoredMentions.of("dlqco", "DLQ Co", "Rude, slow, awful. Never again!", -0.9, Label.NEGATIVE),
                Instant.now());
        awaitMails("pr@dlqco.example", 1);
        String id = reader().queryParam("brand", "dlqco").queryParam("since", "2020-01-01T00:00:00Z")
                .queryParam("severity", "high").get("/api/incidents").then().statusCode(200)
                .body("size()", equalTo(1)).extract().path("[0].incidentId");
        reader().queryParam("brand", "dlqco").queryParam("state", "resolved").get("/api/incidents").then()
                .body("size()", equalTo(0));
        reader().queryParam("brand", "dlqco").queryParam("until", "2020-01-01T00:00:00Z").get("/api/incidents").then()
                .body("size()", equalTo(0));
        given().post("/api/incidents/" + id + "/resolve").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").post("/api/incidents/" + id + "/resolve").then()
                .statusCode(401);
        reader().post("/api/incidents/" + id + "/resolve").then().statusCode(403);
        staff().queryParam("by", "dana\r\nX-Evil: 1").post("/api/incidents/" + id + "/resolve").then().statusCode(400);
        staff().queryParam("minutes", 30).post("/api/incidents/" + id + "/snooze").then().statusCode(202);
        staff().post("/api/incidents/" + id + "/resolve").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> reader().get("/api/incidents/" + id).then()
                .body("state", equalTo("resolved")).body("snoozedUntil", org.hamcrest.Matchers.notNullValue()));
        reader().get("/api/incidents/no-such-incident").then().statusCode(404);
        reader().get("/q/openapi").then().statusCode(200).body(containsString("/api/incidents"));
    }

    @Test
    void brokenMonitorEmailsTheOperators() {
        MonitorEvent failing = new MonitorEvent(1, "citybites-feed", "https://citybites.example/feed.xml",
                MonitorEvent.Status.FAILING, 5, "https://citybites.example/feed.xml answered HTTP 503",
                Instant.parse("2026-11-22T08:00:03Z"), Instant.now());
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MONITORS, failing.sourceId(),
                EventJson.writeString(failing))).awaitCompletion();
        MimeMessage mail = awaitMails("ops@earshot.example", 1).get(0);
        assertEquals("[Earshot] Monitor broken · source citybites-feed is failing", Mails.subject(mail));
        assertTrue(MailParts.text(mail).contains("answered HTTP 503"));
    }

    @Test
    void theTopologyBeanUnderTopologyTestDriverAppliesBrandThresholdsAndMailsThroughTheRealMailer(
            @TempDir Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-service-driver");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        Instant start = Instant.parse("2026-11-01T09:00:00Z");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, props, start)) {
            TestInputTopic<String, String> in = driver.createInputTopic(Topics.MENTIONS_SCORED, new StringSerializer(),
                    new StringSerializer());
            TestOutputTopic<String, String> alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(),
                    new StringDeserializer());
            ScoredMention below = ScoredMentions.of("driverco", "Driver Co", "Quite bad coffee, meh", -0.55,
                    Label.NEGATIVE, new Rating(3, 5), List.of());
            in.pipeInput("driverco", EventJson.writeString(below), start);
            assertTrue(alerts.isEmpty(), "-0.55 is above this brand's own threshold of -0.6");
            ScoredMention bad = ScoredMentions.of("driverco", "Driver Co", "Terrible coffee, rude staff", -0.7,
                    Label.NEGATIVE, new Rating(2, 5), List.of("staff"));
            in.pipeInput("driverco", EventJson.writeString(bad), start.plusSeconds(60));
            Alert alert = EventJson.read(alerts.readValue(), Alert.class);
            assertEquals("instant-driverco-" + bad.mention().id(), alert.incidentId());
            assertEquals(List.of(new Alert.AspectCount("staff", 1)), alert.topAspects());
            TestOutputTopic<String, String> notifications = driver.createOutputTopic(
                    Notification.TOPIC, new StringDeserializer(), new StringDeserializer());
            Notification told = EventJson.read(notifications.readValue(), Notification.class);
            assertEquals(Notification.Purpose.OPENED, told.purpose());
            deliverRetrying(told, told.id() + "#email");
        }
        MimeMessage mail = awaitMails("pr@driverco.example", 1).get(0);
        assertEquals("[Earshot] MEDIUM · Driver Co: a strongly negative mention", Mails.subject(mail));
    }

    @Test
    void aSecondReplicaSharesThePartitionsAndHandsThemBackAtOnceWhenItStops(@TempDir Path otherStateDir)
            throws Exception {
        Instant now = Instant.now();
        // Kafka's default session timeout: only leaving the group on shutdown explains a quick hand-over.
        try (KafkaStreams second = Replica.start(topology, streamsConfig, otherStateDir, "replica-2",
                java.util.Map.of(StreamsConfig.consumerPrefix("session.timeout.ms"), "45000"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> second.state() == KafkaStreams.State.RUNNING
                    && streams.state() == KafkaStreams.State.RUNNING && second.metadataForLocalThreads().stream()
                            .anyMatch(t -> !t.activeTasks().isEmpty()));
            for (int i = 0; i < 4; i++) {
                send(ScoredMentions.of("replicaco", "Replica Co", "Terrible, rude and cold, visit " + i, -0.9,
                        Label.NEGATIVE), now.plusSeconds(i));
            }
            awaitMails("pr@replicaco.example", 1);
            // What a rolling restart does to a replica: the service's own shutdown.
            second.close(StreamsHooks.LEAVE_GROUP);
        }
        // Whichever replica owned the brand, its partition is now back with this one, stores and all, well
        // before the stopped replica's 45 s session would have run out.
        await().atMost(Duration.ofSeconds(15)).until(() -> streams.state() == KafkaStreams.State.RUNNING
                && streams.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum() == 4);
        List<MimeMessage> mails = awaitMails("pr@replicaco.example", 2);
        assertTrue(mails.get(1).getSubject().startsWith("[Earshot] Update · "), mails.get(1).getSubject());
        Thread.sleep(5000);
        assertEquals(2, Mails.to(greenMail, "pr@replicaco.example").size(), "one opening, one update, nothing twice");
    }

    @Test
    void digestAndEscalationEmailsRenderWithBothParts() throws Exception {
        ScoredMention m = ScoredMentions.of("digestco", "Digest Co", "Meh <b>coffee</b>, getting worse", -0.3, Label.NEGATIVE);
        Alert low = new Alert(1, "drift-digestco-1", 1, m.mention().brand(), Alert.Kind.DRIFT, Alert.Severity.LOW,
                Alert.State.OPEN, new Alert.Reason("sentiment-drift", "The mood is turning.", java.util.Map.of()),
                List.of(m), Instant.now(), Instant.now());
        deliverRetrying(Notification.digest("digestco", List.of(low), 1), "digest-test");
        MimeMessage digest = awaitMails("pr@digestco.example", 1).stream()
                .filter(x -> Mails.subject(x).startsWith("[Earshot] Digest")).findFirst().orElseThrow();
        assertEquals("[Earshot] Digest · Digest Co: 1 low-severity alert", digest.getSubject());
        assertTrue(MailParts.html(digest).contains("&lt;b&gt;coffee&lt;/b&gt;"), MailParts.html(digest));
        assertTrue(MailParts.text(digest).contains("The mood is turning."));

        Alert high = new Alert(1, "instant-digestco-2", 1, m.mention().brand(), Alert.Kind.INSTANT, Alert.Severity.HIGH,
                Alert.State.OPEN, new Alert.Reason("negative-score-threshold", "s", java.util.Map.of()), List.of(m),
                Instant.now(), Instant.now());
        deliverRetrying(Notification.about(high, Notification.Purpose.ESCALATED), "escalation-test");
        MimeMessage escalation = awaitMails("boss@digestco.example", 1).get(0);
        assertEquals("[Earshot] ESCALATED · HIGH · Digest Co: a strongly negative mention", escalation.getSubject());
        assertTrue(MailParts.text(escalation).contains("escalated to you"));
    }

    @Test
    void aBrandOnlyOnTheCatalogTopicGetsItsEmailAndARefusedCatalogRecordIsDeadLettered() {
        // As ingest-service writes a brand added over its API: on the catalog topic only, not in the file.
        String typo = "{\"schemaVersion\":1,\"id\":\"typoco\",\"name\":\"Typo Co\",\"terms\":[\"Typo Co\"],"
                + "\"recipients\":[\"pr@typoco.example\"],\"alerting\":{\"spikeMinCunt\":3}}";
        CatalogBrand api = new CatalogBrand("apico", "Api Co", List.of("Api Co"), List.of("pr@apico.example"));
        kafka.produceStrings().fromRecords(
                new ProducerRecord<>(Topics.CATALOG, CatalogRecord.brandKey("typoco"), typo),
                new ProducerRecord<>(Topics.CATALOG, CatalogRecord.brandKey("apico"), EventJson.writeString(api)))
                .awaitCompletion();
        ConsumerRecord<String, String> dead = kafka.consumeStrings().fromTopics(Topics.CATALOG_DLQ)
                .awaitRecords(1, Duration.ofSeconds(30)).getFirstRecord();
        assertEquals(typo, dead.value(), "the refused record, as it was written");
        String reason = KafkaCompanion.getHeader(dead.headers(), "dead-letter-reason");
        assertTrue(reason.contains("spikeMinCunt"), reason);

        ScoredMention furious = ScoredMentions.of("apico", "Api Co", "Cold food, rude staff and a dirty table. Awful!",
                -0.9, Label.NEGATIVE);
        // The view reads the topic on its own thread: the brand arrives a moment after its record is written.
        await().atMost(Duration.ofSeconds(30)).until(() -> catalog.recipients("apico").contains("pr@apico.example"));
        send(furious, Instant.now());
        MimeMessage mail = awaitMails("pr@apico.example", 1).get(0);
        assertEquals("[Earshot] HIGH · Api Co: a strongly negative mention", Mails.subject(mail));
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopicAndTheNextOneIsStillHandled() {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTIONS_SCORED, "dlqco", "{oops"))
                .awaitCompletion();
        var dlq = kafka.consumeStrings().fromTopics(Topics.MENTIONS_SCORED_DLQ);
        // Other tests dead-letter records too: this one is found by its value, as it was sent.
        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30)).until(() -> dlq.getRecords()
                .stream().filter(r -> "{oops".equals(r.value())).findFirst(), java.util.Optional::isPresent).get();
        dlq.stop();
        String reason = KafkaCompanion.getHeader(dead.headers(), "dead-letter-reason");
        assertNotNull(reason);
        assertTrue(reason.contains("not a ScoredMention"), reason);
    }

    @Test
    void readsNeedTheReadOrApiTokenWhileHealthAndAckPagesStayOpen() {
        given().get("/api/incidents").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer not-the-token").get("/api/incidents").then().statusCode(401);
        reader().get("/api/incidents").then().statusCode(200);
        staff().get("/api/incidents").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(401);
        reader().get("/q/metrics").then().statusCode(200).body(containsString("earshot_access_refused_total"))
                .body(containsString("kafka_stream_")); // Kafka Streams' own metrics, bound by the extension
        given().get("/q/openapi").then().statusCode(401);
        // Liveness: the extension's Kafka Streams state check beside this service's crash-loop check.
        given().get("/q/health/live").then().statusCode(200).body(containsString("Kafka Streams state health check"))
                .body(containsString("kafka-streams-thread"));
        given().get("/ack/not-a-token").then().statusCode(403).body(containsString("This link is not valid"));
    }

    @Test
    void hostileCommandsOnTheCommandsTopicAreDeadLetteredAndAlertingGoesOn() {
        send(ScoredMentions.of("cmdco", "Command Co", "Rude staff, they shouted at my kid. Awful!", -0.9,
                Label.NEGATIVE), Instant.now());
        String incident = Mails.header(awaitMails("pr@cmdco.example", 1).get(0), AlertMailer.INCIDENT_HEADER);
        String at = Instant.now().toString();
        List<String> hostile = List.of(
                "{\"incidentId\":\"" + incident + "\",\"brandId\":\"cmdco\",\"action\":null,\"snoozeMinutes\":0,"
                        + "\"at\":\"" + at + "\"}",
                "{\"incidentId\":\"" + incident + "\",\"brandId\":\"cmdco\",\"action\":\"EXPLODE\",\"at\":\"" + at + "\"}",
                "{\"brandId\":\"cmdco\",\"action\":\"RESOLVE\",\"snoozeMinutes\":0,\"at\":\"" + at + "\"}",
                "resolve it all",
                // What anyone who can write to the topic could send before: a well-formed, unsigned resolve.
                "{\"incidentId\":\"" + incident + "\",\"brandId\":\"cmdco\",\"action\":\"RESOLVE\",\"by\":\"mallory\","
                        + "\"snoozeMinutes\":0,\"at\":\"" + at + "\"}");
        var dlq = kafka.consumeStrings().fromTopics(Topics.MENTIONS_SCORED_DLQ);
        for (String value : hostile) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(IncidentCommand.TOPIC, "cmdco", value))
                    .awaitCompletion();
        }
        ScoredMention after = ScoredMentions.of("nextco", "Next Co", "Mouldy bread and a rude reply. Awful!",
                -0.9, Label.NEGATIVE);
        send(after, Instant.now());
        assertTrue(awaitMails("pr@nextco.example", 1).stream().anyMatch(m -> ("instant-nextco-" + after.mention().id())
                .equals(Mails.header(m, AlertMailer.INCIDENT_HEADER))), "alerting goes on after the hostile commands");
        List<ConsumerRecord<String, String>> refused = await().atMost(Duration.ofSeconds(30)).until(() -> dlq
                .getRecords().stream().filter(r -> IncidentCommand.TOPIC.equals(
                        KafkaCompanion.getHeader(r.headers(), "dead-letter-topic"))).toList(), l -> l.size() >= 5);
        dlq.stop();
        assertEquals(hostile, refused.stream().map(ConsumerRecord::value).toList(), "each one, as it arrived");
        List<String> reasons = refused.stream().map(r -> KafkaCompanion.getHeader(r.headers(), "dead-letter-reason"))
                .toList();
        assertTrue(reasons.get(0).startsWith("incident command refused (bad-action)"), reasons.toString());
        assertTrue(reasons.get(4).startsWith("incident command refused (unsigned)"), reasons.toString());
        reader().get("/api/incidents/" + incident).then().statusCode(200).body("state", equalTo("open"));
        reader().get("/q/metrics").then().body(containsString("earshot_alerts_commands_refused_total{reason=\"unsigned\"}"));
    }

    @Test
    void aScoredMentionWithALineBreakInItsIdIsDeadLetteredAndNeverReachesAMailHeader() {
        ScoredMention good = ScoredMentions.of("crlfco", "CRLF Co", "Rude, slow and dirty. Awful!", -0.9,
                Label.NEGATIVE);
        String hostile = EventJson.writeString(good).replace(good.mention().id(), "abc\\r\\nBcc: evil@x");
        assertTrue(hostile.contains("abc\\r\\nBcc"), hostile);
        var dlq = kafka.consumeStrings().fromTopics(Topics.MENTIONS_SCORED_DLQ);
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.MENTIONS_SCORED, "crlfco", hostile))
                .awaitCompletion();
        ScoredMention later = ScoredMentions.of("crlfco", "CRLF Co", "Charged twice and nobody answers. Awful!", -0.9,
                Label.NEGATIVE);
        send(later, Instant.now());
        List<MimeMessage> mails = awaitMails("pr@crlfco.example", 1);
        assertEquals("instant-crlfco-" + later.mention().id(), Mails.header(mails.get(0), AlertMailer.INCIDENT_HEADER),
                "the later good mention still alerts");
        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30)).until(() -> dlq.getRecords()
                .stream().filter(r -> hostile.equals(r.value())).findFirst(), java.util.Optional::isPresent).get();
        dlq.stop();
        assertTrue(KafkaCompanion.getHeader(dead.headers(), "dead-letter-reason").contains("not 32 hex digits"));
        assertEquals(1, Mails.to(greenMail, "pr@crlfco.example").size(), "no email for the hostile record");
        assertEquals(0, Mails.to(greenMail, "evil@x").size());
    }

    @Test
    void theMailerNeverPutsALineBreakIntoAHeaderWhateverItIsGiven() throws Exception {
        ScoredMention m = ScoredMentions.of("hdrco", "Header Co", "Rude. Awful!", -0.9, Label.NEGATIVE);
        deliverRetrying(alertAbout("instant-hdrco-1\r\nBcc: evil@x", m), "instant-hdrco-1\r\nBcc: evil3@x#email");
        MimeMessage mail = awaitMails("pr@hdrco.example", 1).get(0);
        assertEquals("instant-hdrco-1  Bcc: evil@x", Mails.header(mail, AlertMailer.INCIDENT_HEADER));
        assertEquals("instant-hdrco-1  Bcc: evil3@x#email", Mails.header(mail, AlertMailer.DELIVERY_HEADER));
        assertEquals(null, mail.getHeader("Bcc"));

        // A line break in the subject (from a brand name) is refused by the mail client: the email would never go.
        ScoredMention named = ScoredMentions.of("hdrco", "Header Co\r\nBcc: evil2@x", "Rude. Awful!", -0.9,
                Label.NEGATIVE);
        deliverRetrying(alertAbout("instant-hdrco-2", named), "instant-hdrco-2#email");
        MimeMessage second = awaitMails("pr@hdrco.example", 2).get(1);
        assertEquals("[Earshot] HIGH · Header Co  Bcc: evil2@x: a strongly negative mention", Mails.subject(second));
        Thread.sleep(1000);
        for (String evil : List.of("evil@x", "evil2@x", "evil3@x")) {
            assertEquals(0, Mails.to(greenMail, evil).size(), evil);
        }
    }

    private static Notification alertAbout(String incidentId, ScoredMention m) {
        Alert alert = new Alert(1, incidentId, 1, m.mention().brand(), Alert.Kind.INSTANT, Alert.Severity.HIGH,
                Alert.State.OPEN, new Alert.Reason("r", "s", java.util.Map.of()), List.of(m), Instant.now(),
                Instant.now());
        return Notification.about(alert, Notification.Purpose.OPENED);
    }

    @Test
    void anAcknowledgeLinkWorksOnceAndNotForTheAlertAfterARepoen() {
        send(ScoredMentions.of("onceco", "Once Co", "Found a hair in my soup and they laughed. Awful!", -0.95,
                Label.NEGATIVE), Instant.now());
        MimeMessage first = awaitMails("pr@onceco.example", 1).get(0);
        String incident = Mails.header(first, AlertMailer.INCIDENT_HEADER);
        String link = ackToken(first);
        given().post("/ack/" + link).then().statusCode(200).body(containsString("Acknowledged"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> reader().get("/api/incidents/" + incident).then()
                .body("state", equalTo("acknowledged")));
        given().post("/ack/" + link).then().statusCode(409).body(containsString("already used"));
        given().get("/ack/" + link).then().statusCode(409).body(containsString("already used"));

        staff().post("/api/incidents/" + incident + "/resolve").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> reader().get("/api/incidents/" + incident).then()
                .body("state", equalTo("resolved")));
        send(ScoredMentions.of("onceco", "Once Co", "Another hair in the soup today, and rude again. Awful!", -0.95,
                Label.NEGATIVE), Instant.now());
        MimeMessage reopened = awaitMails("pr@onceco.example", 2).get(1);
        assertTrue(Mails.subject(reopened).startsWith("[Earshot] Re-opened · "), Mails.subject(reopened));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> reader().get("/api/incidents/" + incident).then()
                .body("state", equalTo("open")));

        given().post("/ack/" + link).then().statusCode(409).body(containsString("for an earlier alert"));
        reader().get("/api/incidents/" + incident).then().body("state", equalTo("open"));
        given().post("/ack/" + ackToken(reopened)).then().statusCode(200).body(containsString("Acknowledged"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> reader().get("/api/incidents/" + incident).then()
                .body("state", equalTo("acknowledged")));
    }

    private static String ackToken(MimeMessage mail) {
        Matcher m = Pattern.compile("/ack/([A-Za-z0-9_.-]+)").matcher(MailParts.text(mail));
        assertTrue(m.find(), MailParts.text(mail));
        return m.group(1);
    }

    @Test
    void aStormOfVeryLongMentionsIsAlertedAndTheNextBrandStillFlows() {
        // Five furious mentions of ~300 KB each: an incident carrying them whole would be a 1.5 MB record.
        String filler = " The queue did not move and nobody answered the phone.".repeat(5_500);
        Instant now = Instant.now();
        for (int i = 0; i < 5; i++) {
            send(ScoredMentions.of("bigco", "Big Co", "Rude staff, cold food, awful, visit " + i + "." + filler, -0.9,
                    Label.NEGATIVE), now.plusMillis(i));
        }
        MimeMessage mail = awaitMails("pr@bigco.example", 1).get(0);
        assertTrue(MailParts.text(mail).contains("Rude staff, cold food, awful, visit"), "the lead mention's excerpt");
        var alerts = kafka.consumeStrings().fromTopics(Topics.ALERTS);
        List<Alert> revisions = await().atMost(Duration.ofSeconds(30)).until(() -> alerts.getRecords().stream()
                .filter(r -> r.key().startsWith("instant-bigco-")).map(r -> EventJson.read(r.value(), Alert.class))
                .toList(), l -> !l.isEmpty());
        alerts.stop();
        assertTrue(revisions.get(0).mentions().get(0).mention().text().length() < 10_000,
                "alerts carry a bounded excerpt; the full text stays on mentions-scored");

        ScoredMention next = ScoredMentions.of("afterbigco", "After Big Co", "Charged twice and nobody helps. Awful!",
                -0.9, Label.NEGATIVE);
        send(next, Instant.now());
        assertEquals("instant-afterbigco-" + next.mention().id(),
                Mails.header(awaitMails("pr@afterbigco.example", 1).get(0), AlertMailer.INCIDENT_HEADER),
                "the next brand's alert still flows");
    }

    /** The read token of the test profile. */
    static final String READ_TOKEN = "test-read-token-0123456789";
    static final String API_TOKEN = "test-api-token-0123456789";

    private static io.restassured.specification.RequestSpecification reader() {
        return given().auth().oauth2(READ_TOKEN);
    }

    private static io.restassured.specification.RequestSpecification staff() {
        return given().auth().oauth2(API_TOKEN);
    }

    /** Sends through the real mailer, again should the first try fail on a pooled SMTP connection from before the outage test. */
    private void deliverRetrying(Notification n, String deliveryId) {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            mailer.deliver(n, deliveryId);
            return true;
        });
    }

    private void send(ScoredMention scored, Instant at) {
        kafka.produceStrings().fromRecords(record(scored, at)).awaitCompletion();
    }

    private static ProducerRecord<String, String> record(ScoredMention scored, Instant at) {
        return new ProducerRecord<>(Topics.MENTIONS_SCORED, null, at.toEpochMilli(), scored.mention().brand().id(),
                EventJson.writeString(scored));
    }

    private List<MimeMessage> awaitMails(String address, int count) {
        return await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                .until(() -> Mails.to(greenMail, address), m -> m.size() >= count);
    }
}
