package dev.earshot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.events.TopicTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grants of deploy/kafka/create-acls.sh, on a broker that enforces ACLs: each principal can do
 * what its service does (the same kinds of clients, groups, topics and, for alert-service, Kafka
 * Streams with exactly-once and a changelog-backed store) and nothing that lets it steer incidents.
 * The script's own kafka-acls.sh calls are read here as the ACLs they create.
 */
class KafkaAclsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;
    static SecureKafkaBroker broker;
    static final Map<String, String> PASSWORDS = new HashMap<>();

    @BeforeAll
    static void brokerWithTheScriptsTopicsUsersAndAcls() throws Exception {
        broker = SecureKafkaBroker.start(work);
        try (Admin admin = Admin.create(broker.admin())) {
            List<NewTopic> topics = new ArrayList<>();
            for (TopicTable.Topic t : TopicTable.all()) { // what deploy/kafka/create-topics.sh creates
                topics.add(new NewTopic(t.name(), Optional.of(2), Optional.empty()));
            }
            admin.createTopics(topics).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            for (String user : List.of("ingest-service", "sentiment-service", "alert-service", "topic-browser")) {
                PASSWORDS.put(user, java.util.UUID.randomUUID().toString());
                users.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORDS.get(user)));
            }
            admin.alterUserScramCredentials(new ArrayList<>(users)).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            List<AclBinding> acls = AclScript.bindings(Files.readString(ROOT.resolve("deploy/kafka/create-acls.sh")));
            assertTrue(acls.size() > 20, acls.toString());
            admin.createAcls(acls).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        for (String user : PASSWORDS.keySet()) {
            awaitCredentialsAndGrants(user);
        }
    }

    /**
     * The broker applies new SCRAM credentials and ACLs from its metadata log a moment after the Admin call returns;
     * a user sees a topic only once both are applied (the grants were written after the credentials).
     */
    private static void awaitCredentialsAndGrants(String user) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = Admin.create(as(user))) {
                if (!admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                last = e;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(user + " could not log in and see its topics within " + WAIT, last);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void ingestServiceCreatesItsStateTopicsPublishesAndSharesSources() throws Exception {
        Properties p = as("ingest-service");
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic("earshot-ingest-new-state", Optional.of(1), Optional.empty())))
                    .all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, "earshot-ingest-published"),
                    List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "2592000000"), AlterConfigOp.OpType.SET))))
                    .all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        for (String topic : List.of("mentions", "monitors", "earshot-ingest-published", "catalog", "catalog-dlq")) {
            produce(p, topic);
        }
        readFromTheBeginning(p, "catalog");
        readFromTheBeginning(p, "earshot-ingest-published");
        joinGroupAndCommit(p, "earshot-ingest-pollers", "earshot-ingest-shards");
    }

    @Test
    void sentimentServiceReadsMentionsInItsGroupAndWritesScoresAndDeadLetters() throws Exception {
        Properties p = as("sentiment-service");
        joinGroupAndCommit(p, "sentiment-service", "mentions");
        produce(p, "mentions-scored");
        produce(p, "mentions-dlq");
        produce(p, "sentiment-feedback");
    }

    @Test
    void alertServiceRunsKafkaStreamsExactlyOnceAndItsDeliveryWorker() throws Exception {
        Properties p = as("alert-service");
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster().clusterId().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Set<String> visible = admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(visible.containsAll(List.of("mentions-scored", "monitors", "alert-service-incident-commands")),
                    "alert-service's Kafka Streams must see its input topics, or it tries to create them: " + visible);
            admin.describeTopics(List.of("mentions-scored", "alert-service-incident-commands")).allTopicNames()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        produce(p, "mentions-scored-dlq");
        readFromTheBeginning(p, "catalog");
        produce(p, "catalog-dlq");
        Properties streams = new Properties();
        streams.putAll(p);
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-service");
        streams.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        streams.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(work, "streams").toString());
        streams.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "200");
        streams.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        streams.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        // The shape of AlertTopology: scores and commands in, a changelog-backed store, alerts,
        // dead letters and notifications out; monitors in.
        StreamsBuilder b = new StreamsBuilder();
        KStream<String, String> in = b.stream(List.of("mentions-scored", "alert-service-incident-commands"));
        in.groupByKey().count(Materialized.as("incidents")).toStream().mapValues(String::valueOf).to("alerts");
        in.to("mentions-scored-dlq");
        b.<String, String>stream("monitors").to("alert-service-notifications");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (KafkaStreams ks = new KafkaStreams(b.build(), streams)) {
            ks.setUncaughtExceptionHandler(e -> {
                failure.set(e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
            ks.start();
            produce(p, "alert-service-incident-commands"); // as its REST API and acknowledge links do
            try (KafkaConsumer<String, String> alerts = consumer(as("topic-browser"), null)) {
                List<TopicPartition> parts = partitions(alerts, "alerts");
                alerts.assign(parts);
                alerts.seekToBeginning(parts);
                long deadline = System.nanoTime() + WAIT.toNanos();
                int seen = 0;
                while (seen == 0 && failure.get() == null && System.nanoTime() < deadline) {
                    seen += alerts.poll(Duration.ofMillis(500)).count();
                }
                assertEquals(null, failure.get(), "Kafka Streams failed under the ACLs");
                assertTrue(seen > 0, "no alert committed by the exactly-once application within " + WAIT);
            }
        }
        // The delivery worker: its own group, and the Streams group's offsets (read once when upgrading).
        joinGroupAndCommit(p, "alert-service-outbox", "alert-service-notifications");
        try (Admin admin = Admin.create(p)) {
            admin.listConsumerGroupOffsets("alert-service").partitionsToOffsetAndMetadata()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        produce(p, "alert-service-outbox-sent");
        readFromTheBeginning(p, "alert-service-outbox-sent");
    }

    @Test
    void topicBrowserReadsEverythingAndWritesNothing() throws Exception {
        Properties p = as("topic-browser");
        try (Admin admin = Admin.create(p)) {
            assertTrue(admin.listTopics().names().get(WAIT.toSeconds(), TimeUnit.SECONDS).contains("mentions"));
            admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "mentions"))).all()
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        readFromTheBeginning(p, "mentions");
        assertRefused(() -> produce(p, "alerts"));
    }

    @Test
    void onlyAlertServiceCanSendStaffCommands() {
        for (String user : List.of("ingest-service", "sentiment-service", "topic-browser")) {
            assertRefused(() -> produce(as(user), "alert-service-incident-commands"));
        }
        assertRefused(() -> produce(as("sentiment-service"), "alerts"));
        assertRefused(() -> produce(as("ingest-service"), "mentions-scored"));
    }

    private static Properties as(String user) {
        return broker.as(user, PASSWORDS.get(user));
    }

    /**
     * The broker's refusal surfaces either through the send's future (topic write denied) or from
     * {@code send()} itself once the idempotent producer was denied its producer id; which comes
     * first is a race, so look for the authorization error anywhere in the cause chain.
     */
    private static void assertRefused(ThrowingRunnable send) {
        Exception e = assertThrows(Exception.class, send::run);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthorizationException) {
                return;
            }
        }
        throw new AssertionError("refused, but not by the broker's authorizer: " + e, e);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** As every Earshot producer: idempotent, all replicas acknowledge. */
    private static void produce(Properties p, String topic) throws Exception {
        Properties c = new Properties();
        c.putAll(p);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(c, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "northwind", "{}")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static KafkaConsumer<String, String> consumer(Properties p, String group) {
        Properties c = new Properties();
        c.putAll(p);
        if (group != null) {
            c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    }

    /** As the services' state readers: no group, assigned every partition. */
    private static void readFromTheBeginning(Properties p, String topic) {
        try (KafkaConsumer<String, String> c = consumer(p, null)) {
            List<TopicPartition> parts = partitions(c, topic);
            c.assign(parts);
            c.seekToBeginning(parts);
            c.poll(Duration.ofSeconds(1));
            parts.forEach(c::position); // fails when the topic may not be read
        }
    }

    private static void joinGroupAndCommit(Properties p, String group, String topic) {
        try (KafkaConsumer<String, String> c = consumer(p, group)) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (c.assignment().isEmpty() && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(500));
            }
            assertTrue(!c.assignment().isEmpty(), group + " got no partitions of " + topic);
            c.commitSync();
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
        return c.partitionsFor(topic, WAIT).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    /** Reads create-acls.sh's {@code allow "$PRINCIPAL" --operation ... --topic|--group|--transactional-id|--cluster} lines. */
    static final class AclScript {
        private static final Pattern PRINCIPAL = Pattern.compile("^([A-Z]+)=(User:\\S+)$", Pattern.MULTILINE);
        private static final Pattern ALLOW = Pattern.compile("^allow \"\\$([A-Z]+)\" (.+?)$", Pattern.MULTILINE);

        static List<AclBinding> bindings(String script) {
            Map<String, String> principals = new HashMap<>();
            Matcher m = PRINCIPAL.matcher(script);
            while (m.find()) {
                principals.put(m.group(1), m.group(2));
            }
            List<AclBinding> acls = new ArrayList<>();
            Matcher allow = ALLOW.matcher(script.replace("\\\n", " "));
            while (allow.find()) {
                String principal = principals.get(allow.group(1));
                List<String> args = Arrays.stream(allow.group(2).trim().split("\\s+")).map(a -> a.replace("'", "")).toList();
                List<AclOperation> operations = new ArrayList<>();
                PatternType pattern = PatternType.LITERAL;
                ResourcePattern resource = null;
                for (int i = 0; i < args.size(); i++) {
                    switch (args.get(i)) {
                        case "--operation" -> operations.add(operation(args.get(++i)));
                        case "--resource-pattern-type" -> pattern = PatternType.valueOf(args.get(++i).toUpperCase(java.util.Locale.ROOT));
                        case "--topic" -> resource = new ResourcePattern(ResourceType.TOPIC, args.get(++i), pattern);
                        case "--group" -> resource = new ResourcePattern(ResourceType.GROUP, args.get(++i), pattern);
                        case "--transactional-id" -> resource = new ResourcePattern(ResourceType.TRANSACTIONAL_ID, args.get(++i), pattern);
                        case "--cluster" -> resource = new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL);
                        default -> throw new IllegalArgumentException("create-acls.sh: unknown argument " + args.get(i));
                    }
                }
                for (AclOperation op : operations) {
                    acls.add(new AclBinding(resource, new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
                }
            }
            return acls;
        }

        private static AclOperation operation(String name) {
            return Arrays.stream(AclOperation.values()).filter(o -> o.name().replace("_", "").equalsIgnoreCase(name))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown ACL operation " + name));
        }
    }
}
