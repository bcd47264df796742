-- The booking states, written once in the database (issue 18): which states there are, and which of them hold a
-- place in their slot. The capacity triggers of 0001 and the places_taken triggers of 0011 listed
-- ('confirmed', 'attended', 'no-show') eight times; they are re-created here to ask this table instead. The domain's
-- list (BookingStatuses.HoldingAPlace) is compared with these rows by a test, so the two cannot drift apart.

CREATE TABLE booking_status (
    code         TEXT PRIMARY KEY,
    holds_place  INTEGER NOT NULL CHECK (holds_place IN (0, 1))
) WITHOUT ROWID;

INSERT INTO booking_status (code, holds_place) VALUES
    ('confirmed', 1),
    ('cancelled-by-resident', 0),
    ('cancelled-by-centre', 0),
    ('attended', 1),
    ('no-show', 1);

-- A state's meaning is fixed once bookings use it: places_taken was counted with it. A new state comes with a new
-- migration (a row here, a value in the domain); changing what a state means needs a migration that recounts.
CREATE TRIGGER booking_status_fixed_update BEFORE UPDATE ON booking_status
BEGIN
    SELECT RAISE(ABORT, 'booking_status_fixed');
END;

CREATE TRIGGER booking_status_fixed_delete BEFORE DELETE ON booking_status
BEGIN
    SELECT RAISE(ABORT, 'booking_status_fixed');
END;

-- booking.status names a row of booking_status (SQLite cannot add a foreign key to an existing column).
CREATE TRIGGER booking_status_known_insert BEFORE INSERT ON booking
WHEN NOT EXISTS (SELECT 1 FROM booking_status WHERE code = NEW.status)
BEGIN
    SELECT RAISE(ABORT, 'booking_status_unknown');
END;

CREATE TRIGGER booking_status_known_update BEFORE UPDATE OF status ON booking
WHEN NOT EXISTS (SELECT 1 FROM booking_status WHERE code = NEW.status)
BEGIN
    SELECT RAISE(ABORT, 'booking_status_unknown');
END;

-- The guards of 0001, unchanged but for asking booking_status which bookings hold a place.
DROP TRIGGER slot_capacity_update;
CREATE TRIGGER slot_capacity_update BEFORE UPDATE OF capacity ON slot
BEGIN
    SELECT RAISE(ABORT, 'slot_full')
    WHERE (SELECT COUNT(*) FROM booking b
           WHERE b.slot_id = NEW.id AND b.status IN (SELECT code FROM booking_status WHERE holds_place = 1)) > NEW.capacity;
END;

DROP TRIGGER booking_capacity_insert;
CREATE TRIGGER booking_capacity_insert BEFORE INSERT ON booking
WHEN (SELECT holds_place FROM booking_status WHERE code = NEW.status) = 1
BEGIN
    SELECT RAISE(ABORT, 'slot_not_open')
    WHERE (SELECT status FROM slot WHERE id = NEW.slot_id) <> 'open';
    SELECT RAISE(ABORT, 'slot_full')
    WHERE (SELECT COUNT(*) FROM booking b
           WHERE b.slot_id = NEW.slot_id AND b.status IN (SELECT code FROM booking_status WHERE holds_place = 1))
          >= (SELECT capacity FROM slot WHERE id = NEW.slot_id);
END;

DROP TRIGGER booking_capacity_update;
CREATE TRIGGER booking_capacity_update BEFORE UPDATE OF slot_id, status ON booking
WHEN (SELECT holds_place FROM booking_status WHERE code = NEW.status) = 1
     AND (NEW.slot_id <> OLD.slot_id OR (SELECT holds_place FROM booking_status WHERE code = OLD.status) = 0)
BEGIN
    SELECT RAISE(ABORT, 'slot_not_open')
    WHERE (SELECT status FROM slot WHERE id = NEW.slot_id) <> 'open';
    SELECT RAISE(ABORT, 'slot_full')
    WHERE (SELECT COUNT(*) FROM booking b
           WHERE b.slot_id = NEW.slot_id AND b.id <> NEW.id
             AND b.status IN (SELECT code FROM booking_status WHERE holds_place = 1))
          >= (SELECT capacity FROM slot WHERE id = NEW.slot_id);
END;

-- The places kept on the slot (0011), likewise.
DROP TRIGGER booking_places_insert;
CREATE TRIGGER booking_places_insert AFTER INSERT ON booking
WHEN (SELECT holds_place FROM booking_status WHERE code = NEW.status) = 1
BEGIN
    UPDATE slot SET places_taken = places_taken + 1 WHERE id = NEW.slot_id;
END;

DROP TRIGGER booking_places_update;
CREATE TRIGGER booking_places_update AFTER UPDATE OF slot_id, status ON booking
WHEN (SELECT holds_place FROM booking_status WHERE code = OLD.status) <> (SELECT holds_place FROM booking_status WHERE code = NEW.status)
     OR NEW.slot_id <> OLD.slot_id
BEGIN
    UPDATE slot SET places_taken = places_taken - 1
    WHERE id = OLD.slot_id AND (SELECT holds_place FROM booking_status WHERE code = OLD.status) = 1;
    UPDATE slot SET places_taken = places_taken + 1
    WHERE id = NEW.slot_id AND (SELECT holds_place FROM booking_status WHERE code = NEW.status) = 1;
END;

DROP TRIGGER booking_places_delete;
CREATE TRIGGER booking_places_delete AFTER DELETE ON booking
WHEN (SELECT holds_place FROM booking_status WHERE code = OLD.status) = 1
BEGIN
    UPDATE slot SET places_taken = places_taken - 1 WHERE id = OLD.slot_id;
END;
