package dev.earshot.ingest.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the credentials a source URL may carry — its user-info, and query parameters whose names say they
 * are secrets ({@code token}, {@code api_key}, {@code sig}, …) — wherever the URL is shown outside the
 * catalog: mentions, monitor events, errors, logs and the health check.
 */
public final class UrlSecrets {

    /** What is shown instead of a secret. */
    public static final String HIDDEN = "***";

    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@");
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i)token|key|secret|pass|pwd|auth|sig|session|credential|code");
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)https?://[^\\s'\"<>]+");

    private UrlSecrets() {
    }

    /** The URL with its user-info and secret-looking query values replaced by {@value #HIDDEN}. */
    public static String hide(String url) {
        if (url == null) {
            return null;
        }
        String shown = USER_INFO.matcher(url).replaceFirst("$1" + Matcher.quoteReplacement(HIDDEN) + "@");
        int query = shown.indexOf('?');
        if (query < 0) {
            return shown;
        }
        int fragment = shown.indexOf('#', query);
        String params = fragment < 0 ? shown.substring(query + 1) : shown.substring(query + 1, fragment);
        StringBuilder out = new StringBuilder(shown.substring(0, query + 1));
        String[] pairs = params.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            int eq = pairs[i].indexOf('=');
            boolean secret = eq > 0 && SECRET_NAME.matcher(pairs[i].substring(0, eq)).find();
            out.append(secret ? pairs[i].substring(0, eq + 1) + HIDDEN : pairs[i]);
        }
        return fragment < 0 ? out.toString() : out.append(shown.substring(fragment)).toString();
    }

    /** A message with every http(s) URL in it hidden as {@link #hide} does. */
    public static String hideIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = URL_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(hide(m.group())));
        }
        return m.appendTail(out).toString();
    }
}
