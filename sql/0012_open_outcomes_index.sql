-- The desk's worklist "Offen" lists confirmed bookings whose appointment has begun. Confirmed bookings are few (the
-- coming weeks' and those still without an outcome), while the booking table keeps every booking for years: this
-- partial index lets the worklist read only the confirmed ones instead of the whole table.
CREATE INDEX ix_booking_confirmed_slot ON booking (slot_id) WHERE status = 'confirmed';
