package dev.collide.store;

import static dev.collide.store.EventRows.readEvent;

import dev.collide.detect.EventBuilder;
import dev.collide.detect.Evidence;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.ReleaseDate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The release-event half of a detection transaction: events upserted (with the outbox rows of watched labs), events
 * no evidence builds any more undated, evidence marked detected. Every method runs on the caller's connection and
 * leaves commit and rollback to it.
 */
final class EventWriter {
    private EventWriter() {
    }

    /**
     * Stored events that the rebuilt families no longer give (issue 13: a plain name merged into its same-day
     * preview, a name that became a point release of its own): an incremental run retracts their collisions too.
     */
    static Set<String> vanishedEvents(Connection c, List<ReleaseEvent> events) throws SQLException {
        Set<String> built = new HashSet<>();
        List<Long> mentionIds = new ArrayList<>();
        for (ReleaseEvent e : events) {
            built.add(e.id());
            e.evidence().forEach(ev -> mentionIds.add(ev.mentionId()));
        }
        Set<FamilyKey> families = new HashSet<>();
        for (List<Long> chunk : chunks(mentionIds)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT lab, family FROM mentions WHERE id IN ("
                    + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        families.add(new FamilyKey(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        Set<String> gone = new HashSet<>();
        String sql = """
                SELECT id, family FROM release_events
                WHERE lab = ? AND (family = ? OR LEFT(family, LENGTH(?) + 1) = CONCAT(?, '-'))""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (FamilyKey key : families) {
                ps.setString(1, key.lab());
                ps.setString(2, key.family());
                ps.setString(3, key.family());
                ps.setString(4, key.family());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (!built.contains(id) && EventBuilder.isLaunchOf(rs.getString(2), key.family())) {
                            gone.add(id);
                        }
                    }
                }
            }
        }
        return gone;
    }

    /** A full run: every stored event the run did not build. */
    static Set<String> unbuiltEvents(Connection c, List<ReleaseEvent> events) throws SQLException {
        Set<String> built = new HashSet<>();
        events.forEach(e -> built.add(e.id()));
        Set<String> gone = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM release_events WHERE release_date IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!built.contains(rs.getString(1))) {
                    gone.add(rs.getString(1));
                }
            }
        }
        return gone;
    }

    /**
     * An event no evidence builds any more keeps its row (its retracted collisions name it) but loses its date, so
     * it is no candidate for new collisions; its page says the evidence no longer builds it.
     */
    static void undate(Connection c, Set<String> gone, Instant now) throws SQLException {
        for (List<String> chunk : chunks(new ArrayList<>(gone))) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE release_events SET release_date = NULL,"
                    + " precision = NULL, release_at = NULL, updated_at = ? WHERE release_date IS NOT NULL AND id IN ("
                    + placeholders(chunk.size()) + ")")) {
                Sql.setInstant(ps, 1, now);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    static void markDetected(Connection c, List<ReleaseEvent> events) throws SQLException {
        List<Long> mentionIds = new ArrayList<>();
        for (ReleaseEvent e : events) {
            for (Evidence ev : e.evidence()) {
                mentionIds.add(ev.mentionId());
            }
        }
        for (List<Long> chunk : chunks(mentionIds)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE mentions SET detected = TRUE WHERE detected = FALSE"
                    + " AND id IN (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                ps.executeUpdate();
            }
        }
        // co-releases are read again for every run that touches their families; the flag only says "seen"
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE co_releases SET detected = TRUE WHERE detected = FALSE")) {
            ps.executeUpdate();
        }
    }

    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i += 500) {
            result.add(items.subList(i, Math.min(items.size(), i + 500)));
        }
        return result;
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Returns {new, updated, outbox rows for watched labs}. */
    static int[] upsertEvents(Connection c, OutboxPolicy outbox, List<ReleaseEvent> events, Instant now)
            throws SQLException {
        Map<String, StoredEvent> existing = new HashMap<>();
        for (List<ReleaseEvent> chunk : chunks(events)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM release_events WHERE id IN ("
                    + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i).id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredEvent e = readEvent(rs, "");
                        existing.put(e.id(), e);
                    }
                }
            }
        }
        String insert = """
                INSERT INTO release_events (lab, family, model, release_date, precision, release_at, confidence,
                                            source_count, first_seen_at, updated_at, id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        String update = """
                UPDATE release_events SET lab = ?, family = ?, model = ?, release_date = ?, precision = ?,
                    release_at = ?, confidence = ?, source_count = ?, first_seen_at = ?, updated_at = ?
                WHERE id = ?""";
        int created = 0;
        int updated = 0;
        int outboxRows = 0;
        try (PreparedStatement ins = c.prepareStatement(insert); PreparedStatement upd = c.prepareStatement(update)) {
            for (ReleaseEvent e : events) {
                StoredEvent old = existing.get(e.id());
                if (old == null) {
                    bindEvent(ins, e, now, now);
                    ins.addBatch();
                    created++;
                    if (outbox.watchedLabs().contains(e.lab())) {
                        outboxRows += OutboxRows.enqueue(c, outbox, "EVENT", e.id(), "CREATED", "event-" + e.id(), now);
                    }
                } else if (changed(old, e)) {
                    bindEvent(upd, e, old.firstSeenAt(), now);
                    upd.addBatch();
                    updated++;
                }
            }
            ins.executeBatch();
            upd.executeBatch();
        }
        return new int[] {created, updated, outboxRows};
    }

    private static boolean changed(StoredEvent old, ReleaseEvent e) {
        Optional<LocalDate> date = e.date().map(ReleaseDate::date);
        Optional<String> precision = e.date().map(d -> d.precision().name());
        return !old.date().equals(date) || !old.precision().equals(precision)
                || !old.releaseAt().equals(e.date().flatMap(ReleaseDate::instant))
                || Math.abs(old.confidence() - e.confidence()) > 1e-9 || old.sourceCount() != e.sourceCount()
                || !old.model().equals(Sql.cut(e.model(), 300));
    }

    private static void bindEvent(PreparedStatement ps, ReleaseEvent e, Instant firstSeen, Instant now)
            throws SQLException {
        ps.setString(1, e.lab());
        ps.setString(2, Sql.cut(e.family(), 300));
        ps.setString(3, Sql.cut(e.model(), 300));
        Sql.setDate(ps, 4, e.date().map(ReleaseDate::date));
        Sql.setString(ps, 5, e.date().map(d -> d.precision().name()));
        Sql.setInstant(ps, 6, e.date().flatMap(ReleaseDate::instant));
        ps.setDouble(7, e.confidence());
        ps.setInt(8, e.sourceCount());
        Sql.setInstant(ps, 9, firstSeen);
        Sql.setInstant(ps, 10, now);
        ps.setString(11, e.id());
    }
}
