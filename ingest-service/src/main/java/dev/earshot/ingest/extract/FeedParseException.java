package dev.earshot.ingest.extract;

/** A source answered, but not with something Earshot can read. */
public class FeedParseException extends Exception {

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }

    public FeedParseException(String message) {
        super(message);
    }
}
