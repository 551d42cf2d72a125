package dev.earshot.alert.notification;

import dev.earshot.alert.detection.DetectionTopology;
import dev.earshot.events.EventJson;
import dev.earshot.events.MalformedEventException;
import dev.earshot.events.MonitorEvent;
import io.quarkus.logging.Log;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns ingest-service's {@code monitors} events into "monitor broken" notifications for the
 * operators: one when a source starts failing or goes silent, none for the repeats while it stays
 * so, and none for a recovery (the state is remembered so the next breakage is told again).
 */
public final class MonitorProcessor implements Processor<String, String, String, String> {

    private ProcessorContext<String, String> context;
    private KeyValueStore<String, String> lastStatus;

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.lastStatus = context.getStateStore(DetectionTopology.MONITOR_STORE);
    }

    @Override
    public void process(Record<String, String> record) {
        MonitorEvent event;
        try {
            event = EventJson.read(record.value(), MonitorEvent.class);
        } catch (MalformedEventException e) {
            Log.warnf("Ignoring an unreadable monitors record (key %s): %s", record.key(), e.getMessage());
            return;
        }
        String status = event.status().name();
        String before = lastStatus.get(event.sourceId());
        lastStatus.put(event.sourceId(), status);
        if (event.status() == MonitorEvent.Status.RECOVERED || status.equals(before)) {
            return;
        }
        Notification n = Notification.monitor(event);
        context.forward(new Record<>(n.id(), EventJson.writeString(n), context.currentSystemTimeMs()),
                DetectionTopology.NOTIFY_SINK);
    }
}
