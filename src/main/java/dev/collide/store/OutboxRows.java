package dev.collide.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Outbox rows written inside a detection transaction, one per channel and change, sent later by the notifiers. */
final class OutboxRows {
    private OutboxRows() {
    }

    /** Queues one change for every outbox channel; returns the rows written (none when no channel is set up). */
    static int enqueue(Connection c, OutboxPolicy outbox, String subjectKind, String subjectId, String change,
                       String dedup, Instant now) throws SQLException {
        if (outbox.channels().isEmpty()) {
            return 0;
        }
        String sql = """
                INSERT INTO outbox (channel, dedup_key, subject_kind, subject_id, change, payload, status,
                                    next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (String channel : outbox.channels()) {
                ps.setString(1, channel);
                ps.setString(2, dedup);
                ps.setString(3, subjectKind);
                ps.setString(4, subjectId);
                ps.setString(5, change);
                ps.setString(6, "{\"kind\":\"" + subjectKind + "\",\"id\":\"" + subjectId + "\",\"change\":\""
                        + change + "\"}");
                Sql.setInstant(ps, 7, now);
                Sql.setInstant(ps, 8, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return outbox.channels().size();
    }
}
