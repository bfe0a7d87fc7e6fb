package dev.collide.schedule;

import dev.collide.Pipeline;
import dev.collide.SourceReport;
import dev.collide.config.SourceConfig;
import java.util.Optional;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls one source when it is due; asks for a detection run when new articles arrived. */
@DisallowConcurrentExecution
final class PollSourceJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(PollSourceJob.class);

    private final Pipeline pipeline;
    private final SourceConfig source;

    PollSourceJob(Pipeline pipeline, SourceConfig source) {
        this.pipeline = pipeline;
        this.source = source;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            Optional<SourceReport> report = pipeline.pollIfDue(source);
            if (report.isEmpty()) {
                LOG.debug("source={} not due yet", source.id());
                return;
            }
            if (report.get().error().isEmpty()) {
                LOG.info("{}", report.get().line()); // failures were logged once, with their cause, by the pipeline
            }
            if (report.get().stored() > 0) {
                context.getScheduler().triggerJob(CollideScheduler.DETECT_JOB);
            }
        } catch (SchedulerException | RuntimeException e) {
            LOG.error("source={} poll job failed; it runs again at its next trigger", source.id(), e);
        }
    }
}
