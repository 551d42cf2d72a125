package dev.earshot.sentiment.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.earshot.events.EventJson;
import dev.earshot.events.MalformedEventException;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns one poll of {@code mentions} into the records to write: each valid Mention scored onto
 * {@code mentions-scored} keyed by brand id, anything else onto {@code mentions-dlq} with the
 * reason. One bad record never affects the others.
 */
final class BatchScorer {

    /** Below this a batch is scored on the calling thread alone: handing it over costs more. */
    private static final int MIN_PARALLEL = 256;

    private final MentionScorer mentionScorer;
    // One writer for every record: the serializer lookup is done once, not per mention.
    private final ObjectWriter writer = EventJson.mapper().writerFor(ScoredMention.class);
    private final ExecutorService helpers; // null: the calling thread alone
    private final int threads;

    /** @param threads how many threads score one batch, the caller included */
    BatchScorer(MentionScorer mentionScorer, int threads) {
        this.mentionScorer = mentionScorer;
        this.threads = Math.max(1, threads);
        this.helpers = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "sentiment-scoring-helper");
            t.setDaemon(true);
            return t;
        });
    }

    /** Scores every record; the result is in the order of the poll, so each partition stays in order. */
    List<Outgoing> score(ConsumerRecords<byte[], byte[]> records) {
        List<ConsumerRecord<byte[], byte[]>> in = new ArrayList<>(records.count());
        records.forEach(in::add);
        Outgoing[] out = new Outgoing[in.size()];
        if (helpers == null || in.size() < MIN_PARALLEL) {
            scoreRange(in, out, 0, in.size());
            return Arrays.asList(out);
        }
        // Scoring, parsing and writing are CPU work on independent records: split the batch in slices.
        int slice = (in.size() + threads - 1) / threads;
        List<Future<?>> others = new ArrayList<>(threads - 1);
        for (int from = slice; from < in.size(); from += slice) {
            int start = from;
            int end = Math.min(in.size(), from + slice);
            others.add(helpers.submit(() -> scoreRange(in, out, start, end)));
        }
        scoreRange(in, out, 0, Math.min(slice, in.size()));
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("scoring a slice of the batch failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scoring", e);
            }
        }
        return Arrays.asList(out);
    }

    /** The language of a mention not scored because the scorer does not read it, else null. */
    static String unscoredLanguage(ScoredMention m) {
        return m.label() == dev.earshot.events.Label.UNKNOWN && !m.language().equals("en") && !m.language().equals("und")
                ? m.language() : null;
    }

    void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    private void scoreRange(List<ConsumerRecord<byte[], byte[]>> in, Outgoing[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = score(in.get(i));
        }
    }

    Outgoing score(ConsumerRecord<byte[], byte[]> record) {
        try {
            String json = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
            ScoredMention result = mentionScorer.score(json);
            String brand = result.mention().brand().id();
            return new Outgoing(record, new ProducerRecord<>(Topics.MENTIONS_SCORED, brand.getBytes(StandardCharsets.UTF_8),
                    writer.writeValueAsBytes(result)), brand, result.label(), unscoredLanguage(result));
        } catch (MalformedEventException e) {
            return Outgoing.deadLetter(record, e.getMessage());
        } catch (JsonProcessingException | RuntimeException e) {
            // A scorer bug on one odd text must not stop the stream: park the record, keep going.
            return Outgoing.deadLetter(record, "cannot score: " + e);
        }
    }
}
