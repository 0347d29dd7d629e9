-- STAND-IN, to be dropped when the branches meet: the workflow branch's 0007
-- (stories' workflow, transitions, notifications) rebuilds the outbox with the
-- same kinds and more columns, and another branch's 0007 adds local-only
-- stories. Until they land this file keeps the numbering whole and gives the
-- outbox the 'note' kind the notes (0008) need. Delete it at the merge: the
-- workflow branch's 0007 already takes 'note' ops.
--
-- The outbox takes the op kinds of the workflow: 'note' here, and 'transition'
-- for the desk's workflow actions. SQLite cannot change a CHECK in place, so
-- the table is built again with the same rows.
CREATE TABLE outbox_next (
  op_id      TEXT    NOT NULL PRIMARY KEY,
  seq        INTEGER NOT NULL UNIQUE,
  story_id   TEXT    NOT NULL REFERENCES stories (id),
  kind       TEXT    NOT NULL CHECK (kind IN ('upsert', 'delete', 'transition', 'note')),
  base_rev   INTEGER NOT NULL CHECK (base_rev >= 0),
  payload    TEXT    CHECK (payload IS NULL OR json_valid(payload)),
  sealed     INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
  created_at TEXT    NOT NULL,
  attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  state      TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_flight', 'dead')),
  last_error TEXT
);
INSERT INTO outbox_next (op_id, seq, story_id, kind, base_rev, payload, sealed, created_at, attempts, state, last_error)
  SELECT op_id, seq, story_id, kind, base_rev, payload, sealed, created_at, attempts, state, last_error FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_by_story ON outbox (story_id, seq);
CREATE INDEX outbox_by_state ON outbox (state, seq);
