package dev.earshot.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import dev.earshot.local.RssFeed;

/**
 * Local RSS feeds ({@code /feed-0.xml} … {@code /feed-(n-1).xml}) that are empty until
 * {@link #fill(int)} puts N reviews of one brand in each.
 */
final class FeedSite implements AutoCloseable {

    private final HttpServer server;
    private final int feeds;
    private volatile byte[][] feed;

    FeedSite(String brandName, int feeds) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.brandName = brandName;
        this.feeds = feeds;
        fill(0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int k = path.matches("/feed-\\d+\\.xml") ? Integer.parseInt(path.replaceAll("\\D", "")) : -1;
            if (k < 0 || k >= feeds) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = feed[k];
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    private final String brandName;

    String url(int k) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed-" + k + ".xml";
    }

    /** The catalog's {@code sources:} block: feed k is source {@code <idPrefix>k}, about one brand. */
    String sources(String idPrefix, String brandId) {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int k = 0; k < feeds; k++) {
            yaml.append("  - id: ").append(idPrefix).append(k).append("\n    kind: feed\n    url: ").append(url(k))
                    .append("\n    brand: ").append(brandId).append('\n');
        }
        return yaml.toString();
    }

    void fill(int itemsPerFeed) {
        byte[][] next = new byte[feeds][];
        for (int k = 0; k < feeds; k++) {
            next[k] = render(k, itemsPerFeed);
        }
        feed = next;
    }

    private byte[] render(int k, int items) {
        List<RssFeed.Item> entries = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            entries.add(new RssFeed.Item("Visit " + i, "https://reviews.example/fault/" + k + "/" + i,
                    "fault-" + k + "-" + i, null, null,
                    "Coffee number " + i + " at " + brandName + " was fine, friendly staff."));
        }
        return RssFeed.write("Fault-run reviews", "https://reviews.example/fault/" + k, "reviews", entries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
