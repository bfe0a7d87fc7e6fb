package dev.collide.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 12: the claim is a compare-and-set on H2 too. A node that selected due rows and lost them to another
 * node before its UPDATE must claim none of them. The race is staged, not timed: node B claims at the moment node A
 * prepares its claim UPDATE, on the same real H2 archive.
 */
class OutboxClaimRaceTest {
    private static final Instant NOW = Instant.parse("2026-04-25T10:00:00Z");

    @Test
    void claimDue_rowsTakenBetweenSelectAndUpdate_areNotClaimedTwice() throws Exception {
        try (var archive = new TestArchive(List.of("slack"), Set.of("deepseek"))) {
            archive.deepSeekAndKimi(NOW);
            DataSource real = archive.db.dataSource();
            var nodeB = new JdbcOutbox(real);
            List<OutboxEntry> claimedByB = new ArrayList<>();
            var nodeA = new JdbcOutbox(beforeClaimUpdate(real, () -> claimedByB.addAll(
                    nodeB.claimDue(List.of("slack"), "node-b", NOW, OutboxDelivery.LEASE, 50))));

            List<OutboxEntry> claimedByA = nodeA.claimDue(List.of("slack"), "node-a", NOW, OutboxDelivery.LEASE, 50);

            assertThat(claimedByB).isNotEmpty();
            assertThat(claimedByA).isEmpty();
            for (OutboxEntry e : claimedByB) {
                assertThat(nodeB.find(e.id())).get().satisfies(row -> assertThat(row.attempts()).isEqualTo(1));
                assertThat(nodeB.markSent(e.id(), "node-b", NOW)).isTrue();
            }
            assertThat(nodeB.list(Optional.of("SENT"), 50)).hasSameSizeAs(claimedByB);
        }
    }

    interface Step {
        void run() throws Exception;
    }

    /** Runs {@code step} once, just before the first claim UPDATE is prepared on a connection of {@code real}. */
    private static DataSource beforeClaimUpdate(DataSource real, Step step) {
        boolean[] done = {false};
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection c = real.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement") && !done[0]
                                    && String.valueOf(args[0]).startsWith("UPDATE outbox SET status = 'SENDING'")) {
                                done[0] = true;
                                step.run();
                            }
                            try {
                                return method.invoke(c, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return real.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                real.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                real.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return real.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                return real.getParentLogger();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                return real.unwrap(iface);
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) throws SQLException {
                return real.isWrapperFor(iface);
            }
        };
    }
}
