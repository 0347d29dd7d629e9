-- Desk sync: what this computer still has to tell the server, what the server
-- told it that could not be applied yet, and the stories with two versions.
-- See service/sync/.

-- Local operations waiting to be pushed. Each is written in the same
-- transaction as the change it describes, so a change and its op exist together
-- or not at all.
--   seq        push order (op_id is the identity the server dedupes on).
--   base_rev   the story's base_rev when the op was made; the base actually sent
--              is read from the story when the op leaves, since an earlier op
--              of the same story may have moved it on.
--   sealed     1 when an explicit save closed the op: later autosaves start a
--              new op, so the server keeps one revision per save.
--   attempts   > 0 once the op may have reached the server. Such an op is never
--              rewritten (its op id may already be applied there).
--   state      pending → in_flight → (deleted when answered), or dead: refused
--              by the server, kept with the reason and never retried.
CREATE TABLE outbox (
  op_id      TEXT    NOT NULL PRIMARY KEY,
  seq        INTEGER NOT NULL UNIQUE,
  story_id   TEXT    NOT NULL REFERENCES stories (id),
  kind       TEXT    NOT NULL CHECK (kind IN ('upsert', 'delete')),
  base_rev   INTEGER NOT NULL CHECK (base_rev >= 0),
  payload    TEXT    CHECK (payload IS NULL OR json_valid(payload)),
  sealed     INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
  created_at TEXT    NOT NULL,
  attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  state      TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_flight', 'dead')),
  last_error TEXT
);

CREATE INDEX outbox_by_story ON outbox (story_id, seq);
CREATE INDEX outbox_by_state ON outbox (state, seq);

-- A server version pulled while the story still had ops on their way up: it is
-- applied (or becomes a conflict) once those ops are answered, never over them.
CREATE TABLE sync_pulled (
  story_id   TEXT    NOT NULL PRIMARY KEY REFERENCES stories (id),
  rev        INTEGER NOT NULL,
  stored     TEXT    NOT NULL CHECK (json_valid(stored))
);

-- Both texts of a story that changed here and on the server from the same base.
-- Rows are kept after the user chooses (resolved_at set): no text is ever dropped.
CREATE TABLE sync_conflicts (
  id            TEXT    NOT NULL PRIMARY KEY,
  story_id      TEXT    NOT NULL REFERENCES stories (id),
  created_at    TEXT    NOT NULL,
  local_content TEXT    NOT NULL CHECK (json_valid(local_content)),
  local_trashed INTEGER NOT NULL CHECK (local_trashed IN (0, 1)),
  server_rev    INTEGER NOT NULL,
  server_stored TEXT    NOT NULL CHECK (json_valid(server_stored)),
  resolved_at   TEXT,
  resolution    TEXT    CHECK (resolution IS NULL OR resolution IN ('mine', 'theirs'))
);

-- At most one open conflict per story.
CREATE UNIQUE INDEX sync_conflicts_open ON sync_conflicts (story_id) WHERE resolved_at IS NULL;

-- The worker's own small state: the pull cursor per server and account, and so on.
CREATE TABLE sync_meta (
  key   TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
);
