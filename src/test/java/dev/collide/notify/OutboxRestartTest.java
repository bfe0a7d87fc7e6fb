package dev.collide.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.collide.config.DatabaseConfig;
import dev.collide.config.NotifyConfig;
import dev.collide.config.Secret;
import dev.collide.store.Database;
import dev.collide.store.JdbcArchiveReader;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.OutboxPolicy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A process stops with alerts pending or mid-delivery; the next process delivers each one exactly once. */
@WireMockTest
class OutboxRestartTest {
    private static final Instant NOW = Instant.parse("2026-04-25T10:00:00Z");

    /** Everything a running process builds, on the shared database: a "restart" is a new one of these. */
    private static OutboxDelivery newProcess(Database db, WireMockRuntimeInfo wm, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        var events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of("slack"), Set.of("deepseek")));
        var slack = new SlackNotifier(new NotifyConfig.Slack(new Secret("SLACK_WEBHOOK_URL",
                wm.getHttpBaseUrl() + "/hook")), Duration.ofSeconds(5), clock);
        var renderer = new AlertRenderer(new JdbcArchiveReader(db.dataSource()), URI.create("http://127.0.0.1:8080"));
        return new OutboxDelivery(new JdbcOutbox(db.dataSource()), renderer, List.of(slack), clock);
    }

    @Test
    void deliverDue_afterCrashMidDeliveryAndRestart_sendsEachAlertOnce(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/hook").willReturn(ok("ok")));
        try (var archive = new TestArchive(List.of("slack"), Set.of("deepseek"))) {
            // a collision and a watched lab's new event: two alerts
            archive.deepSeekAndKimi(NOW);
            var outbox = new JdbcOutbox(archive.db.dataSource());
            // the first process claims both rows, then dies before sending anything
            List<OutboxEntry> claimedByDeadProcess = outbox.claimDue(List.of("slack"), "dead-process", NOW,
                    OutboxDelivery.LEASE, 50);
            archive.db.close();

            try (Database reopened = Database.open(new DatabaseConfig(archive.url, Optional.empty(),
                    Optional.empty()))) {
                DeliveryReport beforeLeaseEnds = newProcess(reopened, wm, NOW.plusSeconds(60)).deliverDue();
                DeliveryReport afterLease = newProcess(reopened, wm, NOW.plus(OutboxDelivery.LEASE)).deliverDue();
                DeliveryReport again = newProcess(reopened, wm, NOW.plus(Duration.ofHours(1))).deliverDue();

                assertThat(claimedByDeadProcess).hasSize(2);
                assertThat(beforeLeaseEnds).isEqualTo(new DeliveryReport(0, 0, 0));
                assertThat(afterLease).isEqualTo(new DeliveryReport(2, 0, 0));
                assertThat(again).isEqualTo(new DeliveryReport(0, 0, 0));
                verify(exactly(2), postRequestedFor(urlEqualTo("/hook")));
                assertThat(new JdbcOutbox(reopened.dataSource()).list(Optional.of("SENT"), 10)).hasSize(2);
            }
        }
    }

    @Test
    void deliverDue_pendingWhenStopped_deliveredOnceByNextProcess(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post("/hook").willReturn(ok("ok")));
        try (var archive = new TestArchive(List.of("slack"), Set.of())) {
            archive.deepSeekAndKimi(NOW);

            DeliveryReport first = newProcess(archive.db, wm, NOW).deliverDue();
            DeliveryReport second = newProcess(archive.db, wm, NOW.plusSeconds(15)).deliverDue();

            assertThat(first).isEqualTo(new DeliveryReport(1, 0, 0));
            assertThat(second).isEqualTo(new DeliveryReport(0, 0, 0));
            verify(exactly(1), postRequestedFor(urlEqualTo("/hook")));
        }
    }

    @Test
    void claimDue_twoNodes_neverClaimTheSameRow() throws Exception {
        try (var archive = new TestArchive(List.of("slack"), Set.of("deepseek"))) {
            archive.deepSeekAndKimi(NOW);
            var outbox = new JdbcOutbox(archive.db.dataSource());

            List<OutboxEntry> nodeA = outbox.claimDue(List.of("slack"), "node-a", NOW, OutboxDelivery.LEASE, 1);
            List<OutboxEntry> nodeB = outbox.claimDue(List.of("slack"), "node-b", NOW, OutboxDelivery.LEASE, 50);
            List<OutboxEntry> nodeC = outbox.claimDue(List.of("slack"), "node-c", NOW, OutboxDelivery.LEASE, 50);

            assertThat(nodeA).hasSize(1);
            assertThat(nodeB).hasSize(1);
            assertThat(nodeB.get(0).id()).isNotEqualTo(nodeA.get(0).id());
            assertThat(nodeC).isEmpty();
            assertThat(outbox.markSent(nodeA.get(0).id(), "node-b", NOW)).isFalse();
        }
    }
}
