package dev.earshot.ingest.source;

/**
 * A place customers write: a feed or a review page.
 *
 * @param brand when set, the source is dedicated to that brand and every item matches it
 */
public record Source(String id, Kind kind, String url, String brand) {

    public enum Kind {
        feed, page
    }
}
