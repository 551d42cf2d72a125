package dev.earshot.alert.notification;

/** A way to tell people (email, Slack webhook); the outbox calls it until it succeeds once. */
public interface Channel {

    /** Stable name, part of every delivery id ({@code email}, {@code slack}). */
    String name();

    /** Whether this channel has anyone to tell about this notification. */
    boolean appliesTo(Notification notification);

    /**
     * Delivers, blocking until the server accepted it.
     *
     * @param deliveryId deterministic id of this delivery; used as Message-ID so a rare resend is recognisable
     * @throws Exception anything that failed; the outbox retries with backoff
     */
    void deliver(Notification notification, String deliveryId) throws Exception;
}
