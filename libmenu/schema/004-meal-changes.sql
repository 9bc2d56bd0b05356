-- 004: who changed a meal, why, and its dishes before and after.  Changes
-- of existing meals are recorded by the library (it knows the dishes and
-- the reason); the creation of a meal is still recorded by the insert
-- trigger of 002.
ALTER TABLE meal_history ADD COLUMN who TEXT;
ALTER TABLE meal_history ADD COLUMN reason TEXT;
ALTER TABLE meal_history ADD COLUMN dishes_before TEXT;
ALTER TABLE meal_history ADD COLUMN dishes_after TEXT;
DROP TRIGGER meal_status_update;

PRAGMA user_version = 4;
