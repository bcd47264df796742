-- Ditib.Beratung on PostgreSQL: the end state of the SQLite migrations sql/0001-0013 in one script. Same tables,
-- columns (in the same order) and value formats as on SQLite, so that the stores' SQL and the Dapper type handlers are
-- shared and a centre's data is copied over unchanged: ids UUIDv7 as text, instants as fixed-width UTC text
-- 'yyyy-MM-ddTHH:mm:ss.fffffffffZ', dates 'yyyy-MM-dd', local times 'HH:mm', integers bigint, 0/1 flags bigint with
-- a CHECK, blobs bytea. Text columns compare bytewise (COLLATE "C"), as SQLite's BINARY does, whatever the
-- cluster's locale: instants and ids sort as on SQLite, and lower() folds ASCII only, as SQLite's does.
--
-- The guarantees are the database's, as on SQLite's triggers: no overbooking (the capacity triggers lock the slot's
-- row, which serialises the bookings of one slot), no two overlapping open slots of one counsellor (an exclusion
-- constraint), the audit trail append-only and case notes never edited. Triggers raise the messages SQLite's
-- RAISE(ABORT, ...) uses, so the application answers the same conflicts the same way.

-- The exclusion constraint compares a text column (the counsellor) for equality inside a GiST index.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- SQLite's group_concat(value, separator), used by the stores' shared SQL for code lists (CodeList sorts them).
CREATE FUNCTION group_concat_step(accumulated text, value text, separator text) RETURNS text
    LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN value IS NULL THEN accumulated
               WHEN accumulated IS NULL THEN value
               ELSE accumulated || separator || value END $$;

CREATE AGGREGATE group_concat(text, text) (SFUNC = group_concat_step, STYPE = text);

-- A stored instant ('2026-12-01T09:00:00.000000000Z') as a UTC timestamp. Built from its digits with make_timestamp,
-- which (unlike a cast from text) does not depend on session settings, so it may serve in an index.
CREATE FUNCTION utc_instant(instant text) RETURNS timestamp
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT make_timestamp(substr(instant, 1, 4)::int, substr(instant, 6, 2)::int, substr(instant, 9, 2)::int,
                         substr(instant, 12, 2)::int, substr(instant, 15, 2)::int, substr(instant, 18, 12)::double precision) $$;

