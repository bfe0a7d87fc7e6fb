package dev.collide.schedule;

import dev.collide.Pipeline;
import dev.collide.config.SourceConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The daemon's clock: one Quartz job per source at its {@code every} (the pipeline skips a source whose back-off
 * says not yet), and a detection job run after new articles. Other stages add jobs through {@link #addJob}.
 */
public final class CollideScheduler implements AutoCloseable {
    static final JobKey DETECT_JOB = JobKey.jobKey("detect", "collide");
    /** A source is looked at this often at least, so a back-off or Retry-After that ends early is noticed. */
    static final Duration MIN_CHECK = Duration.ofMinutes(1);

    private final Scheduler scheduler;
    private final Map<JobKey, Supplier<Job>> jobs = new HashMap<>();

    public CollideScheduler(Pipeline pipeline, List<SourceConfig> sources, Properties quartzProperties)
            throws SchedulerException {
        this.scheduler = new StdSchedulerFactory(quartzProperties).getScheduler();
        scheduler.setJobFactory((bundle, s) -> {
            Supplier<Job> factory = jobs.get(bundle.getJobDetail().getKey());
            if (factory == null) {
                throw new SchedulerException("no job registered for " + bundle.getJobDetail().getKey());
            }
            return factory.get();
        });
        JobDetail detect = JobBuilder.newJob(DetectJob.class).withIdentity(DETECT_JOB).storeDurably().build();
        jobs.put(DETECT_JOB, () -> new DetectJob(pipeline));
        scheduler.addJob(detect, true);
        List<SourceConfig> enabled = sources.stream().filter(SourceConfig::enabled).toList();
        for (SourceConfig source : enabled) {
            JobKey key = JobKey.jobKey("poll-" + source.id(), "sources");
            // look every 1-5 minutes; the pipeline decides from every, back-off and Retry-After whether it is due
            Duration check = clamp(source.every());
            addJob(key, () -> new PollSourceJob(pipeline, source), SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(check.toMillis()).repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount());
        }
    }

    private static Duration clamp(Duration every) {
        if (every.compareTo(MIN_CHECK) < 0) {
            return MIN_CHECK;
        }
        return every.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(5) : every;
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

    /** Registers a job and starts it now, repeating on the given schedule. */
    public void addJob(JobKey key, Supplier<Job> factory, SimpleScheduleBuilder schedule) throws SchedulerException {
        jobs.put(key, factory);
        JobDetail job = JobBuilder.newJob(factory.get().getClass()).withIdentity(key).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup()).startNow()
                .withSchedule(schedule).build();
        scheduler.scheduleJob(job, trigger);
    }

    /** Registers a job on a cron schedule in a time zone (e.g. the daily digest). */
    public void addCronJob(JobKey key, Supplier<Job> factory, org.quartz.CronScheduleBuilder schedule)
            throws SchedulerException {
        jobs.put(key, factory);
        JobDetail job = JobBuilder.newJob(factory.get().getClass()).withIdentity(key).build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup())
                .withSchedule(schedule).build();
        scheduler.scheduleJob(job, trigger);
    }

    public void start() throws SchedulerException {
        scheduler.start();
    }

    public void triggerDetection() throws SchedulerException {
        scheduler.triggerJob(DETECT_JOB);
    }

    public boolean isRunning() throws SchedulerException {
        return scheduler.isStarted() && !scheduler.isShutdown();
    }

    @Override
    public void close() throws SchedulerException {
        scheduler.shutdown(true);
    }
}
