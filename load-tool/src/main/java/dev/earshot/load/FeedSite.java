package dev.earshot.load;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

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

    void fill(int itemsPerFeed) {
        byte[][] next = new byte[feeds][];
        for (int k = 0; k < feeds; k++) {
            next[k] = render(k, itemsPerFeed);
        }
        feed = next;
    }

    private byte[] render(int k, int items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("channel");
            element(xml, "title", "Fault-run reviews");
            element(xml, "link", "https://reviews.example/fault/" + k);
            element(xml, "description", "reviews");
            for (int i = 0; i < items; i++) {
                xml.writeStartElement("item");
                element(xml, "title", "Visit " + i);
                element(xml, "link", "https://reviews.example/fault/" + k + "/" + i);
                element(xml, "guid", "fault-" + k + "-" + i);
                element(xml, "description", "Coffee number " + i + " at " + brandName + " was fine, friendly staff.");
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
