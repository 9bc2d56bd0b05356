-- 011: what the classification rules (cantine/classify.h; docs/formats.md,
-- "Règles de classification") suggest for a purchase's description, kept
-- next to what its file declares.  A suggestion is only ever that: the
-- EGALIM counts read family and characteristics, never these columns
-- (issue 5: "a suggestion is marked as such and never overrides what the
-- file declares").  Only what differs from the declared values is kept:
--   suggested_characteristics  bits 1 << cantine_characteristic that the
--                              file does not declare (never FRANCE/EUROPE)
--   suggested_family           a family other than the declared one, or NULL
--   suggested_origin           14 (FRANCE) or 15 (EUROPE) when the file does
--                              not declare it, or NULL
--   suggestion_rules           names of the rules that gave them, comma
--                              separated ('' when no suggestion)
ALTER TABLE purchase ADD COLUMN suggested_characteristics INTEGER NOT NULL DEFAULT 0
	CHECK (suggested_characteristics BETWEEN 0 AND 262143
	       AND (suggested_characteristics & characteristics) = 0
	       AND (suggested_characteristics & 49152) = 0);
ALTER TABLE purchase ADD COLUMN suggested_family INTEGER
	CHECK (suggested_family IS NULL OR (suggested_family BETWEEN 0 AND 7
	                                    AND suggested_family <> family));
ALTER TABLE purchase ADD COLUMN suggested_origin INTEGER
	CHECK (suggested_origin IS NULL OR suggested_origin IN (14, 15));
ALTER TABLE purchase ADD COLUMN suggestion_rules TEXT NOT NULL DEFAULT '';

PRAGMA user_version = 11;
