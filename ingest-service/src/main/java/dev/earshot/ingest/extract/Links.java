package dev.earshot.ingest.extract;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Links as a reader means them: the article a redirector points at, not the redirector. */
final class Links {

    /** {@code at://<did or handle>/app.bsky.feed.post/<rkey>}: a Bluesky post's AT URI, as its API gives it. */
    private static final java.util.regex.Pattern BLUESKY_POST = java.util.regex.Pattern.compile(
            "at://([A-Za-z0-9:._%-]{1,2048})/app\\.bsky\\.feed\\.post/([A-Za-z0-9._~:-]{1,512})");

    private Links() {
    }

    /**
     * A link a browser opens: a Bluesky post's AT URI becomes {@code https://bsky.app/profile/<did>/post/<rkey>}
     * (bsky.app takes the DID where the handle would be, and a DID survives a change of handle); any other is kept.
     */
    static String web(String link) {
        if (link == null) {
            return null;
        }
        java.util.regex.Matcher m = BLUESKY_POST.matcher(link);
        return m.matches() ? "https://bsky.app/profile/" + m.group(1) + "/post/" + m.group(2) : link;
    }

    /**
     * Google's {@code https://www.google.com/url?...&url=<article>} (Google Alerts) and {@code ?q=<article>} (search)
     * become the article's own address; any other link, or a redirect to something that is not http(s), is kept.
     */
    static String unwrapped(String link) {
        if (link == null) {
            return null;
        }
        try {
            URI uri = new URI(link);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            if (!(host.equals("google.com") || host.startsWith("www.google.")) || !"/url".equals(uri.getPath())
                    || uri.getRawQuery() == null) {
                return link;
            }
            for (String name : new String[] {"url", "q"}) {
                for (String pair : uri.getRawQuery().split("&")) {
                    if (pair.startsWith(name + "=")) {
                        String target = URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                        String scheme = URI.create(target).getScheme();
                        if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                            return target;
                        }
                    }
                }
            }
            return link;
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return link;
        }
    }
}
