package dev.earshot.alert.config;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys alert-service signs with, all derived from its one secret ({@code EARSHOT_ACK_SECRET}): one for the
 * acknowledge links in emails, one for the staff commands it writes to its commands topic. Each is an
 * HMAC-SHA256 of the secret over its purpose's name, so a signature made for one purpose never passes for the
 * other, and rotating the secret rotates both.
 */
public final class AlertKeys {

    private final byte[] ackLinks;
    private final byte[] commands;

    private AlertKeys(byte[] secret) {
        this.ackLinks = derive(secret, "earshot alert-service acknowledge links v2");
        this.commands = derive(secret, "earshot alert-service incident commands v1");
    }

    /** From the configured secret (already checked as usable). */
    public static AlertKeys from(String secret) {
        return new AlertKeys(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A random secret for this process only: links and commands signed by another process are refused. */
    public static AlertKeys random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new AlertKeys(secret);
    }

    public byte[] ackLinks() {
        return ackLinks.clone();
    }

    public byte[] commands() {
        return commands.clone();
    }

    /** HMAC-SHA256 of {@code data} with {@code key}. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] derive(byte[] secret, String purpose) {
        return hmac(secret, purpose.getBytes(StandardCharsets.UTF_8));
    }
}
