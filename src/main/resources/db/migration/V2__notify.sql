-- Notify stage: leases for outbox delivery, and one row per daily digest. Must run on H2 (2.x) and PostgreSQL (13+).

-- A row being sent is SENDING until claimed_until; a process that dies mid-send leaves it to be claimed again after
-- the lease. claimed_by tells a late finisher that its lease was taken over. give_up_at: when retrying stops
-- (created_at + 24h unless a manual retry moved it).
ALTER TABLE outbox ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE outbox ADD COLUMN give_up_at TIMESTAMP WITH TIME ZONE;

-- One digest per local date: claimed (SENDING) before the SMTP conversation, SENT or SKIPPED (quiet day) after it,
-- FAILED with next_attempt_at when the server refused, so a restart at 08:00 never sends a day twice.
CREATE TABLE digests (
    digest_date     DATE PRIMARY KEY,
    status          VARCHAR(10) NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(64),
    attempts        INTEGER DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    subject         VARCHAR(1000),
    recipients      VARCHAR(4000),
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE
);
