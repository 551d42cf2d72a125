package dev.earshot.ingest.poll;

import dev.earshot.events.Mention;
import dev.earshot.ingest.extract.FeedParseException;
import dev.earshot.ingest.fetch.FetchException;
import dev.earshot.ingest.mention.MentionFactory;
import dev.earshot.ingest.publish.MentionPublisher;
import dev.earshot.ingest.source.Catalog;
import dev.earshot.ingest.source.Source;
import dev.earshot.ingest.source.UrlSecrets;
import io.quarkus.logging.Log;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The poll of one source: read it from its cursor, make the mentions, publish the new ones and wait for Kafka's
 * acks. Whatever goes wrong comes back as a {@link Result} with the kind of failure, never as an exception, so one
 * broken source never stops the loop.
 */
public final class SourcePoll {

    private final SourceReader reader;
    private final MentionFactory mentions;
    private final MentionPublisher publisher;
    private final Clock clock;

    public SourcePoll(SourceReader reader, MentionFactory mentions, MentionPublisher publisher, Clock clock) {
        this.reader = reader;
        this.mentions = mentions;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The conditional-GET cursor of the last successful poll (both null: read everything). */
    public record Cursor(String etag, String lastModified) {
        public static final Cursor NONE = new Cursor(null, null);
    }

    /**
     * What one poll did.
     *
     * @param read       what was read; null when the poll failed
     * @param found      mentions of a brand among the items (new or not)
     * @param published  new mentions Kafka acknowledged
     * @param failure    why the poll failed, or null
     * @param error      what went wrong, credentials in URLs hidden
     * @param retryAfter when the host asked to be left alone until, or null
     */
    public record Result(SourceReader.Read read, int found, int published, FetchException.Kind failure, String error,
            Instant retryAfter) {

        static Result failed(FetchException.Kind kind, String error, Instant retryAfter) {
            // Errors quote addresses; what a feed URL carries as credentials is not for logs, status, health or events.
            return new Result(null, 0, 0, kind, UrlSecrets.hideIn(error), retryAfter);
        }

        public boolean ok() {
            return failure == null;
        }
    }

    public Result run(Source source, Cursor cursor, Catalog catalog) {
        try {
            SourceReader.Read read = reader.read(source, cursor.etag(), cursor.lastModified());
            if (read.notModified()) {
                return new Result(read, 0, 0, null, null, null);
            }
            List<Mention> found = mentions.of(source, read.items(), catalog, clock.instant());
            int published = publisher.publishNew(found); // returns after Kafka's acks, or throws
            if (published > 0) {
                Log.infof("Source %s: %d item(s), %d about a brand, %d new mention(s) published", source.id(),
                        read.items().size(), found.size(), published);
            }
            return new Result(read, found.size(), published, null, null, null);
        } catch (FetchException e) {
            return Result.failed(e.kind(), e.getMessage(), e.retryAfter());
        } catch (FeedParseException e) {
            return Result.failed(FetchException.Kind.unreadable, e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.failed(FetchException.Kind.network, "interrupted", null);
        } catch (RuntimeException e) {
            // Kafka did not acknowledge: the cursor stays, so the next poll reads and publishes again.
            return Result.failed(FetchException.Kind.publish, "publishing to Kafka failed: " + e.getMessage(), null);
        }
    }
}
