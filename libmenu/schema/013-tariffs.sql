-- 013: tariff grids per establishment and school year (issue 6 item 5;
-- DOMAIN Part A §4; docs/formats.md "tarifs").  Money in integer cents.
--   tariff            one grid: ticket price per meal, forfait per term for
--                     4 and 5 days with the number of meals it covers, the
--                     cost per user (R. 531-53: no price above it), the
--                     claims the grid makes (progressive, "cantine à 1 €")
--                     and the default funder of its aids (cantine_funder)
--   tariff_commensal  price per meal of a commensal category
--   tariff_tier       a social tier: basis 0 QF, 1 RFR (+ children),
--                     2 bursary; bounds inclusive, in cents (to NULL: no
--                     upper bound); either an aid per meal deducted from
--                     the ticket price or a family price per meal; funder
--                     NULL: the grid's
CREATE TABLE tariff (
	id             INTEGER PRIMARY KEY,
	etab_id        INTEGER NOT NULL REFERENCES etab(id) ON DELETE CASCADE,
	school_year    TEXT NOT NULL,
	ticket_cents   INTEGER NOT NULL CHECK (ticket_cents >= 0),
	forfait4_cents INTEGER CHECK (forfait4_cents >= 0),
	meals4         INTEGER CHECK (meals4 > 0),
	forfait5_cents INTEGER CHECK (forfait5_cents >= 0),
	meals5         INTEGER CHECK (meals5 > 0),
	cost_cents     INTEGER NOT NULL CHECK (cost_cents >= 0),
	progressive    INTEGER NOT NULL CHECK (progressive IN (0, 1)),
	cantine_1e     INTEGER NOT NULL CHECK (cantine_1e IN (0, 1)),
	funder         INTEGER NOT NULL CHECK (funder BETWEEN 0 AND 15),
	CHECK ((forfait4_cents IS NULL) = (meals4 IS NULL)),
	CHECK ((forfait5_cents IS NULL) = (meals5 IS NULL)),
	UNIQUE (etab_id, school_year)
) STRICT;

CREATE TABLE tariff_commensal (
	id             INTEGER PRIMARY KEY,
	tariff_id      INTEGER NOT NULL REFERENCES tariff(id) ON DELETE CASCADE,
	label          TEXT NOT NULL,
	price_cents    INTEGER NOT NULL CHECK (price_cents >= 0),
	UNIQUE (tariff_id, label)
) STRICT;

CREATE TABLE tariff_tier (
	id             INTEGER PRIMARY KEY,
	tariff_id      INTEGER NOT NULL REFERENCES tariff(id) ON DELETE CASCADE,
	label          TEXT NOT NULL,
	basis          INTEGER NOT NULL CHECK (basis BETWEEN 0 AND 2),
	from_cents     INTEGER NOT NULL CHECK (from_cents >= 0),
	to_cents       INTEGER CHECK (to_cents IS NULL OR to_cents >= from_cents),
	children       INTEGER NOT NULL CHECK (children >= 0),
	aid_cents      INTEGER CHECK (aid_cents >= 0),
	family_cents   INTEGER CHECK (family_cents >= 0),
	funder         INTEGER CHECK (funder BETWEEN 0 AND 15),
	CHECK ((aid_cents IS NULL) <> (family_cents IS NULL))
) STRICT;
CREATE INDEX tariff_tier_tariff ON tariff_tier(tariff_id);

PRAGMA user_version = 13;
