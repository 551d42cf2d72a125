package dev.earshot.sentiment.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.earshot.events.EventJson;
import dev.earshot.events.MalformedEventException;
import dev.earshot.events.ScoredMention;
import dev.earshot.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns one poll of {@code mentions} into the records to write: each valid Mention scored onto
 * {@code mentions-scored} keyed by brand id, anything else onto {@code mentions-dlq} with the
 * reason. One bad record never affects the others.
 */
final class BatchScorer {

    private final MentionScorer mentionScorer;
    // One writer for every record: the serializer lookup is done once, not per mention.
    private final ObjectWriter writer = EventJson.mapper().writerFor(ScoredMention.class);

    BatchScorer(MentionScorer mentionScorer) {
        this.mentionScorer = mentionScorer;
    }

    List<Outgoing> score(ConsumerRecords<byte[], byte[]> records) {
        List<Outgoing> out = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            out.add(score(record));
        }
        return out;
    }

    Outgoing score(ConsumerRecord<byte[], byte[]> record) {
        try {
            String json = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
            ScoredMention result = mentionScorer.score(json);
            String brand = result.mention().brand().id();
            return new Outgoing(record, new ProducerRecord<>(Topics.MENTIONS_SCORED, brand.getBytes(StandardCharsets.UTF_8),
                    writer.writeValueAsBytes(result)), brand, result.label());
        } catch (MalformedEventException e) {
            return Outgoing.deadLetter(record, e.getMessage());
        } catch (JsonProcessingException | RuntimeException e) {
            // A scorer bug on one odd text must not stop the stream: park the record, keep going.
            return Outgoing.deadLetter(record, "cannot score: " + e);
        }
    }
}
