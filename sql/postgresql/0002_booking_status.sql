-- The booking states, written once in the database (sql/0014): which states there are, and which of them hold a place
-- in their slot. The capacity and places_taken triggers of 0001 ask booking_holds_place(), which now reads this table
-- instead of its own list. The domain's list (BookingStatuses.HoldingAPlace) is compared with these rows by a test.

CREATE TABLE booking_status (
    code         text COLLATE "C" PRIMARY KEY,
    holds_place  bigint NOT NULL CHECK (holds_place IN (0, 1))
);

INSERT INTO booking_status (code, holds_place) VALUES
    ('confirmed', 1),
    ('cancelled-by-resident', 0),
    ('cancelled-by-centre', 0),
    ('attended', 1),
    ('no-show', 1);

-- A state's meaning is fixed once bookings use it: places_taken was counted with it. A new state comes with a new
-- migration (a row here, a value in the domain); changing what a state means needs a migration that recounts.
CREATE FUNCTION booking_status_fixed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'booking_status_fixed';
END
$$;

CREATE TRIGGER booking_status_fixed_update BEFORE UPDATE ON booking_status
FOR EACH ROW EXECUTE FUNCTION booking_status_fixed();

CREATE TRIGGER booking_status_fixed_delete BEFORE DELETE ON booking_status
FOR EACH ROW EXECUTE FUNCTION booking_status_fixed();

CREATE TRIGGER booking_status_fixed_truncate BEFORE TRUNCATE ON booking_status
FOR EACH STATEMENT EXECUTE FUNCTION booking_status_fixed();

-- booking.status names a row of booking_status (PostgreSQL can add the foreign key SQLite emulates with triggers).
ALTER TABLE booking ADD CONSTRAINT booking_status_known FOREIGN KEY (status) REFERENCES booking_status (code);

-- The triggers of 0001 keep calling this function; it reads the table now (STABLE: it reads, though the rows are fixed).
CREATE OR REPLACE FUNCTION booking_holds_place(status text) RETURNS boolean
    LANGUAGE sql STABLE STRICT PARALLEL SAFE AS
$$ SELECT COALESCE((SELECT s.holds_place = 1 FROM booking_status s WHERE s.code = status), false) $$;
