-- Partners' postal address as the two lines of an envelope (issue 15): street (or PO box) and postcode with city,
-- like the centre's own address in Beratung:Centre. The letter's address block is made of these lines, so an empty
-- field leaves no blank line, and no field can carry line breaks into it (every partner field is one line).
--
-- The single-line free-text address of 0004 moves to the street line: it was never filled in by the seed (the seeded
-- partners keep empty contact fields until the admin fills them in), and an address an admin entered since stays
-- readable on one line until it is split on the partner page.

ALTER TABLE partner ADD COLUMN street TEXT;
ALTER TABLE partner ADD COLUMN postcode_and_city TEXT;

UPDATE partner SET street = trim(address) WHERE address IS NOT NULL AND trim(address) <> '';

ALTER TABLE partner DROP COLUMN address;
