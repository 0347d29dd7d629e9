-- The editorial workflow on the desk (issue #10).
--
-- A story's status, assignee and schedule stay in `stories` (the list filters
-- and its index read them there); the rest of its workflow lives beside it in
-- `story_workflow`, one small row per story, so that listing never reads past a
-- story's body to find them. Both hold what the desk shows: the server's
-- workflow with this desk's unanswered transitions applied on top. What the
-- server last said is kept in `base` while transitions wait (see
-- db/stories/workflow.ts); `seq` is the server change it came with, so that a
-- change that moved only the workflow (same rev) is still taken, and an older
-- one never is.
CREATE TABLE story_workflow (
  story_id       TEXT    NOT NULL PRIMARY KEY REFERENCES stories (id),
  deadline       TEXT,
  holder         TEXT,
  held_since     TEXT,
  spiked_from    TEXT,
  corrections    TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(corrections)),
  -- The working copy of a published story differs from the site's copy.
  pending_update INTEGER NOT NULL DEFAULT 0 CHECK (pending_update IN (0, 1)),
  -- When the story came into its present status (who holds it, and since when).
  status_since   TEXT,
  seq            INTEGER NOT NULL DEFAULT 0,
  base           TEXT    CHECK (base IS NULL OR json_valid(base))
);

CREATE INDEX stories_by_assignee ON stories (assignee, updated_at, id);

-- The outbox learns two kinds of op: 'transition' (a workflow action, never
-- coalesced, sent in order after the story's text) and 'note' (editorial notes).
-- A transition the server applied stays here as 'applied' until a pulled copy
-- at least as new as `applied_seq` shows its effect, so the desk never flickers
-- back to the state before it. `actor` is who acted ({username, role}).
-- SQLite cannot change a CHECK in place: the table is rebuilt, every op kept.
CREATE TABLE outbox_next (
  op_id       TEXT    NOT NULL PRIMARY KEY,
  seq         INTEGER NOT NULL UNIQUE,
  story_id    TEXT    NOT NULL REFERENCES stories (id),
  kind        TEXT    NOT NULL CHECK (kind IN ('upsert', 'delete', 'transition', 'note')),
  base_rev    INTEGER NOT NULL CHECK (base_rev >= 0),
  payload     TEXT    CHECK (payload IS NULL OR json_valid(payload)),
  sealed      INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
  created_at  TEXT    NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_flight', 'dead', 'applied')),
  last_error  TEXT,
  actor       TEXT    CHECK (actor IS NULL OR json_valid(actor)),
  applied_seq INTEGER
);

INSERT INTO outbox_next (op_id, seq, story_id, kind, base_rev, payload, sealed, created_at, attempts, state, last_error)
SELECT op_id, seq, story_id, kind, base_rev, payload, sealed, created_at, attempts, state, last_error FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_by_story ON outbox (story_id, seq);
CREATE INDEX outbox_by_state ON outbox (state, seq);

-- The signed-in user's notifications, as the server sent them, per account
-- (server address and user name), so that signing in as someone else never
-- shows another's. `read_sent` is 0 while the server has not heard that it was read.
CREATE TABLE notifications (
  id        TEXT    NOT NULL PRIMARY KEY,
  account   TEXT    NOT NULL,
  kind      TEXT    NOT NULL,
  story_id  TEXT    NOT NULL,
  actor     TEXT    NOT NULL,
  note_id   TEXT,
  at        TEXT    NOT NULL,
  read_at   TEXT,
  read_sent INTEGER NOT NULL DEFAULT 1 CHECK (read_sent IN (0, 1))
);

CREATE INDEX notifications_by_account ON notifications (account, at);
