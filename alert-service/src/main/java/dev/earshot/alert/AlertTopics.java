package dev.earshot.alert;

import dev.earshot.alert.config.AlertConfig;
import dev.earshot.alert.incident.IncidentCommand;
import dev.earshot.alert.messaging.StateFolder;
import dev.earshot.alert.notification.Notification;
import dev.earshot.events.KafkaConnection;
import dev.earshot.events.TopicTable;
import dev.earshot.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Claims the Kafka Streams state folder for this Kafka cluster ({@link StateFolder}) and creates the topics
 * alert-service reads when they are missing, at start, before Kafka Streams starts (the
 * extension waits for its input topics) and before the delivery worker subscribes. The commands topic must be
 * co-partitioned with {@code mentions-scored}, so a command reaches the task that owns the incident.
 */
@Singleton
public class AlertTopics {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConnection kafka;
    private final int partitions;
    private final String applicationId;
    private final Path stateDir;

    public AlertTopics(KafkaConnection kafka, AlertConfig config,
            @ConfigProperty(name = "kafka-streams.state.dir") Path stateDir) {
        this.kafka = kafka;
        this.partitions = config.streams().partitions();
        this.applicationId = config.streams().applicationId();
        this.stateDir = stateDir;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        ensure();
    }

    public void ensure() {
        try (Admin admin = Admin.create(kafka.properties())) {
            // Before Kafka Streams opens its state folder (the extension starts it after this observer).
            StateFolder.claim(stateDir, applicationId,
                    admin.describeCluster().clusterId().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            create(admin, Topics.MENTIONS_SCORED, partitions);
            create(admin, Topics.MONITORS, partitions);
            create(admin, Notification.TOPIC, partitions);
            // Where every record it cannot act on goes: the stream and the delivery worker must never wait for it.
            create(admin, Topics.MENTIONS_SCORED_DLQ, partitions);
            // ingest-service writes the catalog; alert-service reads it from the start, so it may be first.
            create(admin, TopicTable.topic(Topics.CATALOG));
            create(admin, TopicTable.topic(Topics.CATALOG_DLQ));
            int mentionPartitions = partitions(admin, Topics.MENTIONS_SCORED);
            create(admin, IncidentCommand.TOPIC, mentionPartitions);
            int commandPartitions = partitions(admin, IncidentCommand.TOPIC);
            if (commandPartitions != mentionPartitions) {
                throw new IllegalStateException(IncidentCommand.TOPIC + " has " + commandPartitions
                        + " partitions but " + Topics.MENTIONS_SCORED + " has " + mentionPartitions
                        + ": they must match so commands reach the task that owns the incident");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot reach Kafka at " + kafka + " to set up topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up topics", e);
        }
    }

    /** The topic's partition count; a topic just created may take a moment to be described. */
    private static int partitions(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return described.get(topic).partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static void create(Admin admin, TopicTable.Topic t)
            throws InterruptedException, ExecutionException, TimeoutException {
        create(admin, new NewTopic(t.name(), Optional.of(t.partitions()), Optional.empty()).configs(t.configs()));
    }

    private static void create(Admin admin, String topic, int partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        create(admin, new NewTopic(topic, Optional.of(partitions), Optional.empty()));
    }

    private static void create(Admin admin, NewTopic topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (existing.contains(topic.name())) {
            return;
        }
        try {
            admin.createTopics(List.of(topic)).all()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
