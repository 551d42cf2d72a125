package dev.earshot.events;

import java.util.List;

/**
 * A record on a topic, or a catalog entry, that does not follow the contract; its message says why, for the
 * dead-letter topic or the API's answer. When the contract's schema refused it, {@link #problems} lists each broken
 * rule as {@code path: reason} (e.g. {@code alerting.spikeMinCunt: unknown key}) and {@link #path} is the first one's.
 */
public class MalformedEventException extends RuntimeException {

    private final List<String> problems;
    private final String path;

    public MalformedEventException(String reason) {
        super(reason);
        this.problems = List.of(reason);
        this.path = null;
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
        this.problems = List.of(reason);
        this.path = null;
    }

    /** @param problems each {@code path: reason}, at least one */
    public MalformedEventException(String path, List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
        this.path = path;
    }

    /** Every broken rule, each a sentence (with its JSON path first when the schema found it). */
    public List<String> problems() {
        return problems;
    }

    /** Where the first problem is, as {@code alerting.spikeMinCount} or {@code brands[2].id}; null when not known. */
    public String path() {
        return path;
    }
}
