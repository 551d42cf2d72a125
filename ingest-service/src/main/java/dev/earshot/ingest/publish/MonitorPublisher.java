package dev.earshot.ingest.publish;

import dev.earshot.events.EventJson;
import dev.earshot.events.MonitorEvent;
import dev.earshot.events.Topics;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Puts "monitor broken" and "recovered" events on {@link Topics#MONITORS}, keyed by source id, acknowledged. */
public final class MonitorPublisher {

    private final AckedSender sender;

    public MonitorPublisher(AckedSender sender) {
        this.sender = sender;
    }

    public void publish(MonitorEvent event) {
        sender.sendAll(List.of(new ProducerRecord<>(Topics.MONITORS, event.sourceId(), EventJson.write(event))));
    }
}
