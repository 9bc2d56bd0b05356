-- 007: what the publisher of an imported SCDL menus collectifs file says
-- that the store cannot derive (DOMAIN §5.1), kept so that exporting the
-- imported menus gives back what was imported.
--   dish.declared_price_cents  menuPlatPrix of a dish without ingredients,
--                              in cents (NULL: not declared)
--   meal_source                menuPublicationDate, menuModificationDate
--                              and menuModificationInfo of an imported
--                              meal (UTC, AAAA-MM-JJTHH:MM:SSZ), and the
--                              last history entry the import wrote: the
--                              entries after it are local changes.
ALTER TABLE dish ADD COLUMN declared_price_cents INTEGER
	CHECK (declared_price_cents IS NULL OR declared_price_cents >= 0);

CREATE TABLE meal_source (
	meal_id        INTEGER PRIMARY KEY REFERENCES meal(id) ON DELETE CASCADE,
	published_at   TEXT NOT NULL CHECK (length(published_at) = 20),
	modified_at    TEXT CHECK (modified_at IS NULL OR length(modified_at) = 20),
	modification   TEXT,
	history_id     INTEGER NOT NULL
) STRICT;

PRAGMA user_version = 7;
