package dev.collide.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.collide.config.NotifyConfig;
import dev.collide.config.Secret;
import dev.collide.fetch.Validators;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.SourceHealth;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DailyDigestTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("collide", "smtp-pw"))
            .withPerMethodLifecycle(true);

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** 08:30 in Berlin (CEST): the digest of 25 April, covering 24 April 08:00 to 25 April 08:00, is due. */
    private static final Instant NOW = Instant.parse("2026-04-25T06:30:00Z");
    private static final Instant YESTERDAY_NOON = Instant.parse("2026-04-24T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 4, 25);

    private TestArchive archive;

    @BeforeEach
    void open() throws Exception {
        archive = new TestArchive(List.of(), Set.of());
    }

    @AfterEach
    void close() {
        archive.close();
    }

    private static NotifyConfig.Email email(int port, boolean sendQuietDays) {
        return new NotifyConfig.Email("127.0.0.1", port, false, Optional.of("collide"),
                Optional.of(new Secret("SMTP_PASSWORD", "smtp-pw")), "collide@example.org",
                List.of("ana@example.org", "ben@example.org"), LocalTime.of(8, 0), BERLIN, sendQuietDays);
    }

    /** A freshly started process's digest job on the shared database. */
    private DailyDigest newProcess(NotifyConfig.Email email, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        var composer = new DigestComposer(archive.reader, new JdbcSourceStateStore(archive.db.dataSource()),
                new JdbcCitedArticles(archive.db.dataSource()), URI.create("http://127.0.0.1:8080"), List.of());
        return new DailyDigest(email, composer, new DigestMailer(email, Duration.ofSeconds(5), clock),
                new JdbcDigestLog(archive.db.dataSource()), clock);
    }

    private DailyDigest newProcess() {
        return newProcess(email(greenMail.getSmtp().getPort(), false), NOW);
    }

    @Test
    void sendDue_newCollision_sendsOneMultipartMessageToEachRecipient() throws Exception {
        archive.deepSeekAndKimi(YESTERDAY_NOON);

        DailyDigest.Outcome outcome = newProcess().sendDue();

        assertThat(outcome).isEqualTo(DailyDigest.Outcome.SENT);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2); // one delivery per recipient mailbox, one message
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Collide digest 2026-04-25: 1 new collision, 2 new releases");
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Address::toString))
                .containsExactly("ana@example.org", "ben@example.org");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("collide@example.org");
        assertThat(mail.getMessageID()).isEqualTo("<digest-2026-04-25.collide@example.org>");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html; charset=UTF-8");
        // SMTP carries CRLF line ends
        String text = ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n");
        assertThat(text).contains("New collisions (1)\n- DeepSeek V4 × Kimi K2.6: deepseek 2026-04-24 · moonshot"
                + " 2026-04-25 · 1 day apart · within 72 hours\n  http://127.0.0.1:8080/collisions/");
        assertThat(text).contains("2026-04-24 08:00 to 2026-04-25 08:00 (Europe/Berlin)");
        String html = ((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n");
        assertThat(html).contains("<h2>New release events (2)</h2>\n<h3>deepseek</h3>");
        assertThat(html).contains("<li><a href=\"https://wire.example/deepseek-v4\">DeepSeek ships V4</a>"
                + " (wire, 1 release mention)</li>");
    }

    @Test
    void sendDaily_twiceAndAfterRestart_sendsTheDayOnce() throws Exception {
        archive.deepSeekAndKimi(YESTERDAY_NOON);

        var first = newProcess().sendDaily(DAY);
        var again = newProcess().sendDaily(DAY);
        var restartedAtEight = newProcess(email(greenMail.getSmtp().getPort(), false), NOW.plusSeconds(60))
                .sendDue();

        assertThat(List.of(first, again, restartedAtEight)).containsExactly(DailyDigest.Outcome.SENT,
                DailyDigest.Outcome.ALREADY_DONE, DailyDigest.Outcome.ALREADY_DONE);
        assertThat(greenMail.getReceivedMessages()).hasSize(2); // two recipients, one message
        var row = new JdbcDigestLog(archive.db.dataSource()).find(DAY).orElseThrow();
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.sentAt()).contains(NOW);
    }

    @Test
    void sendDaily_hostileFeedStrings_areEscapedInHtml() throws Exception {
        archive.release("wire", "<script>alert(1)</script> & \"quotes\"", "https://wire.example/x", "deepseek",
                "deepseek-v4", "V4 <img src=x onerror=alert(1)>", LocalDate.of(2026, 4, 24), YESTERDAY_NOON);
        archive.detect(YESTERDAY_NOON);

        String html = newProcess().preview(DAY).html();

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
        assertThat(html).contains("V4 &lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).doesNotContain("<script>", "<img");
    }

    @Test
    void sendDue_quietDayWithSkip_sendsNothing() throws Exception {
        var outcome = newProcess().sendDue();

        assertThat(outcome).isEqualTo(DailyDigest.Outcome.SKIPPED_QUIET);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(new JdbcDigestLog(archive.db.dataSource()).find(DAY).orElseThrow().status()).isEqualTo("SKIPPED");
    }

    @Test
    void sendDue_quietDayWithSend_sendsNothingNewMail() throws Exception {
        var outcome = newProcess(email(greenMail.getSmtp().getPort(), true), NOW).sendDue();

        assertThat(outcome).isEqualTo(DailyDigest.Outcome.SENT);
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("Collide digest 2026-04-25: nothing new");
    }

    @Test
    void sendDue_beforeTheConfiguredTime_isNotDue() throws Exception {
        var outcome = newProcess(email(greenMail.getSmtp().getPort(), true), Instant.parse("2026-04-25T05:59:00Z"))
                .sendDue();

        assertThat(outcome).isEqualTo(DailyDigest.Outcome.NOT_DUE);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void sendDaily_smtpDown_failsThenSendsOnceWhenRetryIsDue() throws Exception {
        archive.deepSeekAndKimi(YESTERDAY_NOON);
        int closedPort = greenMail.getSmtp().getPort() + 1;

        var down = newProcess(email(closedPort, false), NOW).sendDaily(DAY);
        var tooEarly = newProcess(email(greenMail.getSmtp().getPort(), false), NOW.plusSeconds(60)).sendDaily(DAY);
        var retried = newProcess(email(greenMail.getSmtp().getPort(), false), NOW.plus(DailyDigest.FIRST_RETRY))
                .sendDaily(DAY);

        assertThat(List.of(down, tooEarly, retried)).containsExactly(DailyDigest.Outcome.FAILED,
                DailyDigest.Outcome.ALREADY_DONE, DailyDigest.Outcome.SENT);
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(new JdbcDigestLog(archive.db.dataSource()).find(DAY).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void preview_failingAndSilentSources_listedForAttention() throws Exception {
        var states = new JdbcSourceStateStore(archive.db.dataSource());
        states.save(new SourceHealth("qwen-blog", Validators.NONE, Optional.of(NOW), Optional.empty(),
                Optional.of(NOW.minus(Duration.ofDays(2))), "failed", Optional.of("HTTP 503 from qwenlm.github.io"),
                4, Optional.empty(), 10, 0, 3));
        states.save(new SourceHealth("hf-blog", Validators.NONE, Optional.of(NOW), Optional.of(NOW),
                Optional.of(Instant.parse("2026-04-01T00:00:00Z")), "unchanged", Optional.empty(), 0,
                Optional.empty(), 10, 9, 12));
        states.save(new SourceHealth("fine", Validators.NONE, Optional.of(NOW), Optional.of(NOW),
                Optional.of(NOW.minus(Duration.ofDays(1))), "ok", Optional.empty(), 0, Optional.empty(), 10, 0, 5));

        String text = newProcess().preview(DAY).text();

        assertThat(text).contains("Sources that need attention\n"
                + "- hf-blog: silent: no new items since 2026-04-01, though it used to yield some\n"
                + "- qwen-blog: failing: 4 polls in a row; last error: HTTP 503 from qwenlm.github.io\n");
    }
}
