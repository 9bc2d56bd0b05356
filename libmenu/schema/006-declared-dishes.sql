-- 006: facts declared for dishes that have no recipe, such as the dishes
-- of a menu imported from the national open-data format (SCDL menus
-- collectifs 1.2.3, DOMAIN §5.1: menuPlatAllergene, menuPlatRegime,
-- menuPlatSiqo).  A dish with ingredients keeps its derived facts and
-- these columns are ignored for it (ARCHITECTURE §5: derived, never typed
-- twice); NULL means "not declared".
--   declared_allergens  the 14 allergens of Regulation (EU) 1169/2011
--                       Annex II, bits as product.allergens (the SCDL
--                       does not tell contains from traces)
--   declared_vegetarian 1 when the publisher marked it "végétarien"
--   declared_siqo       official quality signs, bits as product.labels
--                       (BIO, LABEL_ROUGE, AOCAOP, IGP, STG only)
ALTER TABLE dish ADD COLUMN declared_allergens INTEGER
	CHECK (declared_allergens IS NULL OR declared_allergens BETWEEN 0 AND 16383);
ALTER TABLE dish ADD COLUMN declared_vegetarian INTEGER
	CHECK (declared_vegetarian IS NULL OR declared_vegetarian IN (0, 1));
ALTER TABLE dish ADD COLUMN declared_siqo INTEGER
	CHECK (declared_siqo IS NULL OR declared_siqo BETWEEN 0 AND 31);

PRAGMA user_version = 6;
