-- Messages to residents (confirmation, reschedule, cancellation, reminder) by e-mail and SMS, through a persisted
-- outbox: a row is written in the same transaction as the booking change it tells of, and a dispatcher sends it
-- later. A row holds metadata only (booking, slot, calendar sequence, state, attempts, times, Message-ID): addresses,
-- names and texts are read from the booking's sealed personal data at send time and never stored here.

-- A copy of the manage token sealed under the booking's data key (context 'booking:{id}:manage-token'), so that
-- reminders and later messages can carry the manage link; erased with the booking's personal data.
ALTER TABLE booking ADD COLUMN manage_token_sealed BLOB;

CREATE TABLE outbox_message (
    id               TEXT PRIMARY KEY,
    booking_id       TEXT NOT NULL REFERENCES booking (id),
    kind             TEXT NOT NULL CHECK (kind IN ('confirmation', 'reschedule', 'cancellation', 'reminder')),
    channel          TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    slot_id          TEXT NOT NULL REFERENCES slot (id),
    sequence         INTEGER NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'skipped', 'cancelled')),
    not_before       TEXT NOT NULL,
    next_attempt_at  TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_attempt_at  TEXT,
    last_error       TEXT,
    message_id       TEXT,
    finished_at      TEXT,
    created_at       TEXT NOT NULL,
    -- One message per booking, kind, channel and calendar version: a reminder can never be queued twice.
    UNIQUE (booking_id, kind, channel, sequence)
);

CREATE INDEX ix_outbox_due ON outbox_message (next_attempt_at) WHERE state = 'pending';
CREATE INDEX ix_outbox_state ON outbox_message (state, created_at);
