-- Cases with pseudonymous codes, the client's identity stored apart and sealed, and case notes that are never
-- edited. Identity and notes are sealed under the case's data key (data_key_id): deleting that key row
-- (crypto-shredding) makes both unreadable, so the column deliberately has no foreign key to data_key.

CREATE TABLE case_file (
    id                   TEXT PRIMARY KEY,
    code                 TEXT NOT NULL UNIQUE,
    year                 INTEGER NOT NULL,
    sequence             INTEGER NOT NULL,
    owner_counsellor_id  TEXT NOT NULL REFERENCES counsellor (id),
    status               TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_on            TEXT NOT NULL,
    closed_on            TEXT,
    booking_id           TEXT REFERENCES booking (id),
    data_key_id          TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    UNIQUE (year, sequence)
);

CREATE UNIQUE INDEX ux_case_booking ON case_file (booking_id) WHERE booking_id IS NOT NULL;
CREATE INDEX ix_case_owner ON case_file (owner_counsellor_id);

CREATE TABLE case_topic (
    case_id     TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    topic_code  TEXT NOT NULL REFERENCES topic (code),
    PRIMARY KEY (case_id, topic_code)
);

CREATE TABLE case_share (
    case_id        TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    counsellor_id  TEXT NOT NULL REFERENCES counsellor (id),
    PRIMARY KEY (case_id, counsellor_id)
);

CREATE INDEX ix_case_share_counsellor ON case_share (counsellor_id);

CREATE TABLE client (
    id               TEXT PRIMARY KEY,
    case_id          TEXT NOT NULL UNIQUE REFERENCES case_file (id) ON DELETE CASCADE,
    sealed_identity  BLOB NOT NULL,
    created_at       TEXT NOT NULL
);

CREATE TABLE case_note (
    id                    TEXT PRIMARY KEY,
    case_id               TEXT NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    author_counsellor_id  TEXT NOT NULL REFERENCES counsellor (id),
    created_at            TEXT NOT NULL,
    supersedes_id         TEXT REFERENCES case_note (id),
    sealed_text           BLOB NOT NULL,
    -- What the scrubber replaced, as kind:count pairs (e.g. "phone:1,name:2"): counts only, no content.
    redactions            TEXT NOT NULL
);

CREATE INDEX ix_case_note_case ON case_note (case_id, created_at);

-- Notes are never edited; a correction is a new note that supersedes the old one.
CREATE TRIGGER case_note_no_update BEFORE UPDATE ON case_note
BEGIN
    SELECT RAISE(ABORT, 'notes_are_never_edited');
END;
