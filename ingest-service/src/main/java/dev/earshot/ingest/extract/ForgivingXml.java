package dev.earshot.ingest.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends what feeds get wrong as a forgiving reader does, before the strict XML parser sees them: a numeric
 * character reference without its semicolon ({@code &#x41}, {@code &#233}), a {@code <} or {@code <!} that
 * starts no markup (a review saying "I <3 it" or "five stars <!!!") becomes text, and an {@code <rss>} without
 * {@code <channel>} gets one. Each repair turns something that is never well-formed XML into what its author
 * meant, so a valid feed passes through unchanged; CDATA sections and comments are left as they are; a document
 * with a DOCTYPE is not touched at all, so its refusal (XXE, entity bombs) stays the parser's. One pass, linear
 * in the size of the feed.
 */
final class ForgivingXml {

    private static final Pattern REFERENCE_WITHOUT_SEMICOLON = Pattern.compile(
            "&#(?:[xX][0-9a-fA-F]{1,6}(?![0-9a-fA-F;])|[0-9]{1,7}(?![0-9;]))");
    /** A {@code <} that opens no tag, end tag, comment, CDATA or processing instruction. */
    private static final Pattern STRAY_LT = Pattern.compile("<(?![A-Za-z_:/?]|!--|!\\[CDATA\\[)");
    private static final Pattern RSS_START = Pattern.compile("<rss\\b[^>]*>");

    private ForgivingXml() {
    }

    static String mend(String xml) {
        if (xml.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
            return xml;
        }
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int at = 0;
        while (at < xml.length()) {
            int cdata = xml.indexOf("<![CDATA[", at);
            int comment = xml.indexOf("<!--", at);
            int next = cdata < 0 ? comment : comment < 0 ? cdata : Math.min(cdata, comment);
            if (next < 0) {
                out.append(mendText(xml.substring(at)));
                break;
            }
            out.append(mendText(xml.substring(at, next)));
            String close = next == cdata ? "]]>" : "-->";
            int end = xml.indexOf(close, next + 4);
            int stop = end < 0 ? xml.length() : end + close.length();
            out.append(xml, next, stop);
            at = stop;
        }
        return withChannel(out.toString());
    }

    private static String mendText(String part) {
        String s = REFERENCE_WITHOUT_SEMICOLON.matcher(part).replaceAll(m -> Matcher.quoteReplacement(m.group() + ";"));
        return STRAY_LT.matcher(s).replaceAll("&lt;");
    }

    /** RSS with its items straight under {@code <rss>}: the channel they belong to is implied. */
    private static String withChannel(String xml) {
        if (xml.contains("<channel")) {
            return xml;
        }
        Matcher start = RSS_START.matcher(xml);
        int end = xml.lastIndexOf("</rss>");
        if (!start.find() || end < start.end()) {
            return xml;
        }
        return xml.substring(0, start.end()) + "<channel><title></title><link></link><description></description>"
                + xml.substring(start.end(), end) + "</channel>" + xml.substring(end);
    }
}
