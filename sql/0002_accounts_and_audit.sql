-- Accounts for the centre's people (residents have none), the link from a counsellor profile to its account,
-- and the append-only, hash-chained audit trail.

CREATE TABLE app_user (
    id                   TEXT PRIMARY KEY,
    username             TEXT NOT NULL,
    password_hash        TEXT NOT NULL,
    active               INTEGER NOT NULL CHECK (active IN (0, 1)),
    failed_sign_ins      INTEGER NOT NULL DEFAULT 0,
    locked_until         TEXT,
    -- Changes whenever a password changes or the account is deactivated; tokens carry it, so old ones stop working.
    security_stamp       TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);

CREATE UNIQUE INDEX ux_app_user_username ON app_user (lower(username));

CREATE TABLE user_role (
    user_id  TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('admin', 'counsellor', 'staff', 'dpo')),
    PRIMARY KEY (user_id, role)
);

ALTER TABLE counsellor ADD COLUMN user_id TEXT REFERENCES app_user (id);

CREATE UNIQUE INDEX ux_counsellor_user ON counsellor (user_id) WHERE user_id IS NOT NULL;

-- seq orders the chain; hash = SHA-256 over the previous entry's hash and this entry's fields (see AuditStore).
CREATE TABLE audit_entry (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT NOT NULL UNIQUE,
    at            TEXT NOT NULL,
    actor_id      TEXT,
    actor_name    TEXT NOT NULL,
    action        TEXT NOT NULL,
    subject_type  TEXT NOT NULL,
    subject_id    TEXT,
    outcome       TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash          TEXT NOT NULL
);

CREATE INDEX ix_audit_subject ON audit_entry (subject_type, subject_id);
CREATE INDEX ix_audit_actor ON audit_entry (actor_id);
CREATE INDEX ix_audit_at ON audit_entry (at);

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit_append_only');
END;

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit_append_only');
END;
