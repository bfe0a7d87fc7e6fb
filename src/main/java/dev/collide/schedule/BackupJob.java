package dev.collide.schedule;

import dev.collide.store.Backups;
import dev.collide.store.StoreException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Backs up the embedded archive when the newest backup is older than database.backups.every. */
@DisallowConcurrentExecution
public final class BackupJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(BackupJob.class);

    private final Backups backups;

    public BackupJob(Backups backups) {
        this.backups = backups;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            backups.writeIfDue().ifPresent(file -> LOG.info("backup written: {}", file));
        } catch (StoreException | RuntimeException e) {
            LOG.error("backup failed; the archive is unchanged and the backup is tried again within the hour", e);
        }
    }
}
