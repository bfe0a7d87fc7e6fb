package dev.collide.schedule;

import dev.collide.notify.DeliveryReport;
import dev.collide.notify.OutboxDelivery;
import dev.collide.store.StoreException;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends due outbox rows (Slack, webhook); rows it cannot send stay in the outbox for the next run. */
@DisallowConcurrentExecution
public final class DeliverOutboxJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(DeliverOutboxJob.class);

    private final OutboxDelivery delivery;

    public DeliverOutboxJob(OutboxDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            DeliveryReport report = delivery.deliverDue();
            if (report.sent() + report.retrying() + report.failed() > 0) {
                LOG.info("{}", report.line());
            }
        } catch (StoreException | RuntimeException e) {
            LOG.error("outbox delivery failed; due rows stay pending and are tried again on the next run", e);
        }
    }
}
