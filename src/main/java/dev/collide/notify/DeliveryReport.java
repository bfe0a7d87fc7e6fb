package dev.collide.notify;

/** What one delivery run did: acknowledged, put back for a later attempt, given up on. */
public record DeliveryReport(int sent, int retrying, int failed) {
    public String line() {
        return "outbox: " + sent + " sent, " + retrying + " to retry, " + failed + " failed";
    }
}
