package dev.collide.schedule;

import dev.collide.Pipeline;
import dev.collide.store.StoreException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Rebuilds events and collisions after new articles arrived. */
@DisallowConcurrentExecution
final class DetectJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(DetectJob.class);

    private final Pipeline pipeline;

    DetectJob(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            LOG.info("{}", pipeline.detect().line());
        } catch (StoreException | RuntimeException e) {
            LOG.error("detection failed; it runs again after the next new articles", e);
        }
    }
}
