-- 014: term billing (issue 6 item 6; docs/design.md "Term billing").
--   tariff.remise_days  the minimum number of consecutive canteen days a
--                       justified absence must last to be deducted from a
--                       forfait (remise d'ordre); the Département's rule,
--                       5 by default
--   ticket_meal         a meal a pupil paid by the ticket took on a day
--                       (the `repas` CSV import: from the badge reader or
--                       the ticket register), billed at the ticket price
ALTER TABLE tariff ADD COLUMN remise_days INTEGER NOT NULL DEFAULT 5
	CHECK (remise_days BETWEEN 1 AND 60);

CREATE TABLE ticket_meal (
	id        INTEGER PRIMARY KEY,
	etab_id   INTEGER NOT NULL REFERENCES etab(id) ON DELETE CASCADE,
	pupil_id  INTEGER NOT NULL REFERENCES pupil(id) ON DELETE CASCADE,
	date      TEXT NOT NULL,
	UNIQUE (pupil_id, date)
) STRICT;
CREATE INDEX ticket_meal_etab ON ticket_meal (etab_id, date);

PRAGMA user_version = 14;
