-- 012: RESERVED for the attendance branch (registrations, attendance), which
-- owns migration 012.  This placeholder only exists so that the tariffs
-- branch can number its own migration 013 (embed.py wants no gap); drop it
-- when the two branches are merged.
PRAGMA user_version = 12;
