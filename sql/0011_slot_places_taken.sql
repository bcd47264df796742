-- Speed at the storage limit (issue 17): the slot search reads how many places of a slot are taken from the slot
-- itself instead of counting its bookings for every row, and walks the slots in (start, id) order so that it stops
-- as soon as the page is full.

-- Places held by bookings that keep their place (confirmed, attended, no-show), kept by the triggers below on every
-- change of a booking: a cached figure for reading; the overbooking triggers of 0001 still count the bookings.
ALTER TABLE slot ADD COLUMN places_taken INTEGER NOT NULL DEFAULT 0 CHECK (places_taken >= 0);

UPDATE slot SET places_taken = (SELECT COUNT(*) FROM booking b
                                WHERE b.slot_id = slot.id AND b.status IN ('confirmed', 'attended', 'no-show'));

CREATE TRIGGER booking_places_insert AFTER INSERT ON booking
WHEN NEW.status IN ('confirmed', 'attended', 'no-show')
BEGIN
    UPDATE slot SET places_taken = places_taken + 1 WHERE id = NEW.slot_id;
END;

CREATE TRIGGER booking_places_update AFTER UPDATE OF slot_id, status ON booking
WHEN (OLD.status IN ('confirmed', 'attended', 'no-show')) <> (NEW.status IN ('confirmed', 'attended', 'no-show'))
     OR NEW.slot_id <> OLD.slot_id
BEGIN
    UPDATE slot SET places_taken = places_taken - 1
    WHERE id = OLD.slot_id AND OLD.status IN ('confirmed', 'attended', 'no-show');
    UPDATE slot SET places_taken = places_taken + 1
    WHERE id = NEW.slot_id AND NEW.status IN ('confirmed', 'attended', 'no-show');
END;

CREATE TRIGGER booking_places_delete AFTER DELETE ON booking
WHEN OLD.status IN ('confirmed', 'attended', 'no-show')
BEGIN
    UPDATE slot SET places_taken = places_taken - 1 WHERE id = OLD.slot_id;
END;

-- The search's order: it walks this index from the first start in the window (or the page's cursor) and stops at the
-- page's end, with no sort. It replaces ix_slot_start, whose every use it serves as well.
CREATE INDEX ix_slot_start_id ON slot (start_at, id);
DROP INDEX ix_slot_start;