-- The booking states that hold a place: confirmed, attended, no-show.
CREATE FUNCTION booking_holds_place(status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT status IN ('confirmed', 'attended', 'no-show') $$;

CREATE TABLE topic (
    code        text COLLATE "C" PRIMARY KEY,
    name_de     text COLLATE "C" NOT NULL,
    name_tr     text COLLATE "C" NOT NULL,
    name_ar     text COLLATE "C" NOT NULL,
    name_en     text COLLATE "C" NOT NULL,
    sort_order  bigint NOT NULL
);

CREATE TABLE language (
    code        text COLLATE "C" PRIMARY KEY,
    name_de     text COLLATE "C" NOT NULL,
    name_tr     text COLLATE "C" NOT NULL,
    name_ar     text COLLATE "C" NOT NULL,
    name_en     text COLLATE "C" NOT NULL,
    sort_order  bigint NOT NULL
);

-- The names after the review of sql/0009.
INSERT INTO topic (code, name_de, name_tr, name_ar, name_en, sort_order) VALUES
    ('integration', 'Integration und Migration', 'Entegrasyon ve göç', 'الاندماج والهجرة', 'Integration and migration', 1),
    ('family', 'Familie und Kinder', 'Aile ve çocuklar', 'الأسرة والأطفال', 'Family and children', 2),
    ('seniors', 'Senioren', 'Yaşlılar', 'كبار السن', 'Seniors', 3),
    ('dementia', 'Demenz', 'Demans (unutkanlık)', 'الخرف (ضعف الذاكرة)', 'Dementia', 4),
    ('women', 'Frauen', 'Kadınlar', 'النساء', 'Women', 5),
    ('violence-protection', 'Schutz vor Gewalt', 'Şiddetten korunma', 'الحماية من العنف', 'Protection from violence', 6),
    ('education', 'Schule und Bildung', 'Okul ve eğitim', 'المدرسة والتعليم', 'School and education', 7),
    ('social-benefits', 'Sozialleistungen', 'Sosyal yardımlar', 'المساعدات الاجتماعية', 'Social benefits', 8),
    ('anti-discrimination', 'Diskriminierung', 'Ayrımcılık', 'التمييز', 'Discrimination', 9),
    ('volunteering', 'Ehrenamt', 'Gönüllülük', 'العمل التطوعي', 'Volunteering', 10),
    ('health', 'Gesundheit', 'Sağlık', 'الصحة', 'Health', 11),
    ('general', 'Allgemeine Beratung', 'Genel danışmanlık', 'استشارة عامة', 'General advice', 12);

INSERT INTO language (code, name_de, name_tr, name_ar, name_en, sort_order) VALUES
    ('de', 'Deutsch', 'Almanca', 'الألمانية', 'German', 1),
    ('tr', 'Türkisch', 'Türkçe', 'التركية', 'Turkish', 2),
    ('ar', 'Arabisch', 'Arapça', 'العربية', 'Arabic', 3),
    ('ku', 'Kurdisch', 'Kürtçe', 'الكردية', 'Kurdish', 4),
    ('bg', 'Bulgarisch', 'Bulgarca', 'البلغارية', 'Bulgarian', 5),
    ('ro', 'Rumänisch', 'Rumence', 'الرومانية', 'Romanian', 6),
    ('pl', 'Polnisch', 'Lehçe', 'البولندية', 'Polish', 7),
    ('ru', 'Russisch', 'Rusça', 'الروسية', 'Russian', 8),
    ('fa', 'Persisch', 'Farsça', 'الفارسية', 'Persian', 9),
    ('uk', 'Ukrainisch', 'Ukraynaca', 'الأوكرانية', 'Ukrainian', 10),
    ('en', 'Englisch', 'İngilizce', 'الإنجليزية', 'English', 11),
    ('fr', 'Französisch', 'Fransızca', 'الفرنسية', 'French', 12);

CREATE TABLE data_key (
    id             text COLLATE "C" PRIMARY KEY,
    master_key_id  text COLLATE "C" NOT NULL,
    wrapped_key    bytea NOT NULL,
    created_at     text COLLATE "C" NOT NULL
);

-- Accounts for the centre's people (residents have none), with their second factor (sql/0002, 0008).
CREATE TABLE app_user (
    id                        text COLLATE "C" PRIMARY KEY,
    username                  text COLLATE "C" NOT NULL,
    password_hash             text COLLATE "C" NOT NULL,
    active                    bigint NOT NULL CHECK (active IN (0, 1)),
    failed_sign_ins           bigint NOT NULL DEFAULT 0,
    locked_until              text COLLATE "C",
    security_stamp            text COLLATE "C" NOT NULL,
    created_at                text COLLATE "C" NOT NULL,
    updated_at                text COLLATE "C" NOT NULL,
    data_key_id               text COLLATE "C" REFERENCES data_key (id),
    totp_secret               bytea,
    totp_pending_secret       bytea,
    totp_last_step            bigint,
    password_change_required  bigint NOT NULL DEFAULT 0 CHECK (password_change_required IN (0, 1))
);

CREATE UNIQUE INDEX ux_app_user_username ON app_user (lower(username));

CREATE TABLE user_role (
    user_id  text COLLATE "C" NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role     text COLLATE "C" NOT NULL CHECK (role IN ('admin', 'counsellor', 'staff', 'dpo')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE counsellor (
    id            text COLLATE "C" PRIMARY KEY,
    display_name  text COLLATE "C" NOT NULL,
    active        bigint NOT NULL CHECK (active IN (0, 1)),
    created_at    text COLLATE "C" NOT NULL,
    updated_at    text COLLATE "C" NOT NULL,
    user_id       text COLLATE "C" REFERENCES app_user (id)
);

CREATE UNIQUE INDEX ux_counsellor_user ON counsellor (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE counsellor_language (
    counsellor_id  text COLLATE "C" NOT NULL REFERENCES counsellor (id) ON DELETE CASCADE,
    language_code  text COLLATE "C" NOT NULL REFERENCES language (code),
    PRIMARY KEY (counsellor_id, language_code)
);

CREATE TABLE counsellor_topic (
    counsellor_id  text COLLATE "C" NOT NULL REFERENCES counsellor (id) ON DELETE CASCADE,
    topic_code     text COLLATE "C" NOT NULL REFERENCES topic (code),
    PRIMARY KEY (counsellor_id, topic_code)
);

CREATE INDEX ix_counsellor_topic_topic ON counsellor_topic (topic_code);
CREATE INDEX ix_counsellor_language_language ON counsellor_language (language_code);

-- Weekly template rows (weekday 1 = Monday ... 7 = Sunday) and dated exceptions. An exception row with
-- closed = 1 closes the whole date; other rows of a date replace the template's windows on that date.
CREATE TABLE consultation_window (
    id             text COLLATE "C" PRIMARY KEY,
    counsellor_id  text COLLATE "C" NOT NULL REFERENCES counsellor (id) ON DELETE CASCADE,
    weekday        bigint CHECK (weekday BETWEEN 1 AND 7),
    exception_date text COLLATE "C",
    closed         bigint NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    from_time      text COLLATE "C",
    to_time        text COLLATE "C",
    slot_minutes   bigint,
    mode           text COLLATE "C" CHECK (mode IN ('in-person', 'phone', 'video')),
    location       text COLLATE "C",
    capacity       bigint,
    CHECK ((weekday IS NULL) <> (exception_date IS NULL)),
    CHECK (closed = 1 OR (from_time IS NOT NULL AND to_time IS NOT NULL AND to_time > from_time
                          AND slot_minutes > 0 AND mode IS NOT NULL AND capacity >= 1))
);

CREATE INDEX ix_consultation_window_counsellor ON consultation_window (counsellor_id);

-- places_taken: places held by bookings that keep their place, kept by the triggers below on every change of a
-- booking; a figure for reading (sql/0011), the overbooking triggers count the bookings themselves.
-- A counsellor's open slots never overlap, whatever code inserts or re-opens them (sql/0001's slot_overlap triggers).
CREATE TABLE slot (
    id             text COLLATE "C" PRIMARY KEY,
    counsellor_id  text COLLATE "C" NOT NULL REFERENCES counsellor (id),
    start_at       text COLLATE "C" NOT NULL,
    end_at         text COLLATE "C" NOT NULL,
    mode           text COLLATE "C" NOT NULL CHECK (mode IN ('in-person', 'phone', 'video')),
    location       text COLLATE "C",
    capacity       bigint NOT NULL CHECK (capacity BETWEEN 1 AND 50),
    status         text COLLATE "C" NOT NULL CHECK (status IN ('open', 'cancelled')),
    cancel_reason  text COLLATE "C",
    cancelled_at   text COLLATE "C",
    created_at     text COLLATE "C" NOT NULL,
    places_taken   bigint NOT NULL DEFAULT 0 CHECK (places_taken >= 0),
    CHECK (end_at > start_at),
    CONSTRAINT slot_overlap EXCLUDE USING gist (
        counsellor_id WITH =,
        tsrange(utc_instant(start_at), utc_instant(end_at), '[)') WITH &&) WHERE (status = 'open')
);

CREATE INDEX ix_slot_counsellor_start ON slot (counsellor_id, start_at);
CREATE INDEX ix_slot_start_id ON slot (start_at, id);

CREATE TABLE booking (
    id                      text COLLATE "C" PRIMARY KEY,
    reference               text COLLATE "C" NOT NULL UNIQUE,
    slot_id                 text COLLATE "C" NOT NULL REFERENCES slot (id),
    status                  text COLLATE "C" NOT NULL CHECK (status IN ('confirmed', 'cancelled-by-resident',
                                                                        'cancelled-by-centre', 'attended', 'no-show')),
    sequence                bigint NOT NULL DEFAULT 0,
    token_hash              bytea NOT NULL,
    data_key_id             text COLLATE "C" REFERENCES data_key (id),
    personal_data           bytea,
    language_code           text COLLATE "C" NOT NULL REFERENCES language (code),
    topic_code              text COLLATE "C" NOT NULL REFERENCES topic (code),
    interpreter_needed      bigint NOT NULL CHECK (interpreter_needed IN (0, 1)),
    booked_by               text COLLATE "C" NOT NULL CHECK (booked_by IN ('resident', 'staff')),
    privacy_notice_version  text COLLATE "C" NOT NULL,
    consent_at              text COLLATE "C" NOT NULL,
    -- No longer written (sql/0007): the reason is sealed in status_reason_sealed. Kept so that copies match SQLite's.
    status_reason           text COLLATE "C",
    status_changed_at       text COLLATE "C",
    created_at              text COLLATE "C" NOT NULL,
    manage_token_sealed     bytea,
    status_reason_sealed    bytea
);

CREATE INDEX ix_booking_slot_status ON booking (slot_id, status);
CREATE INDEX ix_booking_confirmed_slot ON booking (slot_id) WHERE status = 'confirmed';

-- A slot's capacity can never drop below the places already taken.
CREATE FUNCTION slot_capacity_check() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF (SELECT count(*) FROM booking b WHERE b.slot_id = NEW.id AND booking_holds_place(b.status)) > NEW.capacity THEN
        RAISE EXCEPTION 'slot_full';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER slot_capacity_update BEFORE UPDATE OF capacity ON slot
FOR EACH ROW EXECUTE FUNCTION slot_capacity_check();

-- The database itself refuses an overbooking, even from SQL that bypasses the application: a booking that holds a
-- place may only enter an open slot with a free place. The slot's row is locked first, so two transactions booking
-- the same slot take turns here (and the second, at SERIALIZABLE, fails to serialise and runs again).
CREATE FUNCTION booking_capacity_check() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    target_status text;
    target_capacity bigint;
BEGIN
    IF NOT booking_holds_place(NEW.status)
       OR (TG_OP = 'UPDATE' AND NEW.slot_id = OLD.slot_id AND booking_holds_place(OLD.status)) THEN
        RETURN NEW;
    END IF;

    SELECT s.status, s.capacity INTO target_status, target_capacity FROM slot s WHERE s.id = NEW.slot_id FOR UPDATE;
    IF target_status <> 'open' THEN
        RAISE EXCEPTION 'slot_not_open';
    END IF;

    IF (SELECT count(*) FROM booking b
        WHERE b.slot_id = NEW.slot_id AND b.id <> NEW.id AND booking_holds_place(b.status)) >= target_capacity THEN
        RAISE EXCEPTION 'slot_full';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER booking_capacity_insert BEFORE INSERT ON booking
FOR EACH ROW EXECUTE FUNCTION booking_capacity_check();

CREATE TRIGGER booking_capacity_update BEFORE UPDATE OF slot_id, status ON booking
FOR EACH ROW EXECUTE FUNCTION booking_capacity_check();

-- slot.places_taken follows every insert, update and delete of a booking (sql/0011).
CREATE FUNCTION booking_places_keep() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND booking_holds_place(OLD.status)
       AND (TG_OP = 'DELETE' OR NEW.slot_id <> OLD.slot_id OR NOT booking_holds_place(NEW.status)) THEN
        UPDATE slot SET places_taken = places_taken - 1 WHERE id = OLD.slot_id;
    END IF;

    IF TG_OP IN ('INSERT', 'UPDATE') AND booking_holds_place(NEW.status)
       AND (TG_OP = 'INSERT' OR NEW.slot_id <> OLD.slot_id OR NOT booking_holds_place(OLD.status)) THEN
        UPDATE slot SET places_taken = places_taken + 1 WHERE id = NEW.slot_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER booking_places_insert AFTER INSERT ON booking
FOR EACH ROW EXECUTE FUNCTION booking_places_keep();

CREATE TRIGGER booking_places_update AFTER UPDATE OF slot_id, status ON booking
FOR EACH ROW EXECUTE FUNCTION booking_places_keep();

CREATE TRIGGER booking_places_delete AFTER DELETE ON booking
FOR EACH ROW EXECUTE FUNCTION booking_places_keep();

-- An idempotent command's first answer, sealed together with the hash of its request under a data key of its own;
-- subject names what it created ('booking:K7QM-3XPA'), so that it goes when that booking is cancelled or erased.
CREATE TABLE idempotency_key (
    scope          text COLLATE "C" NOT NULL,
    key            text COLLATE "C" NOT NULL,
    data_key_id    text COLLATE "C" NOT NULL REFERENCES data_key (id),
    sealed_answer  bytea NOT NULL,
    created_at     text COLLATE "C" NOT NULL,
    subject        text COLLATE "C",
    PRIMARY KEY (scope, key)
);

CREATE INDEX ix_idempotency_created ON idempotency_key (created_at);
CREATE INDEX ix_idempotency_subject ON idempotency_key (subject) WHERE subject IS NOT NULL;

-- The append-only, hash-chained audit trail. seq orders the chain: as SQLite's AUTOINCREMENT, each entry gets one more
-- than the highest number ever given out, kept in audit_high_water (SQLite's sqlite_sequence row), so that removing
-- the newest entries shows. Unlike a sequence, a number taken by a transaction that rolls back is given out again,
-- so the chain has no gaps. Appenders take turns on the high-water row.
CREATE TABLE audit_entry (
    seq           bigint PRIMARY KEY,
    id            text COLLATE "C" NOT NULL UNIQUE,
    at            text COLLATE "C" NOT NULL,
    actor_id      text COLLATE "C",
    actor_name    text COLLATE "C" NOT NULL,
    action        text COLLATE "C" NOT NULL,
    subject_type  text COLLATE "C" NOT NULL,
    subject_id    text COLLATE "C",
    outcome       text COLLATE "C" NOT NULL,
    previous_hash text COLLATE "C" NOT NULL,
    hash          text COLLATE "C" NOT NULL
);

CREATE INDEX ix_audit_subject ON audit_entry (subject_type, subject_id);
CREATE INDEX ix_audit_actor ON audit_entry (actor_id);
CREATE INDEX ix_audit_at ON audit_entry (at);

CREATE TABLE audit_high_water (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    seq       bigint NOT NULL CHECK (seq >= 0)
);

INSERT INTO audit_high_water (seq) VALUES (0);

CREATE FUNCTION audit_entry_number() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    high_water bigint;
BEGIN
    UPDATE audit_high_water SET seq = seq RETURNING seq INTO high_water;
    IF NEW.seq IS NULL THEN
        NEW.seq := GREATEST(high_water, (SELECT COALESCE(max(seq), 0) FROM audit_entry)) + 1;
    END IF;
    UPDATE audit_high_water SET seq = GREATEST(seq, NEW.seq);
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_entry_number BEFORE INSERT ON audit_entry
FOR EACH ROW EXECUTE FUNCTION audit_entry_number();

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_append_only';
END
$$;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
FOR EACH ROW EXECUTE FUNCTION audit_append_only();

CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
FOR EACH ROW EXECUTE FUNCTION audit_append_only();

-- TRUNCATE fires no row trigger: refused as a statement.
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- Cases with pseudonymous codes (sql/0003, 0005, 0007, 0013). Identity and notes are sealed under the case's data key
-- (data_key_id): deleting that key row (crypto-shredding) makes both unreadable, so the column has no foreign key.
CREATE TABLE case_file (
    id                        text COLLATE "C" PRIMARY KEY,
    code                      text COLLATE "C" NOT NULL UNIQUE,
    year                      bigint NOT NULL,
    sequence                  bigint NOT NULL,
    owner_counsellor_id       text COLLATE "C" NOT NULL REFERENCES counsellor (id),
    status                    text COLLATE "C" NOT NULL CHECK (status IN ('open', 'closed')),
    opened_on                 text COLLATE "C" NOT NULL,
    closed_on                 text COLLATE "C",
    booking_id                text COLLATE "C" REFERENCES booking (id),
    data_key_id               text COLLATE "C" NOT NULL,
    created_at                text COLLATE "C" NOT NULL,
    updated_at                text COLLATE "C" NOT NULL,
    legal_hold_reason         text COLLATE "C",
    erased_on                 text COLLATE "C",
    legal_hold_sealed         bytea,
    legal_hold_lifted_sealed  bytea,
    UNIQUE (year, sequence)
);

CREATE UNIQUE INDEX ux_case_booking ON case_file (booking_id) WHERE booking_id IS NOT NULL;
CREATE INDEX ix_case_owner ON case_file (owner_counsellor_id);
CREATE INDEX ix_case_retention ON case_file (status, closed_on) WHERE erased_on IS NULL;

CREATE TABLE case_topic (
    case_id     text COLLATE "C" NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    topic_code  text COLLATE "C" NOT NULL REFERENCES topic (code),
    PRIMARY KEY (case_id, topic_code)
);

CREATE TABLE case_share (
    case_id        text COLLATE "C" NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    counsellor_id  text COLLATE "C" NOT NULL REFERENCES counsellor (id),
    PRIMARY KEY (case_id, counsellor_id)
);

CREATE INDEX ix_case_share_counsellor ON case_share (counsellor_id);

CREATE TABLE client (
    id               text COLLATE "C" PRIMARY KEY,
    case_id          text COLLATE "C" NOT NULL UNIQUE REFERENCES case_file (id) ON DELETE CASCADE,
    sealed_identity  bytea NOT NULL,
    created_at       text COLLATE "C" NOT NULL
);

CREATE TABLE case_note (
    id                    text COLLATE "C" PRIMARY KEY,
    case_id               text COLLATE "C" NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    author_counsellor_id  text COLLATE "C" NOT NULL REFERENCES counsellor (id),
    created_at            text COLLATE "C" NOT NULL,
    supersedes_id         text COLLATE "C" REFERENCES case_note (id),
    sealed_text           bytea NOT NULL,
    -- What the scrubber replaced, as kind:count pairs (e.g. "phone:1,name:2"): counts only, no content.
    redactions            text COLLATE "C" NOT NULL
);

CREATE INDEX ix_case_note_case ON case_note (case_id, created_at);

-- Notes are never edited; a correction is a new note that supersedes the old one.
CREATE FUNCTION case_note_never_edited() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'notes_are_never_edited';
END
$$;

CREATE TRIGGER case_note_no_update BEFORE UPDATE ON case_note
FOR EACH ROW EXECUTE FUNCTION case_note_never_edited();

-- The partner directory (sql/0004, 0010), seeded from the centre's cooperation list; see sql/0004 for the assumptions.
CREATE TABLE partner (
    id                 text COLLATE "C" PRIMARY KEY,
    name               text COLLATE "C" NOT NULL UNIQUE,
    kind               text COLLATE "C" NOT NULL CHECK (kind IN ('public-office', 'welfare-association', 'round-table',
                                                                 'family-centre', 'religious-community', 'institute',
                                                                 'association', 'school', 'business')),
    contact_person     text COLLATE "C",
    email              text COLLATE "C",
    phone              text COLLATE "C",
    takes_referrals    bigint NOT NULL CHECK (takes_referrals IN (0, 1)),
    retired            bigint NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    created_at         text COLLATE "C" NOT NULL DEFAULT '2026-11-26T00:00:00.000000000Z',
    updated_at         text COLLATE "C" NOT NULL DEFAULT '2026-11-26T00:00:00.000000000Z',
    street             text COLLATE "C",
    postcode_and_city  text COLLATE "C"
);

CREATE TABLE partner_topic (
    partner_id  text COLLATE "C" NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    topic_code  text COLLATE "C" NOT NULL REFERENCES topic (code),
    PRIMARY KEY (partner_id, topic_code)
);

CREATE INDEX ix_partner_topic_topic ON partner_topic (topic_code);

INSERT INTO partner (id, name, kind, takes_referrals) VALUES
    ('01a21000-0000-7000-8000-000000000001', 'Referat für Integration', 'public-office', 1),
    ('01a21000-0000-7000-8000-000000000002', 'Seniorenamt der Stadt Duisburg', 'public-office', 1),
    ('01a21000-0000-7000-8000-000000000003', 'Diakonie', 'welfare-association', 1),
    ('01a21000-0000-7000-8000-000000000004', 'Caritas Duisburg', 'welfare-association', 1),
    ('01a21000-0000-7000-8000-000000000005', 'Runder Tisch Demenz', 'round-table', 1),
    ('01a21000-0000-7000-8000-000000000006', 'Senioren BBZ Hermannstraße', 'association', 1),
    ('01a21000-0000-7000-8000-000000000007', 'Multikulturelles Seniorenzentrum der DRK', 'welfare-association', 1),
    ('01a21000-0000-7000-8000-000000000008', 'Frauennetzwerk Du-Nord', 'association', 1),
    ('01a21000-0000-7000-8000-000000000009', 'Runder Tisch Gewaltschutzgesetz', 'round-table', 1),
    ('01a21000-0000-7000-8000-000000000010', 'Familienzentrum Hermannstraße', 'family-centre', 1),
    ('01a21000-0000-7000-8000-000000000011', 'Familienzentrum Meiderich', 'family-centre', 1),
    ('01a21000-0000-7000-8000-000000000012', 'Jüdische Gemeinde Duisburg/Mülheim/Oberhausen', 'religious-community', 0),
    ('01a21000-0000-7000-8000-000000000013', 'Kath. Gemeinde St. Peter und Paul', 'religious-community', 0),
    ('01a21000-0000-7000-8000-000000000014', 'Evang. Bonhoeffer Gemeinde Marxloh', 'religious-community', 0),
    ('01a21000-0000-7000-8000-000000000015', 'Schulen im Duisburger Norden', 'school', 1),
    ('01a21000-0000-7000-8000-000000000016', 'DITIB Gemeinden in Duisburg und Umgebung', 'religious-community', 1),
    ('01a21000-0000-7000-8000-000000000017', 'TIAD – Verein Türkischer Unternehmen in Duisburg', 'business', 0),
    ('01a21000-0000-7000-8000-000000000018', 'IMAP – Institut für interkulturelle Management- und Politikberatung', 'institute', 0),
    ('01a21000-0000-7000-8000-000000000019', 'RISP-MIKOM – Institut Universität Duisburg-Essen', 'institute', 0),
    ('01a21000-0000-7000-8000-000000000020', 'Phönix e.V. – Anti-Rassismus-Trainings', 'association', 1),
    ('01a21000-0000-7000-8000-000000000021', 'ARIC – Anti-Rassismus Informations-Zentrum', 'association', 1),
    ('01a21000-0000-7000-8000-000000000022', 'Volksbank Rhein Ruhr', 'business', 0);

INSERT INTO partner_topic (partner_id, topic_code) VALUES
    ('01a21000-0000-7000-8000-000000000001', 'integration'),
    ('01a21000-0000-7000-8000-000000000001', 'anti-discrimination'),
    ('01a21000-0000-7000-8000-000000000001', 'general'),
    ('01a21000-0000-7000-8000-000000000002', 'seniors'),
    ('01a21000-0000-7000-8000-000000000002', 'dementia'),
    ('01a21000-0000-7000-8000-000000000002', 'social-benefits'),
    ('01a21000-0000-7000-8000-000000000003', 'social-benefits'),
    ('01a21000-0000-7000-8000-000000000003', 'family'),
    ('01a21000-0000-7000-8000-000000000003', 'seniors'),
    ('01a21000-0000-7000-8000-000000000003', 'health'),
    ('01a21000-0000-7000-8000-000000000003', 'general'),
    ('01a21000-0000-7000-8000-000000000004', 'social-benefits'),
    ('01a21000-0000-7000-8000-000000000004', 'family'),
    ('01a21000-0000-7000-8000-000000000004', 'seniors'),
    ('01a21000-0000-7000-8000-000000000004', 'health'),
    ('01a21000-0000-7000-8000-000000000004', 'integration'),
    ('01a21000-0000-7000-8000-000000000004', 'general'),
    ('01a21000-0000-7000-8000-000000000005', 'dementia'),
    ('01a21000-0000-7000-8000-000000000005', 'seniors'),
    ('01a21000-0000-7000-8000-000000000006', 'seniors'),
    ('01a21000-0000-7000-8000-000000000007', 'seniors'),
    ('01a21000-0000-7000-8000-000000000007', 'dementia'),
    ('01a21000-0000-7000-8000-000000000008', 'women'),
    ('01a21000-0000-7000-8000-000000000008', 'violence-protection'),
    ('01a21000-0000-7000-8000-000000000009', 'violence-protection'),
    ('01a21000-0000-7000-8000-000000000009', 'women'),
    ('01a21000-0000-7000-8000-000000000010', 'family'),
    ('01a21000-0000-7000-8000-000000000010', 'education'),
    ('01a21000-0000-7000-8000-000000000011', 'family'),
    ('01a21000-0000-7000-8000-000000000011', 'education'),
    ('01a21000-0000-7000-8000-000000000012', 'general'),
    ('01a21000-0000-7000-8000-000000000013', 'general'),
    ('01a21000-0000-7000-8000-000000000014', 'general'),
    ('01a21000-0000-7000-8000-000000000015', 'education'),
    ('01a21000-0000-7000-8000-000000000015', 'family'),
    ('01a21000-0000-7000-8000-000000000016', 'general'),
    ('01a21000-0000-7000-8000-000000000016', 'volunteering'),
    ('01a21000-0000-7000-8000-000000000017', 'integration'),
    ('01a21000-0000-7000-8000-000000000018', 'integration'),
    ('01a21000-0000-7000-8000-000000000019', 'integration'),
    ('01a21000-0000-7000-8000-000000000020', 'anti-discrimination'),
    ('01a21000-0000-7000-8000-000000000021', 'anti-discrimination'),
    ('01a21000-0000-7000-8000-000000000022', 'social-benefits');


-- Referrals onward (sql/0004): purpose, summary, language needs and consent details sealed under the case's data key.
CREATE TABLE referral (
    id                 text COLLATE "C" PRIMARY KEY,
    case_id            text COLLATE "C" NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
    partner_id         text COLLATE "C" NOT NULL REFERENCES partner (id),
    status             text COLLATE "C" NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'completed',
                                                                   'withdrawn')),
    grounds            text COLLATE "C" NOT NULL CHECK (grounds IN ('consent', 'legal-basis')),
    shared_categories  text COLLATE "C" NOT NULL,
    follow_up_on       text COLLATE "C" NOT NULL,
    sealed_details     bytea NOT NULL,
    sealed_answer      bytea,
    created_by         text COLLATE "C" NOT NULL REFERENCES counsellor (id),
    created_at         text COLLATE "C" NOT NULL,
    updated_at         text COLLATE "C" NOT NULL
);

CREATE INDEX ix_referral_case ON referral (case_id);
CREATE INDEX ix_referral_follow_up ON referral (status, follow_up_on);

-- Messages to residents through a persisted outbox (sql/0006): metadata only, texts are made at send time.
CREATE TABLE outbox_message (
    id               text COLLATE "C" PRIMARY KEY,
    booking_id       text COLLATE "C" NOT NULL REFERENCES booking (id),
    kind             text COLLATE "C" NOT NULL CHECK (kind IN ('confirmation', 'reschedule', 'cancellation', 'reminder')),
    channel          text COLLATE "C" NOT NULL CHECK (channel IN ('email', 'sms')),
    slot_id          text COLLATE "C" NOT NULL REFERENCES slot (id),
    sequence         bigint NOT NULL,
    state            text COLLATE "C" NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'skipped', 'cancelled')),
    not_before       text COLLATE "C" NOT NULL,
    next_attempt_at  text COLLATE "C" NOT NULL,
    attempts         bigint NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_attempt_at  text COLLATE "C",
    last_error       text COLLATE "C",
    message_id       text COLLATE "C",
    finished_at      text COLLATE "C",
    created_at       text COLLATE "C" NOT NULL,
    -- One message per booking, kind, channel and calendar version: a reminder can never be queued twice.
    UNIQUE (booking_id, kind, channel, sequence)
);

CREATE INDEX ix_outbox_due ON outbox_message (next_attempt_at) WHERE state = 'pending';
CREATE INDEX ix_outbox_state ON outbox_message (state, created_at);

-- Signing in to the staff workspace (sql/0008): recovery codes as hashes, failures per account and source, and the
-- staff pages' server-side sessions.
CREATE TABLE recovery_code (
    user_id    text COLLATE "C" NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    code_hash  text COLLATE "C" NOT NULL,
    used_at    text COLLATE "C",
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE sign_in_source (
    user_id       text COLLATE "C" NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    source        text COLLATE "C" NOT NULL,
    failures      bigint NOT NULL,
    locked_until  text COLLATE "C",
    updated_at    text COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, source)
);

CREATE TABLE staff_session (
    id          text COLLATE "C" PRIMARY KEY,
    user_id     text COLLATE "C" NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    started_at  text COLLATE "C" NOT NULL,
    ended_at    text COLLATE "C"
);

CREATE INDEX ix_staff_session_user ON staff_session (user_id);
