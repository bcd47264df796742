-- Ditib.Beratung initial schema: reference data, counsellors and their hours, slots, bookings, data keys,
-- idempotency. Instants are UTC text 'yyyy-MM-ddTHH:mm:ss.fffffffffZ' (fixed width, so they sort), dates
-- 'yyyy-MM-dd', local times 'HH:mm', ids UUIDv7 as text.

CREATE TABLE topic (
    code        TEXT PRIMARY KEY,
    name_de     TEXT NOT NULL,
    name_tr     TEXT NOT NULL,
    name_ar     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    sort_order  INTEGER NOT NULL
);

CREATE TABLE language (
    code        TEXT PRIMARY KEY,
    name_de     TEXT NOT NULL,
    name_tr     TEXT NOT NULL,
    name_ar     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    sort_order  INTEGER NOT NULL
);

INSERT INTO topic (code, name_de, name_tr, name_ar, name_en, sort_order) VALUES
    ('integration', 'Integration und Migration', 'Entegrasyon ve göç', 'الاندماج والهجرة', 'Integration and migration', 1),
    ('family', 'Familie und Kinder', 'Aile ve çocuklar', 'الأسرة والأطفال', 'Family and children', 2),
    ('seniors', 'Senioren', 'Yaşlılar', 'كبار السن', 'Seniors', 3),
    ('dementia', 'Demenz', 'Demans', 'الخرف', 'Dementia', 4),
    ('women', 'Frauen', 'Kadınlar', 'النساء', 'Women', 5),
    ('violence-protection', 'Schutz vor Gewalt', 'Şiddetten korunma', 'الحماية من العنف', 'Protection from violence', 6),
    ('education', 'Schule und Bildung', 'Okul ve eğitim', 'المدرسة والتعليم', 'School and education', 7),
    ('social-benefits', 'Sozialleistungen', 'Sosyal yardımlar', 'المساعدات الاجتماعية', 'Social benefits', 8),
    ('anti-discrimination', 'Diskriminierung', 'Ayrımcılık', 'مناهضة التمييز', 'Anti-discrimination', 9),
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

CREATE TABLE counsellor (
    id            TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL,
    active        INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE counsellor_language (
    counsellor_id  TEXT NOT NULL REFERENCES counsellor (id) ON DELETE CASCADE,
    language_code  TEXT NOT NULL REFERENCES language (code),
    PRIMARY KEY (counsellor_id, language_code)
);

CREATE TABLE counsellor_topic (
    counsellor_id  TEXT NOT NULL REFERENCES counsellor (id) ON DELETE CASCADE,
    topic_code     TEXT NOT NULL REFERENCES topic (code),
    PRIMARY KEY (counsellor_id, topic_code)
);

CREATE INDEX ix_counsellor_topic_topic ON counsellor_topic (topic_code);
CREATE INDEX ix_counsellor_language_language ON counsellor_language (language_code);

-- Weekly template rows (weekday 1 = Monday ... 7 = Sunday) and dated exceptions. An exception row with
-- closed = 1 closes the whole date; other rows of a date replace the template's windows on that date.
CREATE TABLE consultation_window (
    id             TEXT PRIMARY KEY,
    counsellor_id  TEXT NOT NULL REFERENCES counsellor (id) ON DELETE CASCADE,
    weekday        INTEGER CHECK (weekday BETWEEN 1 AND 7),
    exception_date TEXT,
    closed         INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
    from_time      TEXT,
    to_time        TEXT,
    slot_minutes   INTEGER,
    mode           TEXT CHECK (mode IN ('in-person', 'phone', 'video')),
    location       TEXT,
    capacity       INTEGER,
    CHECK ((weekday IS NULL) <> (exception_date IS NULL)),
    CHECK (closed = 1 OR (from_time IS NOT NULL AND to_time IS NOT NULL AND to_time > from_time
                          AND slot_minutes > 0 AND mode IS NOT NULL AND capacity >= 1))
);

CREATE INDEX ix_consultation_window_counsellor ON consultation_window (counsellor_id);

CREATE TABLE slot (
    id             TEXT PRIMARY KEY,
    counsellor_id  TEXT NOT NULL REFERENCES counsellor (id),
    start_at       TEXT NOT NULL,
    end_at         TEXT NOT NULL,
    mode           TEXT NOT NULL CHECK (mode IN ('in-person', 'phone', 'video')),
    location       TEXT,
    capacity       INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 50),
    status         TEXT NOT NULL CHECK (status IN ('open', 'cancelled')),
    cancel_reason  TEXT,
    cancelled_at   TEXT,
    created_at     TEXT NOT NULL,
    CHECK (end_at > start_at)
);

CREATE INDEX ix_slot_start ON slot (start_at);
CREATE INDEX ix_slot_counsellor_start ON slot (counsellor_id, start_at);

