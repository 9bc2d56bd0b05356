-- 009: the Nutri-Score an SCDL file declares for a dish without
-- ingredients (menuPlatNutriscore, DOMAIN §5.1), so that exporting
-- imported menus gives it back.  A dish with ingredients has its
-- Nutri-Score computed (cantine_dish_nutriscore) and ignores this column.
ALTER TABLE dish ADD COLUMN declared_nutriscore TEXT
	CHECK (declared_nutriscore IS NULL OR declared_nutriscore IN ('A', 'B', 'C', 'D', 'E'));

PRAGMA user_version = 9;
