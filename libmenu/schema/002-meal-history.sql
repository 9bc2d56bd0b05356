-- 002: a history of the status changes of meals (ARCHITECTURE §5, plan).
CREATE TABLE meal_history (
	id             INTEGER PRIMARY KEY,
	meal_id        INTEGER NOT NULL REFERENCES meal(id) ON DELETE CASCADE,
	at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	old_status     INTEGER,
	new_status     INTEGER NOT NULL
) STRICT;
CREATE INDEX meal_history_meal ON meal_history(meal_id);

CREATE TRIGGER meal_status_insert AFTER INSERT ON meal BEGIN
	INSERT INTO meal_history (meal_id, old_status, new_status)
	VALUES (NEW.id, NULL, NEW.status);
END;
CREATE TRIGGER meal_status_update AFTER UPDATE OF status ON meal
WHEN OLD.status IS NOT NEW.status BEGIN
	INSERT INTO meal_history (meal_id, old_status, new_status)
	VALUES (NEW.id, OLD.status, NEW.status);
END;

PRAGMA user_version = 2;
