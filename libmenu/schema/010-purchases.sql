-- 010: purchases (cantine/purchase.h; DOMAIN Part B §1.1–1.2), the facts
-- the EGALIM counts are made of.  One row per invoice line, imported from
-- ma-cantine purchase files (docs/formats.md, "Achats").  Amounts are
-- integer cents excluding VAT; characteristics are the bits
-- 1 << cantine_characteristic; local is cantine_local (0: not local).
-- source is the SHA-256 (hex) of the file the row came from: importing
-- the same file twice is refused.
CREATE TABLE purchase (
	id              INTEGER PRIMARY KEY,
	etab_id         INTEGER NOT NULL REFERENCES etab(id) ON DELETE CASCADE,
	date            TEXT NOT NULL CHECK (date GLOB
		'[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	supplier        TEXT NOT NULL DEFAULT '',
	description     TEXT NOT NULL CHECK (description <> ''),
	family          INTEGER NOT NULL CHECK (family BETWEEN 0 AND 7),
	characteristics INTEGER NOT NULL DEFAULT 0
		CHECK (characteristics BETWEEN 0 AND 262143),
	local           INTEGER NOT NULL DEFAULT 0 CHECK (local BETWEEN 0 AND 5),
	local_km        INTEGER NOT NULL DEFAULT 0 CHECK (local_km >= 0),
	amount_cents    INTEGER NOT NULL CHECK (amount_cents >= 0),
	source          TEXT NOT NULL CHECK (length(source) = 64),
	imported_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	-- FRANCE (bit 14) and EUROPE (bit 15) are never both set.
	CHECK ((characteristics & 49152) <> 49152),
	-- a definition of local only with LOCAL (bit 17); km only with KM (5)
	CHECK (local = 0 OR (characteristics & 131072) <> 0),
	CHECK (local = 5 OR local_km = 0)
) STRICT;

CREATE INDEX purchase_etab_date ON purchase (etab_id, date);
CREATE INDEX purchase_source ON purchase (source);

PRAGMA user_version = 10;
