package dev.collide.notify;

import java.time.Instant;
import java.util.Optional;

/**
 * One outbox row. {@code status}: PENDING (due at {@code nextAttemptAt}), SENDING (claimed until
 * {@code claimedUntil}), SENT or FAILED (with the reason in {@code lastError}).
 */
public record OutboxEntry(long id, String channel, String dedupKey, String subjectKind, String subjectId,
                          String change, String status, int attempts, Instant nextAttemptAt,
                          Optional<String> lastError, Instant createdAt, Optional<Instant> sentAt,
                          Optional<Instant> claimedUntil, Instant giveUpAt) {
}
