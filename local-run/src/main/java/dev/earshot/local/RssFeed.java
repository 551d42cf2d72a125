package dev.earshot.local;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an RSS 2.0 feed with the JDK's XML writer, so review text is escaped as XML requires. */
public final class RssFeed {

    /** One entry; {@code author} and {@code published} may be null. */
    public record Item(String title, String link, String guid, String author, Instant published, String description) {
    }

    private RssFeed() {
    }

    public static byte[] write(String title, String link, String description, List<Item> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeStartElement("channel");
            element(xml, "title", title);
            element(xml, "link", link);
            element(xml, "description", description);
            for (Item item : items) {
                xml.writeStartElement("item");
                element(xml, "title", item.title());
                element(xml, "link", item.link());
                xml.writeStartElement("guid");
                xml.writeAttribute("isPermaLink", "false");
                xml.writeCharacters(item.guid());
                xml.writeEndElement();
                if (item.author() != null) {
                    element(xml, "author", item.author());
                }
                if (item.published() != null) {
                    element(xml, "pubDate",
                            DateTimeFormatter.RFC_1123_DATE_TIME.format(item.published().atOffset(ZoneOffset.UTC)));
                }
                element(xml, "description", item.description());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an RSS feed", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
