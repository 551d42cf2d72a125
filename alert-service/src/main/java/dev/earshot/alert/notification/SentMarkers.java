package dev.earshot.alert.notification;

import java.util.HashMap;
import java.util.Map;

/** Which deliveries (notification id + channel) already happened, so none is made twice. */
public interface SentMarkers {

    boolean contains(String deliveryId);

    /** Records that a delivery happened (or was given up) at {@code nowMs}. */
    void mark(String deliveryId, long nowMs);

    /** Markers in memory only, for tests and for code that needs no durability. */
    static SentMarkers inMemory() {
        Map<String, Long> sent = new HashMap<>();
        return new SentMarkers() {
            @Override
            public boolean contains(String deliveryId) {
                return sent.containsKey(deliveryId);
            }

            @Override
            public void mark(String deliveryId, long nowMs) {
                sent.put(deliveryId, nowMs);
            }
        };
    }
}
