package dev.earshot.console.intake;

import dev.earshot.events.KafkaConnection;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/** The Kafka connection (address and security) from the {@code kafka.*} settings, for the hand-built clients. */
public class KafkaConnectionProducer {

    @Produces
    @Singleton
    KafkaConnection kafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        return KafkaConnection.from(kafkaConfig);
    }
}