-- A counsellor's open slots never overlap, whatever code inserts or re-opens them. Slots last at most a day, so only
-- slots starting less than a day earlier can overlap: the bound keeps the check on a short stretch of the index.
CREATE TRIGGER slot_no_overlap_insert BEFORE INSERT ON slot
WHEN NEW.status = 'open'
BEGIN
    SELECT RAISE(ABORT, 'slot_overlap')
    WHERE EXISTS (SELECT 1 FROM slot s
                  WHERE s.counsellor_id = NEW.counsellor_id AND s.status = 'open'
                    AND s.start_at > strftime('%Y-%m-%dT%H:%M:%S.000000000Z', NEW.start_at, '-1 day')
                    AND s.start_at < NEW.end_at AND s.end_at > NEW.start_at);
END;

CREATE TRIGGER slot_no_overlap_update BEFORE UPDATE OF status, start_at, end_at, counsellor_id ON slot
WHEN NEW.status = 'open'
BEGIN
    SELECT RAISE(ABORT, 'slot_overlap')
    WHERE EXISTS (SELECT 1 FROM slot s
                  WHERE s.counsellor_id = NEW.counsellor_id AND s.status = 'open' AND s.id <> NEW.id
                    AND s.start_at > strftime('%Y-%m-%dT%H:%M:%S.000000000Z', NEW.start_at, '-1 day')
                    AND s.start_at < NEW.end_at AND s.end_at > NEW.start_at);
END;

CREATE TABLE data_key (
    id             TEXT PRIMARY KEY,
    master_key_id  TEXT NOT NULL,
    wrapped_key    BLOB NOT NULL,
    created_at     TEXT NOT NULL
);

CREATE TABLE booking (
    id                      TEXT PRIMARY KEY,
    reference               TEXT NOT NULL UNIQUE,
    slot_id                 TEXT NOT NULL REFERENCES slot (id),
    status                  TEXT NOT NULL CHECK (status IN ('confirmed', 'cancelled-by-resident', 'cancelled-by-centre',
                                                            'attended', 'no-show')),
    sequence                INTEGER NOT NULL DEFAULT 0,
    token_hash              BLOB NOT NULL,
    data_key_id             TEXT REFERENCES data_key (id),
    personal_data           BLOB,
    language_code           TEXT NOT NULL REFERENCES language (code),
    topic_code              TEXT NOT NULL REFERENCES topic (code),
    interpreter_needed      INTEGER NOT NULL CHECK (interpreter_needed IN (0, 1)),
    booked_by               TEXT NOT NULL CHECK (booked_by IN ('resident', 'staff')),
    privacy_notice_version  TEXT NOT NULL,
    consent_at              TEXT NOT NULL,
    status_reason           TEXT,
    status_changed_at       TEXT,
    created_at              TEXT NOT NULL
);

CREATE INDEX ix_booking_slot_status ON booking (slot_id, status);

-- A slot's capacity can never drop below the places already taken.
CREATE TRIGGER slot_capacity_update BEFORE UPDATE OF capacity ON slot
BEGIN
    SELECT RAISE(ABORT, 'slot_full')
    WHERE (SELECT COUNT(*) FROM booking b
           WHERE b.slot_id = NEW.id AND b.status IN ('confirmed', 'attended', 'no-show')) > NEW.capacity;
END;

-- The database itself refuses an overbooking, even from SQL that bypasses the application: a booking that holds
-- a place (confirmed, attended, no-show) may only enter an open slot with a free place.
CREATE TRIGGER booking_capacity_insert BEFORE INSERT ON booking
WHEN NEW.status IN ('confirmed', 'attended', 'no-show')
BEGIN
    SELECT RAISE(ABORT, 'slot_not_open')
    WHERE (SELECT status FROM slot WHERE id = NEW.slot_id) <> 'open';
    SELECT RAISE(ABORT, 'slot_full')
    WHERE (SELECT COUNT(*) FROM booking b
           WHERE b.slot_id = NEW.slot_id AND b.status IN ('confirmed', 'attended', 'no-show'))
          >= (SELECT capacity FROM slot WHERE id = NEW.slot_id);
END;

CREATE TRIGGER booking_capacity_update BEFORE UPDATE OF slot_id, status ON booking
WHEN NEW.status IN ('confirmed', 'attended', 'no-show')
     AND (NEW.slot_id <> OLD.slot_id OR OLD.status NOT IN ('confirmed', 'attended', 'no-show'))
BEGIN
    SELECT RAISE(ABORT, 'slot_not_open')
    WHERE (SELECT status FROM slot WHERE id = NEW.slot_id) <> 'open';
    SELECT RAISE(ABORT, 'slot_full')
    WHERE (SELECT COUNT(*) FROM booking b
           WHERE b.slot_id = NEW.slot_id AND b.id <> NEW.id AND b.status IN ('confirmed', 'attended', 'no-show'))
          >= (SELECT capacity FROM slot WHERE id = NEW.slot_id);
END;

-- An idempotent command's first answer, sealed together with the hash of its request under a data key of its own
-- (the answer holds a manage token; the hash must not let anyone confirm a guessed booking).
CREATE TABLE idempotency_key (
    scope          TEXT NOT NULL,
    key            TEXT NOT NULL,
    data_key_id    TEXT NOT NULL REFERENCES data_key (id),
    sealed_answer  BLOB NOT NULL,
    created_at     TEXT NOT NULL,
    PRIMARY KEY (scope, key)
);
