-- Signing in to the staff workspace: the second factor (TOTP, RFC 6238) of every account, its single-use recovery
-- codes, the forced password change after someone else set a password, failed sign-ins counted per account and
-- source, and the staff pages' server-side sessions (signing out ends the session here, not only in the browser).

-- The TOTP secret is sealed under the account's own data key; a pending secret waits for its first valid code.
-- totp_last_step is the 30-second step of the last code accepted: a code is accepted once (RFC 6238 section 5.2).
ALTER TABLE app_user ADD COLUMN data_key_id TEXT REFERENCES data_key (id);
ALTER TABLE app_user ADD COLUMN totp_secret BLOB;
ALTER TABLE app_user ADD COLUMN totp_pending_secret BLOB;
ALTER TABLE app_user ADD COLUMN totp_last_step INTEGER;
ALTER TABLE app_user ADD COLUMN password_change_required INTEGER NOT NULL DEFAULT 0 CHECK (password_change_required IN (0, 1));

-- Recovery codes are kept only as hashes; a used code keeps its row with the instant of its use.
CREATE TABLE recovery_code (
    user_id    TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    code_hash  TEXT NOT NULL,
    used_at    TEXT,
    PRIMARY KEY (user_id, code_hash)
);

-- Failed sign-ins of one account from one source (an IPv4 address or an IPv6 /64): that source is locked, not the
-- account, so a stranger cannot lock a colleague out. app_user.failed_sign_ins counts the account's consecutive
-- failures from every source against the per-account ceiling.
CREATE TABLE sign_in_source (
    user_id       TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    source        TEXT NOT NULL,
    failures      INTEGER NOT NULL,
    locked_until  TEXT,
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (user_id, source)
);

CREATE TABLE staff_session (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    started_at  TEXT NOT NULL,
    ended_at    TEXT
);

CREATE INDEX ix_staff_session_user ON staff_session (user_id);
