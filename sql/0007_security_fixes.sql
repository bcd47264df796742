-- Security and privacy fixes (issue 13).

-- A stored idempotency answer names what it created ('booking:K7QM-3XPA'), so that it goes when that booking is
-- cancelled or erased. Answers stored before this have no subject; retention deletes them within a day.
ALTER TABLE idempotency_key ADD COLUMN subject TEXT;

CREATE INDEX ix_idempotency_subject ON idempotency_key (subject) WHERE subject IS NOT NULL;

-- A booking's status reason (the resident's words when she cancels) is sealed under the booking's data key like the
-- rest of its personal data, and erased with it. The clear column stays (SQLite keeps old columns) but is no longer
-- written; the reasons stored in it so far are sealed and cleared by the application at start-up
-- (BookingStore.SealClearReasonsAsync), since SQL alone has no key to seal them with.
ALTER TABLE booking ADD COLUMN status_reason_sealed BLOB;

-- A legal hold's reason may name the client: sealed under the case's data key from now on. A hold is set while either
-- column holds something; reasons stored in clear so far are sealed at start-up (PrivacyStore.SealClearHoldReasonsAsync).
ALTER TABLE case_file ADD COLUMN legal_hold_sealed BLOB;
