package dev.earshot.alert.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.earshot.alert.catalog.BrandCatalog;
import dev.earshot.alert.config.AlertConfig;
import dev.earshot.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The Slack-compatible webhook channel: posts {@code {"text": ...}} to the brand's incoming webhook
 * (Slack, Mattermost, Rocket.Chat and Teams' Slack-compatible hooks accept it). Mention text is
 * sent as plain text with Slack's three control characters escaped.
 */
@ApplicationScoped
public class SlackWebhook implements Channel {

    private final BrandCatalog catalog;
    private final Duration timeout;
    private final HttpClient http;

    public SlackWebhook(BrandCatalog catalog, AlertConfig config) {
        this.catalog = catalog;
        this.timeout = config.notifications().sendTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public boolean appliesTo(Notification n) {
        return n.brandId() != null && n.alert() != null && n.purpose() != Notification.Purpose.DIGEST
                && webhook(n.brandId()).isPresent();
    }

    @Override
    public void deliver(Notification n, String deliveryId) throws IOException, InterruptedException {
        String url = webhook(n.brandId()).orElseThrow();
        AlertView view = AlertView.of(n.alert(), n.purpose(), null);
        StringBuilder text = new StringBuilder(escape(view.subject())).append('\n')
                .append(escape(n.alert().why().summary())).append('\n')
                .append("> ").append(escape(n.alert().mentions().get(0).mention().text()));
        if (view.link() != null) {
            text.append("\n<").append(linkTarget(view.link())).append("|Open the mention>");
        }
        ObjectNode body = EventJson.mapper().createObjectNode().put("text", text.toString());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Earshot-Delivery", deliveryId)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook answered HTTP " + response.statusCode());
        }
    }

    private Optional<String> webhook(String brandId) {
        return catalog.slackWebhook(brandId).filter(u -> AlertView.safeLink(u) != null);
    }

    /**
     * A URL as the target of a {@code <url|text>} link. Slack ends the target at the first {@code |} or
     * {@code >}, so a mention URL carrying them could show text of the author's choosing ("Refund form") or
     * break out of the link; those and {@code <} and white space are percent-encoded (the URL means the same to
     * the site), then {@code &} is escaped as in all message text.
     */
    static String linkTarget(String url) {
        StringBuilder b = new StringBuilder(url.length());
        for (char c : url.toCharArray()) {
            switch (c) {
                case '|' -> b.append("%7C");
                case '<' -> b.append("%3C");
                case '>' -> b.append("%3E");
                case '&' -> b.append("&amp;");
                default -> {
                    if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                        for (byte x : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                            b.append('%').append(String.format("%02X", x & 0xFF));
                        }
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Slack's documented escaping for message text (mrkdwn's three control characters). */
    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
