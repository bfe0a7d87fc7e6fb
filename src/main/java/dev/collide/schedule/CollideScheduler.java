package dev.collide.schedule;

import dev.collide.Pipeline;
import dev.collide.config.SourceConfig;
import dev.collide.notify.DailyDigest;
import dev.collide.notify.OutboxDelivery;
import dev.collide.store.Backups;
import dev.collide.store.Database;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's clock: one Quartz job per source at its {@code every} (the pipeline skips a source whose back-off
 * says not yet), and a detection job run after new articles; {@code Collide} adds outbox delivery, the digest and
 * backups. Quartz types stay in this package: the others hand over the stage object a job calls.
 *
 * <p>With {@link #clusteredProperties} the jobs live in PostgreSQL and every node of the cluster registers the same
 * jobs; Quartz fires each trigger on one node, and a job marked {@code @DisallowConcurrentExecution} never runs on
 * two nodes at once. Registration is idempotent: a trigger already stored with the same schedule is left alone, so
 * a node joining does not reset the others' timing. Every node must use the same feeds.yml.
 */
public final class CollideScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CollideScheduler.class);
    static final JobKey DETECT_JOB = JobKey.jobKey("detect", "collide");
    static final String SOURCES_GROUP = "sources";
    /** A source is looked at this often at least, so a back-off or Retry-After that ends early is noticed. */
    static final Duration MIN_CHECK = Duration.ofMinutes(1);

    private final Scheduler scheduler;
    private final Map<JobKey, Supplier<Job>> jobs = new ConcurrentHashMap<>();

    public CollideScheduler(Pipeline pipeline, List<SourceConfig> sources, Properties quartzProperties)
            throws ScheduleException {
        this(pipeline, sources, quartzProperties, Optional.empty());
    }

    /** {@code checkEvery} replaces the 1-5 minute look at each source; for tests that cannot wait minutes. */
    CollideScheduler(Pipeline pipeline, List<SourceConfig> sources, Properties quartzProperties,
                     Optional<Duration> checkEvery) throws ScheduleException {
        try {
            this.scheduler = new StdSchedulerFactory(quartzProperties).getScheduler();
        } catch (SchedulerException e) {
            throw new ScheduleException("could not set up the scheduler: " + e.getMessage(), e);
        }
        try {
            register(pipeline, sources, checkEvery);
        } catch (SchedulerException e) {
            throw new ScheduleException("could not register the source and detection jobs: " + e.getMessage(), e);
        }
    }

    private void register(Pipeline pipeline, List<SourceConfig> sources, Optional<Duration> checkEvery)
            throws SchedulerException, ScheduleException {
        // this object owns the scheduler and never looks it up by name; unbinding it lets several nodes of one
        // cluster (same scheduler name) live in one JVM, as the cluster test does
        SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
        scheduler.setJobFactory((bundle, s) -> {
            Supplier<Job> factory = jobs.get(bundle.getJobDetail().getKey());
            if (factory == null) {
                throw new SchedulerException("no job registered for " + bundle.getJobDetail().getKey()
                        + "; do all nodes of the cluster use the same feeds.yml?");
            }
            return factory.get();
        });
        JobDetail detect = JobBuilder.newJob(DetectJob.class).withIdentity(DETECT_JOB).storeDurably()
                .requestRecovery().build();
        jobs.put(DETECT_JOB, () -> new DetectJob(pipeline));
        scheduler.addJob(detect, true);
        List<SourceConfig> enabled = sources.stream().filter(SourceConfig::enabled).toList();
        Set<JobKey> current = new HashSet<>();
        for (SourceConfig source : enabled) {
            JobKey key = JobKey.jobKey("poll-" + source.id(), SOURCES_GROUP);
            current.add(key);
            // look every 1-5 minutes; the pipeline decides from every, back-off and Retry-After whether it is due
            Duration check = checkEvery.orElseGet(() -> clamp(source.every()));
            // a look that missed its time (all workers busy, e.g. the first cycle of 1,000 sources) happens as
            // soon as a worker is free, rather than being skipped to the next check: the source is due
            addJob(key, () -> new PollSourceJob(pipeline, source), SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(check.toMillis()).repeatForever()
                    .withMisfireHandlingInstructionNowWithExistingCount());
        }
        // a persistent store remembers sources removed from feeds.yml since the last start
        for (JobKey stale : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SOURCES_GROUP))) {
            if (!current.contains(stale)) {
                LOG.info("source job {} is no longer in feeds.yml; removing it", stale.getName());
                scheduler.deleteJob(stale);
            }
        }
    }

    private static Duration clamp(Duration every) {
        if (every.compareTo(MIN_CHECK) < 0) {
            return MIN_CHECK;
        }
        return every.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : every;
    }

    /**
     * The settings for {@code database}: in memory on H2; on PostgreSQL a node of the cluster whose jobs live in the
     * archive database (issue #9). {@code threads} workers, 2 at least.
     */
    public static Properties properties(Database database, int threads, Duration checkin, String nodeId) {
        int workers = Math.max(2, threads);
        if (!database.isPostgres()) {
            return inMemoryProperties(workers);
        }
        return clusteredProperties(workers, database.dataSource(), checkin, nodeId);
    }

    /** Default settings for an embedded, in-memory scheduler. */
    public static Properties inMemoryProperties(int threads) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "collide");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        return p;
    }

    /**
     * Settings for one node of a cluster whose jobs live in the archive's PostgreSQL database (tables QRTZ_*,
     * created by migration V5). A node that stops checking in for {@code checkin} (plus a little slack) is presumed
     * dead and its running jobs are recovered by the others. {@code instanceId} "AUTO" names the node by host and
     * start time. Registers {@code dataSource} with Quartz's connection manager under a name of its own.
     */
    public static Properties clusteredProperties(int threads, DataSource dataSource, Duration checkin,
                                                 String instanceId) {
        String name = "collide-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(name, new DataSourceConnectionProvider(dataSource));
        Properties p = inMemoryProperties(threads);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.dataSource", name);
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkin.toMillis()));
        // take triggers under Quartz's row lock, so two nodes never both fire one trigger
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }

    /** Outbox delivery every 15 s. */
    public void deliverOutbox(OutboxDelivery delivery) throws ScheduleException {
        addJob(JobKey.jobKey("deliver-outbox", "notify"), () -> new DeliverOutboxJob(delivery),
                SimpleScheduleBuilder.repeatSecondlyForever(15).withMisfireHandlingInstructionNextWithRemainingCount());
    }

    /** The digest at {@code at} in {@code zone}, plus a catch-up every 5 min for restarts and retries. */
    public void sendDigest(DailyDigest digest, LocalTime at, ZoneId zone) throws ScheduleException {
        addCronJob(JobKey.jobKey("digest", "notify"), () -> new DigestJob(digest),
                CronScheduleBuilder.dailyAtHourAndMinute(at.getHour(), at.getMinute())
                        .inTimeZone(TimeZone.getTimeZone(zone)));
        addJob(JobKey.jobKey("digest-catch-up", "notify"), () -> new DigestJob(digest),
                SimpleScheduleBuilder.repeatMinutelyForever(5).withMisfireHandlingInstructionNextWithRemainingCount());
    }

    /**
     * A backup when the newest one is older than database.backups.every: checked at start and hourly, so a daemon
     * restarted often neither skips backups nor writes one per start.
     */
    public void backUp(Backups backups) throws ScheduleException {
        addJob(JobKey.jobKey("backup", "store"), () -> new BackupJob(backups),
                SimpleScheduleBuilder.repeatHourlyForever().withMisfireHandlingInstructionNextWithRemainingCount());
    }

    /** Registers a job and starts it now, repeating on the given schedule. */
    void addJob(JobKey key, Supplier<Job> factory, SimpleScheduleBuilder schedule) throws ScheduleException {
        jobs.put(key, factory);
        JobDetail job = recoverable(factory, key);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).startNow()
                .withSchedule(schedule).build();
        scheduleOrExplain(job, trigger);
    }

    /** Registers a job on a cron schedule in a time zone (e.g. the daily digest). */
    void addCronJob(JobKey key, Supplier<Job> factory, CronScheduleBuilder schedule) throws ScheduleException {
        jobs.put(key, factory);
        JobDetail job = recoverable(factory, key);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup())
                .withSchedule(schedule).build();
        scheduleOrExplain(job, trigger);
    }

    private void scheduleOrExplain(JobDetail job, Trigger trigger) throws ScheduleException {
        try {
            schedule(job, trigger);
        } catch (SchedulerException e) {
            throw new ScheduleException("could not schedule job " + job.getKey() + ": " + e.getMessage(), e);
        }
    }

    /**
     * In a cluster, a job that was running on a node that died is run again at once by the node that notices the
     * death (after the check-in interval), rather than at its trigger's next time: a source whose fetch was cut off
     * is fetched again within seconds, not at its next look minutes later. Every job here may run twice: a fetch
     * stores each article once, detection and delivery are idempotent, the digest is sent once per date.
     */
    private static JobDetail recoverable(Supplier<Job> factory, JobKey key) {
        return JobBuilder.newJob(factory.get().getClass()).withIdentity(key).requestRecovery().build();
    }

    /** Stores the job and trigger unless the same schedule is stored already (by another node or an earlier run). */
    private void schedule(JobDetail job, Trigger trigger) throws SchedulerException {
        Trigger stored = scheduler.getTrigger(trigger.getKey());
        JobDetail storedJob = scheduler.getJobDetail(job.getKey());
        if (stored != null && sameSchedule(stored, trigger) && job.getJobClass().equals(storedJob.getJobClass())
                && job.requestsRecovery() == storedJob.requestsRecovery()) {
            return;
        }
        scheduler.scheduleJob(job, Set.of(trigger), true);
    }

    private static boolean sameSchedule(Trigger a, Trigger b) {
        if (a.getMisfireInstruction() != b.getMisfireInstruction()) {
            return false;
        }
        if (a instanceof SimpleTrigger sa && b instanceof SimpleTrigger sb) {
            return sa.getRepeatInterval() == sb.getRepeatInterval() && sa.getRepeatCount() == sb.getRepeatCount();
        }
        if (a instanceof CronTrigger ca && b instanceof CronTrigger cb) {
            return ca.getCronExpression().equals(cb.getCronExpression())
                    && ca.getTimeZone().getID().equals(cb.getTimeZone().getID());
        }
        return false;
    }

    public void start() throws ScheduleException {
        try {
            scheduler.start();
        } catch (SchedulerException e) {
            throw new ScheduleException("could not start the scheduler: " + e.getMessage(), e);
        }
    }

    public void triggerDetection() throws ScheduleException {
        try {
            scheduler.triggerJob(DETECT_JOB);
        } catch (SchedulerException e) {
            throw new ScheduleException("could not trigger detection: " + e.getMessage(), e);
        }
    }

    public boolean isRunning() throws ScheduleException {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            throw new ScheduleException("could not ask the scheduler whether it runs: " + e.getMessage(), e);
        }
    }

    /** Stops firing new jobs and waits for running ones to finish. */
    @Override
    public void close() throws ScheduleException {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            throw new ScheduleException("could not stop the scheduler: " + e.getMessage(), e);
        }
    }
}
