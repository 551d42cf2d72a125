package dev.earshot.events;

import java.util.regex.Pattern;

/**
 * The shapes of the contract's ids, in one place: the schemas state the same patterns, readers refuse what breaks
 * them and writers cannot send it. Ids end up in mail headers, URLs, log lines and Kafka keys, so none of them may
 * carry spaces, line breaks or markup.
 */
public final class Ids {

    /** A mention's id: the first 32 hex digits of a SHA-256 (see {@link MentionIds#id}). */
    public static final Pattern MENTION_ID = Pattern.compile("[0-9a-f]{32}");
    /** A mention version's content hash: 16 hex digits. */
    public static final Pattern CONTENT_HASH = Pattern.compile("[0-9a-f]{16}");
    /** A brand's or a source's id, chosen by the operator in the catalog. */
    public static final Pattern CATALOG_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** An incident's id, made by alert-service from the rule, the brand and a mention id or a minute. */
    public static final Pattern INCIDENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private Ids() {
    }

    public static boolean isMentionId(String s) {
        return matches(MENTION_ID, s);
    }

    public static boolean isContentHash(String s) {
        return matches(CONTENT_HASH, s);
    }

    public static boolean isCatalogId(String s) {
        return matches(CATALOG_ID, s);
    }

    public static boolean isIncidentId(String s) {
        return matches(INCIDENT_ID, s);
    }

    /** The id as a reader may quote it in a log line or an error: cut short and with control characters shown. */
    public static String quoted(String s) {
        if (s == null) {
            return "null";
        }
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return "'" + cut.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "'";
    }

    private static boolean matches(Pattern p, String s) {
        return s != null && p.matcher(s).matches();
    }
}
