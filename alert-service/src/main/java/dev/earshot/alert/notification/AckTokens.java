package dev.earshot.alert.notification;

import dev.earshot.alert.config.AlertKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed, expiring tokens for the acknowledge link in alert emails: {@code payload.signature}, the
 * payload being the incident id, the brand id, the incident revision the email was about and the
 * expiry, the signature an HMAC-SHA256 with the links key of {@link AlertKeys}. Anyone holding the
 * email can acknowledge; nobody can forge a link for another incident or revision, or use it after it
 * expires. Whether the revision is still in the incident's current episode, and whether the link was
 * used, is {@link AckLinks}' decision.
 */
public final class AckTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** What a valid token names. */
    public record Claim(String incidentId, String brandId, int revision, Instant expires) {
    }

    private final byte[] key;
    private final Duration ttl;

    public AckTokens(byte[] key, Duration ttl) {
        if (key.length < 16) {
            throw new IllegalArgumentException("the acknowledge-link key needs at least 16 bytes");
        }
        this.key = key.clone();
        this.ttl = ttl;
    }

    public String issue(String incidentId, String brandId, int revision, Instant now) {
        String payload = incidentId + "\n" + brandId + "\n" + revision + "\n" + now.plus(ttl).getEpochSecond();
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
        if (!MessageDigest.isEqual(sign(encoded), given) || parts.length != 4) {
            return Optional.empty();
        }
        int revision;
        Instant expires;
        try {
            revision = Integer.parseInt(parts[2]);
            expires = Instant.ofEpochSecond(Long.parseLong(parts[3]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return now.isBefore(expires) ? Optional.of(new Claim(parts[0], parts[1], revision, expires)) : Optional.empty();
    }

    private byte[] sign(String encoded) {
        return AlertKeys.hmac(key, encoded.getBytes(StandardCharsets.US_ASCII));
    }
}
