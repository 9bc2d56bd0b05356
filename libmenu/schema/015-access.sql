-- 015: who may see and do what on the web pages, the parents' committee's
-- comments, and the single-use tokens of their forms (issue 7 parts 3-5;
-- docs/design.md "Access, comments and form tokens").
--   app_user      a name the web server authenticates (REMOTE_USER) and
--                 its one role: comité (role 1) or gestionnaire (2) of a
--                 collège, département (3) of a département code
--   meal_comment  a comment of a committee member on the proposed meal of
--                 a collège and a day; handled when the gestionnaire marks
--                 it so (when and by whom)
--   form_secret   the key the form tokens are signed with (HMAC-SHA256):
--                 tokens are made on GET pages, which open the store
--                 read-only, so a token is not stored when made; it is
--                 checked by its signature and stored when used
--   form_token_used  the tokens already used (SHA-256 of the token),
--                 until they expire: a token is used once
CREATE TABLE app_user (
	name        TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 128),
	role        INTEGER NOT NULL CHECK (role BETWEEN 1 AND 3),
	etab_id     INTEGER REFERENCES etab(id) ON DELETE CASCADE,
	departement TEXT,
	CHECK ((role IN (1, 2) AND etab_id IS NOT NULL AND departement IS NULL) OR
	       (role = 3 AND etab_id IS NULL AND departement IS NOT NULL))
) STRICT;

CREATE TABLE meal_comment (
	id         INTEGER PRIMARY KEY,
	etab_id    INTEGER NOT NULL REFERENCES etab(id) ON DELETE CASCADE,
	date       TEXT NOT NULL,
	author     TEXT NOT NULL,
	body       TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
	created_at TEXT NOT NULL,
	handled_at TEXT,
	handled_by TEXT,
	CHECK ((handled_at IS NULL) = (handled_by IS NULL))
) STRICT;
CREATE INDEX meal_comment_etab ON meal_comment (etab_id, date);

CREATE TABLE form_secret (
	id  INTEGER PRIMARY KEY CHECK (id = 1),
	key BLOB NOT NULL CHECK (length(key) = 32)
) STRICT;
-- SQLite's randomblob() draws from its ChaCha20 generator, seeded from
-- the operating system's randomness (/dev/urandom on Unix).
INSERT INTO form_secret (id, key) VALUES (1, randomblob(32));

CREATE TABLE form_token_used (
	hash       TEXT PRIMARY KEY,
	expires_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

PRAGMA user_version = 15;
