-- Security and privacy fixes (issue 13).

-- A stored idempotency answer names what it created ('booking:K7QM-3XPA'), so that it goes when that booking is
-- cancelled or erased. Answers stored before this have no subject; retention deletes them within a day.
ALTER TABLE idempotency_key ADD COLUMN subject TEXT;

CREATE INDEX ix_idempotency_subject ON idempotency_key (subject) WHERE subject IS NOT NULL;
