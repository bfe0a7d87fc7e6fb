package dev.collide.store;

import static dev.collide.store.EventRows.RELEASE_EVIDENCE_SELECT;
import static dev.collide.store.EventRows.queryList;
import static dev.collide.store.EventRows.readEvent;
import static dev.collide.store.EventRows.readEvidence;

import dev.collide.detect.Collision;
import dev.collide.detect.Evidence;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.CoRelease;
import dev.collide.extract.Precision;
import dev.collide.extract.ReleaseDate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The detection store on JDBC: the release evidence and co-releases detection reads, and {@link #saveDetection},
 * which writes a detection run's result in one transaction: events upserted, collisions created, updated or retracted
 * with their history ({@link EventWriter}, {@link CollisionWriter}), and the outbox rows those changes cause
 * ({@link OutboxRows}). The archive's queries are {@link JdbcArchiveReader}'s.
 */
public final class JdbcEventStore implements EventStore {
    private final DataSource dataSource;
    private final OutboxPolicy outbox;

    public JdbcEventStore(DataSource dataSource, OutboxPolicy outbox) {
        this.dataSource = dataSource;
        this.outbox = outbox;
    }

    /** Every release mention (not mere mentions), with its article's kind, link and fingerprint. */
    @Override
    public List<Evidence> loadReleaseEvidence() throws StoreException {
        String sql = RELEASE_EVIDENCE_SELECT + """
                WHERE m.is_release = TRUE
                ORDER BY m.id""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<Evidence> result = new ArrayList<>();
            readEvidence(rs, result);
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read release evidence: " + e.getMessage(), e);
        }
    }

    /** The detection settings the stored collisions were computed with, if any run recorded them. */
    @Override
    public Optional<String> appliedDetectionSettings() throws StoreException {
        return queryList(dataSource, "detection settings", "SELECT settings FROM detection_settings WHERE id = 1",
                ps -> { }, rs -> rs.getString(1)).stream().findFirst();
    }

    /** Records the settings of a full detection pass (one row, replaced). */
    @Override
    public void recordDetectionSettings(String settings, Instant at) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM detection_settings WHERE id = 1");
                 PreparedStatement ins = c.prepareStatement(
                         "INSERT INTO detection_settings (id, settings, applied_at) VALUES (1, ?, ?)")) {
                del.executeUpdate();
                ins.setString(1, Sql.cut(settings, 2000));
                Sql.setInstant(ins, 2, at);
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not record detection settings: " + e.getMessage(), e);
        }
    }

    /** Release families with evidence no detection run has taken into account yet. */
    @Override
    public Set<FamilyKey> undetectedFamilies() throws StoreException {
        String sql = """
                SELECT DISTINCT lab, family FROM mentions WHERE detected = FALSE AND is_release = TRUE
                UNION SELECT lab_a, family_a FROM co_releases WHERE detected = FALSE
                UNION SELECT lab_b, family_b FROM co_releases WHERE detected = FALSE""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            Set<FamilyKey> result = new HashSet<>();
            while (rs.next()) {
                result.add(new FamilyKey(rs.getString(1), rs.getString(2)));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read new evidence: " + e.getMessage(), e);
        }
    }

    /** Release evidence of the given families only. */
    @Override
    public List<Evidence> loadReleaseEvidence(Collection<FamilyKey> families) throws StoreException {
        String sql = RELEASE_EVIDENCE_SELECT + """
                WHERE m.is_release = TRUE AND m.lab = ? AND m.family = ?
                ORDER BY m.id""";
        List<Evidence> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (FamilyKey key : families) {
                ps.setString(1, key.lab());
                ps.setString(2, key.family());
                try (ResultSet rs = ps.executeQuery()) {
                    readEvidence(rs, result);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read release evidence: " + e.getMessage(), e);
        }
    }

    /** Stored events dated within [from, to] (without their evidence): the neighbours an incremental run compares. */
    @Override
    public List<ReleaseEvent> eventsDatedBetween(LocalDate from, LocalDate to) throws StoreException {
        return queryList(dataSource, "release events",
                "SELECT * FROM release_events WHERE release_date >= ? AND release_date <= ?",
                ps -> {
                    ps.setObject(1, from);
                    ps.setObject(2, to);
                }, rs -> toReleaseEvent(readEvent(rs, "")));
    }

    /** Stored events of the given families (without evidence). */
    @Override
    public List<ReleaseEvent> eventsOf(Collection<FamilyKey> families) throws StoreException {
        List<ReleaseEvent> result = new ArrayList<>();
        for (FamilyKey key : families) {
            String id = ReleaseEvent.idFor(key.lab(), key.family());
            result.addAll(queryList(dataSource, "release event " + id, "SELECT * FROM release_events WHERE id = ?",
                    ps -> ps.setString(1, id), rs -> toReleaseEvent(readEvent(rs, ""))));
        }
        return result;
    }

    static ReleaseEvent toReleaseEvent(StoredEvent e) {
        Optional<ReleaseDate> date = e.date().map(d -> {
            Precision precision = Precision.valueOf(e.precision().orElse("DAY"));
            return precision == Precision.INSTANT ? ReleaseDate.ofInstant(e.releaseAt().orElseThrow())
                    : new ReleaseDate(d, precision, Optional.empty());
        });
        return new ReleaseEvent(e.id(), e.lab(), e.family(), e.model(), date, e.confidence(), e.sourceCount(),
                List.of());
    }

    /** Co-release statements naming one of the families on either side. */
    @Override
    public List<CoRelease> loadCoReleases(Collection<FamilyKey> families) throws StoreException {
        String sql = """
                SELECT lab_a, family_a, lab_b, family_b, max_gap_days, evidence FROM co_releases
                WHERE (lab_a = ? AND family_a = ?) OR (lab_b = ? AND family_b = ?) ORDER BY id""";
        LinkedHashSet<CoRelease> result = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (FamilyKey key : families) {
                ps.setString(1, key.lab());
                ps.setString(2, key.family());
                ps.setString(3, key.lab());
                ps.setString(4, key.family());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(new CoRelease(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getInt(5), rs.getString(6)));
                    }
                }
            }
            return new ArrayList<>(result);
        } catch (SQLException e) {
            throw new StoreException("could not read co-releases: " + e.getMessage(), e);
        }
    }

    @Override
    public List<CoRelease> loadCoReleases() throws StoreException {
        String sql = "SELECT lab_a, family_a, lab_b, family_b, max_gap_days, evidence FROM co_releases ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            List<CoRelease> result = new ArrayList<>();
            while (rs.next()) {
                result.add(new CoRelease(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6)));
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not read co-releases: " + e.getMessage(), e);
        }
    }

    /** Writes a full detection result; collisions not in {@code collisions} but active in the archive are retracted. */
    @Override
    public DetectionChanges saveDetection(List<ReleaseEvent> events, List<Collision> collisions, Instant now)
            throws StoreException {
        return saveDetection(events, collisions, Optional.empty(), now);
    }

    /**
     * Writes a detection result in one transaction. With a {@code scope} (event ids), only collisions touching those
     * events are compared and retracted: an incremental run. Every mention and co-release is marked detected in the
     * same transaction, so a crash re-runs the work instead of losing it.
     */
    @Override
    public DetectionChanges saveDetection(List<ReleaseEvent> events, List<Collision> collisions,
                                          Optional<Set<String>> scope, Instant now) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<String> gone = scope.isPresent() ? EventWriter.vanishedEvents(c, events)
                        : EventWriter.unbuiltEvents(c, events);
                Optional<Set<String>> widened = scope;
                if (scope.isPresent() && !gone.isEmpty()) {
                    Set<String> all = new HashSet<>(scope.get());
                    all.addAll(gone);
                    widened = Optional.of(all);
                }
                int[] eventCounts = EventWriter.upsertEvents(c, outbox, events, now);
                EventWriter.undate(c, gone, now);
                List<HistoryEntry> changes = CollisionWriter.applyCollisions(c, events, collisions, widened, gone, now);
                int outboxRows = 0;
                for (HistoryEntry h : changes) {
                    outboxRows += OutboxRows.enqueue(c, outbox, "COLLISION", h.collisionId(), h.change(),
                            "history-" + h.id(), now);
                }
                EventWriter.markDetected(c, events);
                c.commit();
                return new DetectionChanges(eventCounts[0], eventCounts[1], changes,
                        outboxRows + eventCounts[2]);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("could not save detection results: " + e.getMessage(), e);
        }
    }
}
