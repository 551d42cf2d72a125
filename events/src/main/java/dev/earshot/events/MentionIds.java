package dev.earshot.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Derives a mention's identity from what it is, so the same review polled twice, after a restart
 * or by two replicas always gets the same id.
 */
public final class MentionIds {

    /**
     * The characters of a text (or title) that its id and content hash read. Normalizing can expand a
     * text up to 18-fold (U+FDFA becomes 18 characters), so a text is cut to this before it is
     * normalized: the cost of an id stays bounded whatever a source sends.
     */
    public static final int MAX_NORMALIZED_CHARS = 100_000;

    private MentionIds() {
    }

    /**
     * The stable id of a mention: source id plus the first of guid, canonical link or normalized
     * text that exists. Editing a review with a guid or link keeps its id (see {@link #contentHash}).
     */
    public static String id(String sourceId, String guid, String link, String text) {
        String identity;
        if (notBlank(guid)) {
            identity = "guid:" + guid.strip();
        } else if (notBlank(link)) {
            identity = "link:" + canonicalLink(link);
        } else {
            identity = "text:" + normalizeText(text);
        }
        return sha256Hex(sourceId + "\n" + identity).substring(0, 32);
    }

    /** Changes whenever the title or text of a mention changes in more than whitespace or case. */
    public static String contentHash(String title, String text) {
        return sha256Hex(normalizeText(title) + "\n" + normalizeText(text)).substring(0, 16);
    }

    /**
     * The form of a link that ignores what does not change the page: scheme and host case,
     * default ports, the fragment and {@code utm_*} tracking parameters.
     */
    public static String canonicalLink(String link) {
        try {
            URI uri = new URI(link.strip()).normalize();
            if (uri.getScheme() == null || uri.getHost() == null) {
                return link.strip();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
                port = -1;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            StringBuilder out = new StringBuilder(scheme).append("://")
                    .append(uri.getHost().toLowerCase(Locale.ROOT));
            if (port != -1) {
                out.append(':').append(port);
            }
            out.append(path);
            String query = withoutTracking(uri.getRawQuery());
            if (!query.isEmpty()) {
                out.append('?').append(query);
            }
            return out.toString();
        } catch (URISyntaxException e) {
            return link.strip();
        }
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String param : rawQuery.split("&")) {
            if (!param.isEmpty() && !param.toLowerCase(Locale.ROOT).startsWith("utm_")) {
                kept.add(param);
            }
        }
        return kept.toString();
    }

    private static String normalizeText(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(prefix(text, MAX_NORMALIZED_CHARS), Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    /** The first {@code max} characters or fewer, never ending in half a surrogate pair. */
    private static String prefix(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String sha256Hex(String s) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
