package dev.earshot.alert.messaging;

import dev.earshot.events.KafkaConnection;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The one Kafka connection every client of this service starts from: Quarkus collects the {@code kafka.*} settings
 * (and {@code KAFKA_*} variables) into the {@code default-kafka-broker} map, which the messaging channel uses too.
 */
public class KafkaConnectionProducer {

    @Produces
    @Singleton
    KafkaConnection kafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        return KafkaConnection.from(kafkaConfig);
    }
}
