package dev.earshot.alert.detection;

import dev.earshot.alert.messaging.JsonSerde;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The brand-history store's values as fixed binary fields instead of JSON: the history is written on every
 * mention (to the store cache, then its changelog), and its 700-odd counters cost a JSON writer and parser
 * far more than a copy. Records written as JSON by earlier versions are still read (they start with
 * {@code '{'}; this format starts with its version byte).
 */
public final class BrandHistorySerde implements Serde<BrandHistory> {

    private static final byte VERSION = 1;
    private final JsonSerde<BrandHistory> json = new JsonSerde<>(BrandHistory.class);

    @Override
    public Serializer<BrandHistory> serializer() {
        return (topic, h) -> h == null ? null : write(h);
    }

    @Override
    public Deserializer<BrandHistory> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            return bytes.length > 0 && bytes[0] == '{' ? json.deserializer().deserialize(topic, bytes) : read(bytes);
        };
    }

    static byte[] write(BrandHistory h) {
        int ints = h.negatives.length + h.totals.length + h.windowNegativeCounts.length + h.windowTotalCounts.length;
        ByteBuffer b = ByteBuffer.allocate(1 + 4 * 8 + 4 * 4 + 4 * ints + 2 * 8 + 8 + 1);
        b.put(VERSION).putLong(h.firstHour).putLong(h.lastHour).putLong(h.windowMinute).putLong(h.newestMs);
        ints(b, h.negatives);
        ints(b, h.totals);
        ints(b, h.windowNegativeCounts);
        ints(b, h.windowTotalCounts);
        b.putDouble(h.trend.fast).putDouble(h.trend.slow).putLong(h.trend.count).put((byte) (h.trend.drifting ? 1 : 0));
        return b.array();
    }

    static BrandHistory read(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.get() != VERSION) {
            throw new SerializationException("unknown brand-history format " + bytes[0]);
        }
        BrandHistory h = new BrandHistory();
        h.firstHour = b.getLong();
        h.lastHour = b.getLong();
        h.windowMinute = b.getLong();
        h.newestMs = b.getLong();
        h.negatives = ints(b);
        h.totals = ints(b);
        h.windowNegativeCounts = ints(b);
        h.windowTotalCounts = ints(b);
        h.trend.fast = b.getDouble();
        h.trend.slow = b.getDouble();
        h.trend.count = b.getLong();
        h.trend.drifting = b.get() == 1;
        return h;
    }

    private static void ints(ByteBuffer b, int[] values) {
        b.putInt(values.length);
        for (int v : values) {
            b.putInt(v);
        }
    }

    private static int[] ints(ByteBuffer b) {
        int[] values = new int[b.getInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = b.getInt();
        }
        return values;
    }
}
