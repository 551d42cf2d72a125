package dev.earshot.sentiment;

import dev.earshot.events.KafkaConnection;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The one Kafka connection the scoring loop and the feedback producer start from: Quarkus collects the
 * {@code kafka.*} settings (and {@code KAFKA_*} variables), security included, into {@code default-kafka-broker}.
 */
public class KafkaConnectionProducer {

    @Produces
    @Singleton
    KafkaConnection kafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        return KafkaConnection.from(kafkaConfig);
    }
}
