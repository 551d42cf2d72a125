package dev.earshot.ingest.publish;

import dev.earshot.events.Mention;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers which version of each mention was published, so a poll never publishes the same
 * entry twice. A review naming two brands is two mentions with one id, so the key is brand + id.
 * Bounded: the oldest are forgotten first.
 */
@ApplicationScoped
public class PublishedMentions {

    private static final int CAPACITY = 200_000;

    private final Map<String, String> contentHashById = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > CAPACITY;
                }
            });

    /** True when this mention has not been published, or was published with other content. */
    public boolean isNew(Mention mention) {
        return !mention.contentHash().equals(contentHashById.get(key(mention)));
    }

    public void remember(Mention mention) {
        contentHashById.put(key(mention), mention.contentHash());
    }

    private static String key(Mention mention) {
        return mention.brand().id() + "/" + mention.id();
    }
}
