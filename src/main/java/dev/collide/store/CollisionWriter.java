package dev.collide.store;

import dev.collide.detect.Collision;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.ReleaseDate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The collision half of a detection transaction: each found collision created, updated or brought back, each one no
 * longer found retracted, every change written to collision_history with the reason. Runs on the caller's
 * connection and leaves commit and rollback to it.
 */
final class CollisionWriter {
    private CollisionWriter() {
    }

    private record CollisionRow(String id, Optional<LocalDate> dateA, Optional<LocalDate> dateB,
                                Optional<Integer> gap, String tier, boolean rivalry, boolean reported, String status,
                                String eventA, String eventB) {
    }

    static List<HistoryEntry> applyCollisions(Connection c, List<ReleaseEvent> events, List<Collision> collisions,
                                              Optional<Set<String>> scope, Set<String> gone, Instant now)
            throws SQLException {
        Map<String, CollisionRow> existing = new HashMap<>();
        String select = "SELECT id, date_a, date_b, gap_days, tier, rivalry, reported, status, event_a, event_b"
                + " FROM collisions";
        if (scope.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(select)) {
                readCollisionRows(ps, existing);
            }
        } else {
            for (List<String> chunk : EventWriter.chunks(new ArrayList<>(scope.get()))) {
                String in = EventWriter.placeholders(chunk.size());
                try (PreparedStatement ps = c.prepareStatement(select + " WHERE event_a IN (" + in
                        + ") OR event_b IN (" + in + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                        ps.setString(chunk.size() + i + 1, chunk.get(i));
                    }
                    readCollisionRows(ps, existing);
                }
            }
            for (List<Collision> chunk : EventWriter.chunks(collisions)) {
                try (PreparedStatement ps = c.prepareStatement(select + " WHERE id IN ("
                        + EventWriter.placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i).id());
                    }
                    readCollisionRows(ps, existing);
                }
            }
        }
        List<HistoryEntry> changes = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (Collision col : collisions) {
            seen.put(col.id(), true);
            CollisionRow now0 = rowOf(col);
            CollisionRow old = existing.get(col.id());
            if (old == null) {
                insertCollision(c, col, now);
                changes.add(history(c, col.id(), "CREATED", describe(col), now));
            } else if (!"ACTIVE".equals(old.status())) {
                updateCollision(c, col, now);
                changes.add(history(c, col.id(), "CREATED", "holds again: " + describe(col), now));
            } else if (!old.equals(now0)) {
                updateCollision(c, col, now);
                changes.add(history(c, col.id(), "UPDATED", describe(col), now));
            }
        }
        for (CollisionRow old : existing.values()) {
            if ("ACTIVE".equals(old.status()) && !seen.containsKey(old.id())) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE collisions SET status = 'RETRACTED', updated_at = ? WHERE id = ?")) {
                    Sql.setInstant(ps, 1, now);
                    ps.setString(2, old.id());
                    ps.executeUpdate();
                }
                changes.add(history(c, old.id(), "RETRACTED", retraction(old, events, scope, gone), now));
            }
        }
        return changes;
    }

    /** Why a collision no longer holds, in terms of what became of its two events (issue 13: corrections). */
    private static String retraction(CollisionRow old, List<ReleaseEvent> events, Optional<Set<String>> scope,
                                     Set<String> gone) {
        Map<String, ReleaseEvent> byId = new HashMap<>();
        events.forEach(e -> byId.put(e.id(), e));
        List<String> why = new ArrayList<>();
        String[] ids = {old.eventA(), old.eventB()};
        List<Optional<LocalDate>> was = List.of(old.dateA(), old.dateB());
        for (int i = 0; i < 2; i++) {
            ReleaseEvent e = byId.get(ids[i]);
            String before = was.get(i).map(Object::toString).orElse("undated");
            if (e == null && (scope.isEmpty() || gone.contains(ids[i]))) {
                why.add("event " + ids[i] + " (was " + before + ") is no longer a release event: its evidence is"
                        + " now another launch (a point release or update), a generic name, or gone");
            } else if (e != null && e.date().isEmpty()) {
                why.add(e.lab() + " " + e.model() + " (was " + before + ") now has only undated mentions:"
                        + " on or before its earliest article, too vague to collide");
            } else if (e != null && !e.date().map(ReleaseDate::date).equals(was.get(i))) {
                why.add(e.lab() + " " + e.model() + " moved from " + before + " to " + e.date().get()
                        + " by stronger evidence");
            }
        }
        return why.isEmpty() ? "no longer within the window after new evidence moved a date"
                : "no longer holds: " + String.join("; ", why);
    }

    private static void readCollisionRows(PreparedStatement ps, Map<String, CollisionRow> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int gap = rs.getInt("gap_days");
                Optional<Integer> gapDays = rs.wasNull() ? Optional.empty() : Optional.of(gap);
                into.put(rs.getString("id"), new CollisionRow(rs.getString("id"), Sql.date(rs, "date_a"),
                        Sql.date(rs, "date_b"), gapDays, rs.getString("tier"), rs.getBoolean("rivalry"),
                        rs.getBoolean("reported"), rs.getString("status"), rs.getString("event_a"),
                        rs.getString("event_b")));
            }
        }
    }

    private static CollisionRow rowOf(Collision col) {
        return new CollisionRow(col.id(), col.a().date().map(ReleaseDate::date), col.b().date().map(ReleaseDate::date),
                col.gapDays().map(Long::intValue), col.tier().name(), col.rivalry(), col.reported(), "ACTIVE",
                col.a().id(), col.b().id());
    }

    static String describe(Collision col) {
        return col.a().lab() + " " + col.a().model() + " (" + col.a().date().map(Objects::toString).orElse("?")
                + ") and " + col.b().lab() + " " + col.b().model() + " ("
                + col.b().date().map(Objects::toString).orElse("?") + "), " + col.tier().label()
                + col.gapDays().map(g -> ", " + g + " day(s) apart").orElse("")
                + (col.reported() ? ", reported as simultaneous" : "")
                + col.statement().map(st -> ": \"" + st + "\"").orElse("");
    }

    private static void insertCollision(Connection c, Collision col, Instant now) throws SQLException {
        String sql = """
                INSERT INTO collisions (event_a, event_b, lab_a, lab_b, date_a, date_b, gap_days, tier, rivalry,
                                        reported, status, updated_at, created_at, id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?)""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindCollision(ps, col, now);
            Sql.setInstant(ps, 12, now);
            ps.setString(13, col.id());
            ps.executeUpdate();
        }
    }

    private static void updateCollision(Connection c, Collision col, Instant now) throws SQLException {
        String sql = """
                UPDATE collisions SET event_a = ?, event_b = ?, lab_a = ?, lab_b = ?, date_a = ?, date_b = ?,
                    gap_days = ?, tier = ?, rivalry = ?, reported = ?, status = 'ACTIVE', updated_at = ?
                WHERE id = ?""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindCollision(ps, col, now);
            ps.setString(12, col.id());
            ps.executeUpdate();
        }
    }

    private static void bindCollision(PreparedStatement ps, Collision col, Instant now) throws SQLException {
        ps.setString(1, col.a().id());
        ps.setString(2, col.b().id());
        ps.setString(3, col.a().lab());
        ps.setString(4, col.b().lab());
        Sql.setDate(ps, 5, col.a().date().map(ReleaseDate::date));
        Sql.setDate(ps, 6, col.b().date().map(ReleaseDate::date));
        if (col.gapDays().isPresent()) {
            ps.setInt(7, col.gapDays().get().intValue());
        } else {
            ps.setNull(7, java.sql.Types.INTEGER);
        }
        ps.setString(8, col.tier().name());
        ps.setBoolean(9, col.rivalry());
        ps.setBoolean(10, col.reported());
        Sql.setInstant(ps, 11, now);
    }

    private static HistoryEntry history(Connection c, String collisionId, String change, String detail, Instant now)
            throws SQLException {
        String sql = "INSERT INTO collision_history (collision_id, change, detail, changed_at) VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, collisionId);
            ps.setString(2, change);
            ps.setString(3, Sql.cut(detail, 2000));
            Sql.setInstant(ps, 4, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new HistoryEntry(keys.getLong(1), collisionId, change, detail, now);
            }
        }
    }
}
