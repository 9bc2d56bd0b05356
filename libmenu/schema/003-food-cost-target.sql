-- 003: the food cost per meal an establishment aims at (coût denrées par
-- repas), in cents; NULL when none is set.
ALTER TABLE etab ADD COLUMN food_cost_target_cents INTEGER
	CHECK (food_cost_target_cents IS NULL OR food_cost_target_cents > 0);

PRAGMA user_version = 3;
