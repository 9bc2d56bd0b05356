-- 001: establishments, catalogue, recipes, menus.
-- Money is integer cents, quantities integer milligrams, dates ISO text.
PRAGMA application_id = 1128353364;  -- 'CANT'

CREATE TABLE etab (
	id             INTEGER PRIMARY KEY,
	uai            TEXT NOT NULL UNIQUE CHECK (length(uai) = 8),
	siret          TEXT CHECK (siret IS NULL OR length(siret) = 14),
	name           TEXT NOT NULL,
	commune_insee  TEXT NOT NULL,
	departement    TEXT NOT NULL,
	service_days   INTEGER NOT NULL CHECK (service_days BETWEEN 1 AND 127),
	pupils         INTEGER NOT NULL CHECK (pupils >= 0),
	half_boarders  INTEGER NOT NULL CHECK (half_boarders BETWEEN 0 AND pupils)
) STRICT;

CREATE TABLE product (
	id             INTEGER PRIMARY KEY,
	code           TEXT NOT NULL UNIQUE,
	name           TEXT NOT NULL,
	family         INTEGER NOT NULL CHECK (family BETWEEN 0 AND 7),
	labels         INTEGER NOT NULL DEFAULT 0,
	country        TEXT,
	departement    TEXT,
	commune_insee  TEXT,
	distance_km    INTEGER CHECK (distance_km IS NULL OR distance_km >= 0),
	local_def      INTEGER NOT NULL DEFAULT 0,
	supplier       TEXT,
	unit           INTEGER NOT NULL CHECK (unit BETWEEN 0 AND 2),
	unit_grams     INTEGER NOT NULL CHECK (unit_grams > 0),
	price_cents    INTEGER NOT NULL CHECK (price_cents >= 0),
	ciqual         INTEGER,
	allergens      INTEGER NOT NULL DEFAULT 0,
	traces         INTEGER NOT NULL DEFAULT 0,
	meat           INTEGER NOT NULL CHECK (meat IN (0, 1)),
	fish           INTEGER NOT NULL CHECK (fish IN (0, 1))
) STRICT;

CREATE TABLE dish (
	id             INTEGER PRIMARY KEY,
	name           TEXT NOT NULL UNIQUE,
	course         INTEGER NOT NULL CHECK (course BETWEEN 0 AND 6),
	tags           TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE dish_ingredient (
	dish_id        INTEGER NOT NULL REFERENCES dish(id) ON DELETE CASCADE,
	product_id     INTEGER NOT NULL REFERENCES product(id),
	grams_mg       INTEGER NOT NULL CHECK (grams_mg > 0),
	PRIMARY KEY (dish_id, product_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX dish_ingredient_product ON dish_ingredient(product_id);

CREATE TABLE meal (
	id             INTEGER PRIMARY KEY,
	etab_id        INTEGER NOT NULL REFERENCES etab(id),
	date           TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	status         INTEGER NOT NULL CHECK (status BETWEEN 0 AND 2),
	UNIQUE (etab_id, date)
) STRICT;

CREATE TABLE meal_dish (
	meal_id        INTEGER NOT NULL REFERENCES meal(id) ON DELETE CASCADE,
	dish_id        INTEGER NOT NULL REFERENCES dish(id),
	PRIMARY KEY (meal_id, dish_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX meal_dish_dish ON meal_dish(dish_id);

PRAGMA user_version = 1;
