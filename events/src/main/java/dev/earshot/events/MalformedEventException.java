package dev.earshot.events;

/** A record on a topic that does not follow the contract; its message says why, for the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String reason) {
        super(reason);
    }

    public MalformedEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
