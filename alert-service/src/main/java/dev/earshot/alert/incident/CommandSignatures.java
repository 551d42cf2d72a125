package dev.earshot.alert.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.earshot.alert.config.AlertKeys;
import dev.earshot.events.EventJson;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Signs the commands this service writes and checks them where the stream reads them: Kafka ACLs are the
 * first wall around the commands topic, this is the second (a record written by anyone else is refused).
 * The signature is an HMAC-SHA256, with the commands key of {@link AlertKeys}, over the command's JSON
 * without its signature.
 */
public final class CommandSignatures {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;

    public CommandSignatures(byte[] key) {
        this.key = key.clone();
    }

    public IncidentCommand sign(IncidentCommand command) {
        return command.withSignature(B64.encodeToString(mac(command)));
    }

    /** Whether the command carries this service's signature over exactly what it says. */
    public boolean verify(IncidentCommand command) {
        if (command.signature() == null) {
            return false;
        }
        byte[] given;
        try {
            given = B64D.decode(command.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(command), given);
    }

    private byte[] mac(IncidentCommand command) {
        try {
            return AlertKeys.hmac(key, EventJson.mapper().writeValueAsBytes(command.withSignature(null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a command", e);
        }
    }
}
