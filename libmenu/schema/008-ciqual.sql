-- 008: the Ciqual food composition table (ANSES; docs/formats.md, "Table
-- Ciqual"), written by cantine_import_ciqual(), which replaces all three
-- tables at each import.  Values are per 100 g of edible portion, in
-- integer millionths of the constituent's unit, with their kind, as the
-- table writes them (nothing is turned into a number at import):
--   kind 0  number     "49,9"    amount 49900000
--   kind 1  traces     "traces"  amount NULL (present, not quantified)
--   kind 2  less than  "< 0,2"   amount 200000 (the limit)
--   kind 3  unknown    "-"       amount NULL
-- Products name a food by its code (product.ciqual) without a foreign key:
-- a catalogue may be imported before the table, or name a food a later
-- table dropped; cantine_dish_nutrients() reports such ingredients.
CREATE TABLE ciqual_food (
	code           INTEGER PRIMARY KEY CHECK (code BETWEEN 1 AND 999999),
	name           TEXT NOT NULL CHECK (length(name) > 0),
	name_sci       TEXT,
	grp_code       TEXT NOT NULL CHECK (length(grp_code) = 2),
	ssgrp_code     TEXT NOT NULL CHECK (length(ssgrp_code) = 4),
	ssssgrp_code   TEXT NOT NULL CHECK (length(ssssgrp_code) = 6),
	grp_name       TEXT,
	ssgrp_name     TEXT,
	ssssgrp_name   TEXT,
	jones_u        INTEGER NOT NULL CHECK (jones_u > 0) -- Jones factor, millionths
) STRICT;

CREATE TABLE ciqual_constituent (
	code           INTEGER PRIMARY KEY,  -- Ciqual const_code
	name           TEXT NOT NULL,        -- official French name, unit included
	unit           TEXT NOT NULL,        -- g, mg, µg, kJ or kcal (per 100 g)
	position       INTEGER NOT NULL UNIQUE CHECK (position > 0) -- column order
) STRICT;

CREATE TABLE ciqual_value (
	food_code      INTEGER NOT NULL REFERENCES ciqual_food(code) ON DELETE CASCADE,
	const_code     INTEGER NOT NULL REFERENCES ciqual_constituent(code) ON DELETE CASCADE,
	kind           INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 3),
	amount         INTEGER CHECK (amount IS NULL OR amount >= 0),
	CHECK ((kind IN (0, 2)) = (amount IS NOT NULL)),
	PRIMARY KEY (food_code, const_code)
) STRICT, WITHOUT ROWID;

PRAGMA user_version = 8;
