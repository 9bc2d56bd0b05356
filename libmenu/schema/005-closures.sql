-- 005: days an establishment is closed (school holidays, bank-holiday
-- bridges, strikes, outings): no meal is served, and a meal planned then
-- is reported by `cantine check`.
CREATE TABLE closure (
	id             INTEGER PRIMARY KEY,
	etab_id        INTEGER NOT NULL REFERENCES etab(id) ON DELETE CASCADE,
	first_date     TEXT NOT NULL,
	last_date      TEXT NOT NULL CHECK (last_date >= first_date),
	reason         TEXT NOT NULL,
	UNIQUE (etab_id, first_date, last_date)
) STRICT;
CREATE INDEX closure_etab ON closure(etab_id, first_date);

PRAGMA user_version = 5;
