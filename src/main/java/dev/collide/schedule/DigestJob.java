package dev.collide.schedule;

import dev.collide.notify.DailyDigest;
import dev.collide.store.StoreException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends today's digest once its time has come. Runs on the daily cron and as a periodic catch-up, which is
 * harmless: the digests table lets a date be sent once, and a failed send be retried when due.
 */
@DisallowConcurrentExecution
public final class DigestJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(DigestJob.class);

    private final DailyDigest digest;

    public DigestJob(DailyDigest digest) {
        this.digest = digest;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            DailyDigest.Outcome outcome = digest.sendDue();
            LOG.debug("digest job: {}", outcome);
        } catch (StoreException | RuntimeException e) {
            LOG.error("daily digest failed; the catch-up run tries again", e);
        }
    }
}
