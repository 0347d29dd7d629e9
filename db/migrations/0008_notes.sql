-- Editorial notes (see db/notes/). A note written here is kept at once and
-- queued as a 'note' op in the outbox, in order with its story's other ops; the
-- server's copy comes back through GET /api/sync/notes and replaces it.
--   server_seq  the server's number for the note, once pulled; NULL while only here
--   op_id       the outbox op carrying it, until the server answered
--   refused     the server's reason, when it refused the note (never sent again)
-- No foreign key to stories: a pulled note may arrive before its story.
CREATE TABLE notes (
  id          TEXT    NOT NULL PRIMARY KEY,
  story_id    TEXT    NOT NULL,
  block_id    TEXT,
  passage     TEXT,
  parent_id   TEXT,
  author      TEXT    NOT NULL,
  body        TEXT    NOT NULL,
  mentions    TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(mentions)),
  created_at  TEXT    NOT NULL,
  server_seq  INTEGER,
  op_id       TEXT,
  refused     TEXT
);

CREATE INDEX notes_by_story ON notes (story_id, created_at);

-- Stories whose notes this account fetched whole from the server, once: notes
-- written while a story was not yet visible here (a draft, before it was
-- submitted or assigned) lie behind the notes cursor and come only this way.
CREATE TABLE notes_fetched (
  account   TEXT NOT NULL,
  story_id  TEXT NOT NULL,
  PRIMARY KEY (account, story_id)
);

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
