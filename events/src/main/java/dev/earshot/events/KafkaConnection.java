package dev.earshot.events;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How a service reaches Kafka: the address and the security settings ({@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}). Every client a service builds by hand starts from {@link #properties()}, so a SASL/TLS cluster
 * needs the settings once (as {@code kafka.*} properties or {@code KAFKA_*} variables), not once per client.
 */
public final class KafkaConnection {

    static final String DEFAULT_BOOTSTRAP = "localhost:9092";

    private final Map<String, Object> settings;

    private KafkaConnection(Map<String, Object> settings) {
        this.settings = Map.copyOf(settings);
    }

    /** A broker without authentication, as in the tests and the local run. */
    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(Map.of("bootstrap.servers", bootstrapServers));
    }

    /**
     * Keeps the connection settings of a service's Kafka configuration (Quarkus' {@code default-kafka-broker} map,
     * keys without the {@code kafka.} prefix) and drops the rest, which belongs to particular clients.
     */
    public static KafkaConnection from(Map<String, ?> kafkaConfig) {
        Map<String, Object> kept = new TreeMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (value != null && isConnectionSetting(key)) {
                kept.put(key, value);
            }
        });
        kept.putIfAbsent("bootstrap.servers", DEFAULT_BOOTSTRAP);
        return new KafkaConnection(kept);
    }

    static boolean isConnectionSetting(String key) {
        return key.equals("bootstrap.servers") || key.equals("security.protocol") || key.equals("client.dns.lookup")
                || key.startsWith("sasl.") || key.startsWith("ssl.");
    }

    public String bootstrapServers() {
        return String.valueOf(settings.get("bootstrap.servers"));
    }

    /** A fresh copy for one client, to which the client adds its own settings. */
    public Properties properties() {
        Properties p = new Properties();
        p.putAll(settings);
        return p;
    }

    /** For log lines: the address and protocol, never a password. */
    @Override
    public String toString() {
        return bootstrapServers() + " (" + settings.getOrDefault("security.protocol", "PLAINTEXT") + ")";
    }
}
