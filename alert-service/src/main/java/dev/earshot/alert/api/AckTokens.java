package dev.earshot.alert.api;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring tokens for the acknowledge link in alert emails: {@code payload.signature}, the
 * payload being the incident id, the brand id and the expiry, the signature an HMAC-SHA256 with a
 * server secret. Anyone holding the email can acknowledge; nobody can forge a link for another
 * incident or use it after it expires.
 */
public final class AckTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** What a valid token names. */
    public record Claim(String incidentId, String brandId, Instant expires) {
    }

    private final byte[] secret;
    private final Duration ttl;

    public AckTokens(byte[] secret, Duration ttl) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the acknowledge-link secret needs at least 16 bytes");
        }
        this.secret = secret.clone();
        this.ttl = ttl;
    }

    public String issue(String incidentId, String brandId, Instant now) {
        String payload = incidentId + "\n" + brandId + "\n" + now.plus(ttl).getEpochSecond();
        String encoded = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + B64.encodeToString(sign(encoded));
    }

    /** The claim of a well-signed, unexpired token; empty for anything else. */
    public Optional<Claim> verify(String token, Instant now) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        byte[] given;
        String[] parts;
        try {
            given = B64D.decode(token.substring(dot + 1));
            parts = new String(B64D.decode(encoded), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(sign(encoded), given) || parts.length != 3) {
            return Optional.empty();
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return now.isBefore(expires) ? Optional.of(new Claim(parts[0], parts[1], expires)) : Optional.empty();
    }

    private byte[] sign(String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
