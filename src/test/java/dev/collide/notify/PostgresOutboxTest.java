package dev.collide.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.store.Database;
import dev.collide.store.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes claiming the outbox of one PostgreSQL archive at the same time (issue #9). */
class PostgresOutboxTest {
    private static final Instant NOW = Instant.parse("2026-04-25T10:00:00Z");
    private static final int ROWS = 200;

    private PostgresTestDatabase pg;
    private Database db;

    @BeforeEach
    void open() throws Exception {
        pg = PostgresTestDatabase.create();
        db = Database.open(pg.config());
        String insert = """
                INSERT INTO outbox (channel, dedup_key, subject_kind, subject_id, change, payload, status,
                                    next_attempt_at, created_at, give_up_at)
                VALUES ('slack', ?, 'COLLISION', ?, 'CREATED', '{}', 'PENDING', ?, ?, ?)""";
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
            for (int i = 0; i < ROWS; i++) {
                ps.setString(1, "history-" + i);
                ps.setString(2, "c" + i);
                ps.setObject(3, NOW.atOffset(ZoneOffset.UTC));
                ps.setObject(4, NOW.atOffset(ZoneOffset.UTC));
                ps.setObject(5, NOW.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void claimDue_twoNodesConcurrently_claimEachRowOnce() throws Exception {
        var outbox = new JdbcOutbox(db.dataSource());
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        Callable<Integer> node = () -> {
            String owner = Thread.currentThread().getName();
            int mine = 0;
            List<OutboxEntry> batch;
            do {
                batch = outbox.claimDue(List.of("slack"), owner, NOW, OutboxDelivery.LEASE, 7);
                batch.forEach(e -> claimed.add(e.id()));
                mine += batch.size();
            } while (!batch.isEmpty());
            return mine;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(node);
            Future<Integer> b = pool.submit(node);

            assertThat(a.get() + b.get()).isEqualTo(ROWS);
        } finally {
            pool.shutdown();
        }
        assertThat(claimed).hasSize(ROWS).doesNotHaveDuplicates();
    }
}
