package dev.earshot.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void keepsTheAddressAndSecuritySettingsAndDropsClientSettings() {
        KafkaConnection c = KafkaConnection.from(Map.of("bootstrap.servers", "kafka:9094",
                "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"a\" password=\"secret-pw\";",
                "ssl.truststore.location", "/tls/truststore.p12", "auto.offset.reset", "earliest"));
        Properties p = c.properties();
        assertEquals("kafka:9094", p.get("bootstrap.servers"));
        assertEquals("SASL_SSL", p.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"));
        assertEquals("/tls/truststore.p12", p.get("ssl.truststore.location"));
        assertNull(p.get("auto.offset.reset"), "client settings stay with their client");
        assertFalse(c.toString().contains("secret-pw"), c.toString());
        assertTrue(c.toString().contains("SASL_SSL"));
    }

    @Test
    void eachClientGetsItsOwnCopyAndAnAddressByDefault() {
        KafkaConnection c = KafkaConnection.from(Map.of());
        assertEquals("localhost:9092", c.bootstrapServers());
        c.properties().put("group.id", "x");
        assertNull(c.properties().get("group.id"));
        assertEquals("127.0.0.1:1", KafkaConnection.plaintext("127.0.0.1:1").bootstrapServers());
    }
}
