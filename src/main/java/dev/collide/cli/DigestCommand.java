package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.notify.DailyDigest;
import dev.collide.notify.Digest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide digest}: render the daily digest, or send it now. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Render the daily digest (--preview, HTML to stdout) or send it now (--send-now).")
public final class DigestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--preview", description = "Write the digest's HTML to stdout; send nothing.")
        boolean preview;

        @Option(names = "--send-now", description = "Send the digest now, unless that date was already sent.")
        boolean sendNow;
    }

    @Option(names = "--text", description = "With --preview: the plain-text part instead of the HTML.")
    boolean text;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The digest's date; it covers the 24 hours"
            + " before that day's notify.email.at. Default: today in notify.email.timezone, up to now, so it shows"
            + " what the last fetch brought in even after notify.email.at.")
    LocalDate date;

    @Override
    public Integer call() throws Exception {
        var config = main.loadConfigWithoutSources();
        var mail = config.notifications().email();
        ZoneId zone = mail.map(m -> m.timezone()).orElse(ZoneOffset.UTC);
        LocalTime at = mail.map(m -> m.at()).orElse(LocalTime.of(8, 0));
        var out = spec.commandLine().getOut();
        try (Collide collide = Collide.open(config, Clock.systemUTC())) {
            LocalDate day = date != null ? date : LocalDate.now(collide.clock().withZone(zone));
            if (action.preview) {
                Digest digest = date != null ? DailyDigest.preview(collide.digestComposer(), date, at, zone)
                        : DailyDigest.previewNow(collide.digestComposer(), collide.clock().instant(), at, zone);
                out.print(text ? digest.text() : digest.html());
                out.flush();
                return 0;
            }
            if (collide.dailyDigest().isEmpty()) {
                spec.commandLine().getErr().println("error: mail is off; set SMTP_HOST and SMTP_TO (and SMTP_USER,"
                        + " SMTP_PASSWORD) or fill in notify.email in config/collide.yml");
                return 1;
            }
            DailyDigest.Outcome outcome = date != null ? collide.dailyDigest().get().sendDaily(date)
                    : collide.dailyDigest().get().sendNow();
            out.println("digest " + day + ": " + switch (outcome) {
                case SENT -> "sent to " + String.join(", ", mail.orElseThrow().to());
                case SKIPPED_QUIET -> "nothing new, not sent (notify.email.quietDays: skip)";
                case ALREADY_DONE -> "already sent, skipped or being sent; not sent again";
                case FAILED -> "the SMTP server did not take it; see the log, the daemon retries";
                case NOT_DUE -> "not due";
            });
            return outcome == DailyDigest.Outcome.FAILED ? 1 : 0;
        }
    }
}
