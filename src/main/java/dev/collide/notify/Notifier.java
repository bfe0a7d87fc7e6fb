package dev.collide.notify;

/** One outbox channel (Slack, the JSON webhook). Implementations are thread-safe. */
public interface Notifier {
    /** The outbox channel name this notifier delivers, e.g. "slack". */
    String channel();

    /**
     * Delivers one alert and returns only when the receiver acknowledged it (a 2xx answer). Throws if the receiver
     * refused it or could not be reached, so the outbox keeps it for the next run or marks it failed.
     */
    void send(Alert alert) throws NotifyException;
}
