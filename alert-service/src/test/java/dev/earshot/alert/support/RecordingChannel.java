package dev.earshot.alert.support;

import dev.earshot.alert.notification.Channel;
import dev.earshot.alert.notification.Notification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A channel that records what it was asked to deliver, and can be made to fail like an SMTP outage. */
public final class RecordingChannel implements Channel {

    public final List<Notification> delivered = Collections.synchronizedList(new ArrayList<>());
    public final List<String> deliveryIds = Collections.synchronizedList(new ArrayList<>());
    public int failures;
    public volatile boolean down;

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean appliesTo(Notification notification) {
        return true;
    }

    @Override
    public void deliver(Notification notification, String deliveryId) {
        if (down) {
            failures++;
            throw new IllegalStateException("connection refused (test outage)");
        }
        delivered.add(notification);
        deliveryIds.add(deliveryId);
    }
}
