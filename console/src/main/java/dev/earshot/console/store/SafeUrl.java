package dev.earshot.console.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Decides whether an untrusted URL may become a link: absolute http or https only. */
public final class SafeUrl {

    private SafeUrl() {
    }

    public static String httpOrNull(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
