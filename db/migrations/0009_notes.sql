-- Editorial notes (see db/notes/). A note written here is kept at once and
-- queued as a 'note' op in the outbox (which takes them since 0008), in order with its story's other ops; the
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
