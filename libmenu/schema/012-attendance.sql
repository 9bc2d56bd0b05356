-- 012: attendance (cantine/attendance.h; issue 6): pupils registered for
-- lunch, announced absences, the covers actually served each day, and the
-- food weighed as waste.
--
-- A pupil is known only by a pseudonymous identifier chosen by the
-- establishment (no name is needed to count covers).  The social tier
-- fields are kept for billing; `cantine pupil forget` clears them and
-- replaces the identifier, keeping the rows that the counts are made of.
-- regime is cantine_regime (0 DP4, 1 DP5, 2 ticket, 3 externe); days the
-- CANTINE_DAY_* bits; money (quotient familial, RFR) integer cents.
CREATE TABLE pupil (
	id            INTEGER PRIMARY KEY,
	etab_id       INTEGER NOT NULL REFERENCES etab(id) ON DELETE CASCADE,
	ident         TEXT NOT NULL CHECK (ident <> ''),
	regime        INTEGER NOT NULL CHECK (regime BETWEEN 0 AND 3),
	days          INTEGER NOT NULL DEFAULT 0 CHECK (days BETWEEN 0 AND 127),
	class         TEXT NOT NULL DEFAULT '',
	first_date    TEXT NOT NULL,
	last_date     TEXT NOT NULL CHECK (last_date >= first_date),
	qf_cents      INTEGER CHECK (qf_cents >= 0),
	rfr_cents     INTEGER CHECK (rfr_cents >= 0),
	children      INTEGER CHECK (children BETWEEN 1 AND 20),
	bursary       INTEGER NOT NULL DEFAULT 0 CHECK (bursary IN (0, 1)),
	forgotten     INTEGER NOT NULL DEFAULT 0 CHECK (forgotten IN (0, 1)),
	UNIQUE (etab_id, ident)
) STRICT;
CREATE INDEX pupil_class ON pupil (etab_id, class);

-- An absence announced for one pupil (pupil_id) or for a whole class
-- (class, pupil_id NULL): outings, exam days.
CREATE TABLE absence (
	id          INTEGER PRIMARY KEY,
	etab_id     INTEGER NOT NULL REFERENCES etab(id) ON DELETE CASCADE,
	pupil_id    INTEGER REFERENCES pupil(id) ON DELETE CASCADE,
	class       TEXT NOT NULL DEFAULT '',
	first_date  TEXT NOT NULL,
	last_date   TEXT NOT NULL CHECK (last_date >= first_date),
	reason      TEXT NOT NULL,
	justified   INTEGER NOT NULL DEFAULT 0 CHECK (justified IN (0, 1)),
	CHECK ((pupil_id IS NULL) <> (class = ''))
) STRICT;
CREATE UNIQUE INDEX absence_key ON absence
	(etab_id, coalesce(pupil_id, 0), class, first_date, last_date);

-- Covers actually served, one count a day.
CREATE TABLE covers (
	id       INTEGER PRIMARY KEY,
	etab_id  INTEGER NOT NULL REFERENCES etab(id) ON DELETE CASCADE,
	date     TEXT NOT NULL,
	covers   INTEGER NOT NULL CHECK (covers BETWEEN 0 AND 5000),
	UNIQUE (etab_id, date)
) STRICT;

-- Food weighed as waste on a day, in grams (DOMAIN §2.8).
CREATE TABLE waste (
	id          INTEGER PRIMARY KEY,
	etab_id     INTEGER NOT NULL REFERENCES etab(id) ON DELETE CASCADE,
	date        TEXT NOT NULL,
	plate_g     INTEGER NOT NULL CHECK (plate_g >= 0),
	unserved_g  INTEGER NOT NULL CHECK (unserved_g >= 0),
	bread_g     INTEGER NOT NULL CHECK (bread_g >= 0),
	UNIQUE (etab_id, date)
) STRICT;

PRAGMA user_version = 12;
