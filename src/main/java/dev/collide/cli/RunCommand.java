package dev.collide.cli;

import dev.collide.Collide;
import dev.collide.config.CollideConfig;
import dev.collide.config.YamlMap;
import dev.collide.schedule.BackupJob;
import dev.collide.schedule.CollideScheduler;
import dev.collide.schedule.DeliverOutboxJob;
import dev.collide.schedule.DigestJob;
import dev.collide.store.ArchiveShare;
import dev.collide.store.Backups;
import dev.collide.web.ArchiveServer;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code collide run}: the daemon. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the daemon: poll each source at its interval, detect after new articles, and serve the"
                + " archive (unless --no-serve or server.enabled: false). Ctrl-C stops.")
public final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WindowOption window;

    @Option(names = "--threads", defaultValue = "4", description = "Worker threads (default 4).")
    int threads;

    @Option(names = "--no-serve", description = "Do not start the archive server (see server.enabled).")
    boolean noServe;

    @Option(names = "--cluster-checkin", paramLabel = "DURATION", defaultValue = "5s", description = "PostgreSQL"
            + " cluster only: how often this node checks in; a node silent for longer is presumed dead and its work"
            + " moves to the others (default 5s).")
    String clusterCheckin;

    @Option(names = "--node-id", paramLabel = "ID", defaultValue = "AUTO", description = "PostgreSQL cluster only:"
            + " this node's unique name (default AUTO: host name and start time).")
    String nodeId;

    @Override
    public Integer call() throws Exception {
        CollideConfig config = main.loadConfig();
        config = window.applyTo(config);
        config = config.withDatabase(config.database().closedByOwner()); // StopSignal closes it, in order
        PrintWriter out = spec.commandLine().getOut();
        StopSignal stop = null;
        try (Collide collide = Collide.open(config, Clock.systemUTC());
             // CLI commands beside the daemon read and write through it (issue #14); closed before the database
             ArchiveShare share = ArchiveShare.start(config.database());
             CollideScheduler scheduler = new CollideScheduler(collide.pipeline(), config.sources(),
                     schedulerProperties(collide));
             // the archive server runs beside the scheduler unless disabled; null is skipped by try-with-resources
             ArchiveServer server = config.server().enabled() && !noServe
                     ? ServeCommand.start(collide, config.server().bind(), config.server().port(), out) : null) {
            stop = StopSignal.register("collide-shutdown", () -> {
                if (server != null) {
                    server.close(); // stop answering before the database goes away
                }
                try {
                    scheduler.close(); // waits for running jobs, so none writes while the database closes
                } catch (Exception e) {
                    // shutting down anyway
                }
            });
            addNotifyJobs(collide, scheduler, config);
            addBackupJob(collide, scheduler, config);
            // a full pass when the window or rules changed since the stored result; later runs are incremental
            out.println(collide.pipeline().detectOnStart().line());
            scheduler.start();
            out.println("collide: running with " + collide.enabledSources().size() + " sources"
                    + (collide.database().isPostgres() ? " as a node of a PostgreSQL cluster (check-in every "
                    + clusterCheckin + ")" : "") + "; Ctrl-C stops");
            out.println("collide: alerts on " + (config.notifications().outboxChannels().isEmpty() ? "no channel"
                    : String.join(", ", config.notifications().outboxChannels())) + "; daily digest "
                    + config.notifications().email().map(m -> "at " + m.at() + " " + m.timezone()).orElse("off"));
            out.flush();
            stop.awaitRequest();
        } finally {
            if (stop != null) {
                stop.closed();
            }
        }
        return 0;
    }

    /** In memory on H2; on PostgreSQL a node of the cluster whose jobs live in the archive database (issue #9). */
    private Properties schedulerProperties(Collide collide) {
        int workers = Math.max(2, threads);
        if (!collide.database().isPostgres()) {
            return CollideScheduler.inMemoryProperties(workers);
        }
        return CollideScheduler.clusteredProperties(workers, collide.database().dataSource(),
                checkin(), nodeId);
    }

    private Duration checkin() {
        try {
            Duration d = YamlMap.parseDuration(clusterCheckin);
            if (d.toMillis() < 500 || d.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("out of range");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--cluster-checkin '"
                    + clusterCheckin + "' is not a duration between 500ms and 5m; write e.g. 5s");
        }
    }

    /**
     * An embedded H2 archive is backed up when its newest backup is older than database.backups.every: checked at
     * start and hourly, so a daemon restarted often neither skips backups nor writes one per start.
     */
    private static void addBackupJob(Collide collide, CollideScheduler scheduler, CollideConfig config)
            throws org.quartz.SchedulerException {
        var backups = config.database().backups();
        if (config.database().isEmbeddedH2File() && backups.enabled()) {
            var writer = new Backups(collide.database().dataSource(), config.database().backupDir(), backups,
                    Clock.systemUTC());
            scheduler.addJob(JobKey.jobKey("backup", "store"), () -> new BackupJob(writer),
                    SimpleScheduleBuilder.repeatHourlyForever().withMisfireHandlingInstructionNextWithRemainingCount());
        }
    }

    /** Outbox delivery every 15 s; the digest at its hour, plus a catch-up every 5 min for restarts and retries. */
    private static void addNotifyJobs(Collide collide, CollideScheduler scheduler, CollideConfig config)
            throws org.quartz.SchedulerException {
        if (!config.notifications().outboxChannels().isEmpty()) {
            scheduler.addJob(JobKey.jobKey("deliver-outbox", "notify"), () -> new DeliverOutboxJob(collide.delivery()),
                    SimpleScheduleBuilder.repeatSecondlyForever(15)
                            .withMisfireHandlingInstructionNextWithRemainingCount());
        }
        var digest = collide.dailyDigest();
        var mail = config.notifications().email();
        if (digest.isPresent() && mail.isPresent()) {
            scheduler.addCronJob(JobKey.jobKey("digest", "notify"), () -> new DigestJob(digest.get()),
                    CronScheduleBuilder.dailyAtHourAndMinute(mail.get().at().getHour(), mail.get().at().getMinute())
                            .inTimeZone(java.util.TimeZone.getTimeZone(mail.get().timezone())));
            scheduler.addJob(JobKey.jobKey("digest-catch-up", "notify"), () -> new DigestJob(digest.get()),
                    SimpleScheduleBuilder.repeatMinutelyForever(5)
                            .withMisfireHandlingInstructionNextWithRemainingCount());
        }
    }
}
