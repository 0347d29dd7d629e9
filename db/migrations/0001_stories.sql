-- Stories and their history.
--
-- `seq` is the row's stable integer key, used only inside the database (the
-- search index is keyed by it: a table whose key is text gets an implicit rowid
-- that VACUUM may renumber). `id`, a UUIDv7 made on the client, is the story's
-- identity everywhere else, so it is UNIQUE and every reference points at it.
--
-- Small columns come first and the large ones (body_text, body) last, so that
-- listing 100,000 stories never follows a body's overflow pages.
CREATE TABLE stories (
  seq          INTEGER PRIMARY KEY,
  id           TEXT    NOT NULL UNIQUE,
  status       TEXT    NOT NULL,
  author       TEXT    NOT NULL,
  assignee     TEXT,
  section      TEXT    NOT NULL DEFAULT '',
  headline     TEXT    NOT NULL DEFAULT '',
  sapo         TEXT    NOT NULL DEFAULT '',
  byline       TEXT    NOT NULL DEFAULT '',
  slug         TEXT    NOT NULL DEFAULT '',
  tags         TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  related      TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(related)),
  publish_at   TEXT,
  published_at TEXT,
  created_at   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL,
  rev          INTEGER NOT NULL DEFAULT 0 CHECK (rev >= 0),
  base_rev     INTEGER NOT NULL DEFAULT 0 CHECK (base_rev >= 0),
  -- Set when the story is moved to the trash; NULL while it is live.
  deleted_at   TEXT,
  word_count   INTEGER NOT NULL DEFAULT 0,
  -- The body's plain text in its original accents: search snippets and exports
  -- read it instead of re-walking the Lexical JSON.
  body_text    TEXT    NOT NULL DEFAULT '',
  body         TEXT    NOT NULL CHECK (json_valid(body))
);

-- Keyset pagination walks (updated_at DESC, id DESC), alone or under one filter.
CREATE INDEX stories_by_update ON stories (updated_at, id);
CREATE INDEX stories_by_status ON stories (status, updated_at, id);
CREATE INDEX stories_by_section ON stories (section, updated_at, id);
CREATE INDEX stories_by_author ON stories (author, updated_at, id);

-- A revision is an immutable snapshot; the triggers make that a property of the
-- database, not a promise of the code.
CREATE TABLE revisions (
  id         TEXT NOT NULL PRIMARY KEY,
  story_id   TEXT NOT NULL REFERENCES stories (id),
  author     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  reason     TEXT NOT NULL,
  content    TEXT NOT NULL CHECK (json_valid(content))
);

CREATE INDEX revisions_by_story ON revisions (story_id, created_at, id);

CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN
  SELECT RAISE(ABORT, 'revisions are immutable');
END;

CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN
  SELECT RAISE(ABORT, 'revisions are immutable');
END;

-- The autosave window still open on a story: the text of the latest autosave,
-- which becomes an immutable revision (with `revision_id`, reserved when the
-- window opened) once the window closes. See db/story-repository.ts.
CREATE TABLE open_autosaves (
  story_id    TEXT NOT NULL PRIMARY KEY REFERENCES stories (id),
  revision_id TEXT NOT NULL UNIQUE,
  author      TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  saved_at    TEXT NOT NULL,
  content     TEXT NOT NULL CHECK (json_valid(content))
);
