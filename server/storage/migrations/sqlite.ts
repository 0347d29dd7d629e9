// Numbered, append-only. A shipped migration is never edited: add the next one.
// Times are ISO-8601 UTC text, which sorts in time order.
import type { Migration } from './migration';

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'accounts',
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('reporter', 'editor', 'chief')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE INDEX sessions_user ON sessions(user_id);`,
  },
  {
    version: 2,
    name: 'stories and sync',
    sql: `
      CREATE TABLE sync_clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        change_seq INTEGER NOT NULL,
        site_version INTEGER NOT NULL
      );
      INSERT INTO sync_clock (id, change_seq, site_version) VALUES (1, 0, 0);
      CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        short_id TEXT NOT NULL,
        author TEXT NOT NULL,
        assignee TEXT,
        status TEXT NOT NULL,
        section TEXT NOT NULL,
        section_slug TEXT NOT NULL,
        slug TEXT NOT NULL,
        headline TEXT NOT NULL,
        sapo TEXT NOT NULL,
        is_pick INTEGER NOT NULL DEFAULT 0,
        published_at TEXT,
        updated_at TEXT NOT NULL,
        rev INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        trashed_at TEXT,
        data TEXT NOT NULL
      );
      CREATE INDEX stories_seq ON stories(seq);
      CREATE INDEX stories_public ON stories(status, published_at);
      CREATE INDEX stories_section ON stories(section_slug, status, published_at);
      CREATE TABLE story_revisions (
        story_id TEXT NOT NULL REFERENCES stories(id),
        rev INTEGER NOT NULL,
        author TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        content TEXT NOT NULL,
        PRIMARY KEY (story_id, rev)
      );
      CREATE TABLE sync_ops (
        op_id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        story_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        rev INTEGER,
        applied_at TEXT NOT NULL
      );
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        story_id TEXT NOT NULL,
        username TEXT NOT NULL,
        action TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT NOT NULL,
        rev INTEGER NOT NULL,
        at TEXT NOT NULL
      );`,
  },
  {
    version: 3,
    name: 'media',
    sql: `
      CREATE TABLE media (
        sha256 TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        bytes BLOB NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE story_media (
        story_id TEXT NOT NULL REFERENCES stories(id),
        sha256 TEXT NOT NULL,
        PRIMARY KEY (story_id, sha256)
      );
      CREATE INDEX story_media_sha ON story_media(sha256);`,
  },
  {
    // PostgreSQL's lz4 step; SQLite stores documents as plain text.
    version: 4,
    name: 'lz4 for story documents',
    sql: 'SELECT 1;',
  },
  {
    version: 5,
    name: 'public addresses',
    sql: `
      CREATE TABLE story_addresses (
        short_id TEXT NOT NULL,
        section_slug TEXT NOT NULL,
        slug TEXT NOT NULL,
        story_id TEXT NOT NULL REFERENCES stories(id),
        created_at TEXT NOT NULL,
        PRIMARY KEY (short_id, section_slug, slug, story_id)
      );`,
  },
  {
    version: 6,
    name: 'login attempts',
    // Counted in the database, before the password is checked: parallel guesses
    // each take a number here, so no more than the limit ever reach scrypt.
    sql: `
      CREATE TABLE login_attempts (
        username TEXT NOT NULL,
        ip TEXT NOT NULL,
        window_start TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        PRIMARY KEY (username, ip)
      );`,
  },
  {
    version: 7,
    name: 'editorial workflow',
    // workflow: the story's workflow fields as JSON (core/workflow), NULL for rows
    // written before it (they follow from status). The site columns of stories
    // (section, slug, headline, sapo…) hold the live copy from here on.
    sql: `
      ALTER TABLE stories ADD COLUMN workflow TEXT;
      ALTER TABLE stories ADD COLUMN correction TEXT;
      UPDATE stories SET status = 'published' WHERE status = 'corrected';
      ALTER TABLE audit ADD COLUMN note TEXT;
      ALTER TABLE audit ADD COLUMN late INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX audit_story ON audit(story_id, id);
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        kind TEXT NOT NULL,
        story_id TEXT NOT NULL,
        actor TEXT NOT NULL,
        note_id TEXT,
        at TEXT NOT NULL,
        read_at TEXT
      );
      CREATE INDEX notifications_user ON notifications(username, at);`,
  },
  {
    version: 8,
    name: 'workflow of older stories',
    // Rows written before migration 7 get their workflow fields written out, so
    // that every reader (and every SQL that looks into the JSON) sees the same
    // story: 'corrected' is published, and a published story's live copy is the
    // text it had, which is what the site showed.
    sql: `
      UPDATE stories SET data = json_set(data, '$.status', 'published') WHERE json_extract(data, '$.status') = 'corrected';
      UPDATE stories SET workflow = json_object(
        'status', CASE status WHEN 'corrected' THEN 'published' ELSE status END,
        'assignee', json_extract(data, '$.assignee'),
        'deadline', NULL,
        'holder', NULL,
        'heldSince', NULL,
        'publishAt', json_extract(data, '$.publishAt'),
        'publishedAt', json_extract(data, '$.publishedAt'),
        'spikedFrom', NULL,
        'corrections', json('[]'),
        'live', CASE WHEN status IN ('published', 'corrected') THEN json_object(
          'headline', json_extract(data, '$.headline'),
          'sapo', json_extract(data, '$.sapo'),
          'byline', json_extract(data, '$.byline'),
          'section', json_extract(data, '$.section'),
          'tags', json(json_extract(data, '$.tags')),
          'slug', json_extract(data, '$.slug'),
          'related', json(json_extract(data, '$.related')),
          'body', json(json_extract(data, '$.body'))
        ) END
      ) WHERE workflow IS NULL;
      UPDATE stories SET status = 'published' WHERE status = 'corrected';`,
  },
  {
    version: 9,
    name: 'display names',
    // The name readers see in a byline; NULL: the username stands in.
    sql: 'ALTER TABLE users ADD COLUMN display_name TEXT;',
  },
  {
    version: 10,
    name: 'editorial notes and presence',
    // Notes have a change stream of their own (note_clock, bumped in the writing
    // transaction like sync_clock), so a desk pulls them with its own cursor.
    // Presence is a row per (story, user) refreshed by a heartbeat: every server
    // instance sharing the database sees the same people.
    sql: `
      CREATE TABLE note_clock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL
      );
      INSERT INTO note_clock (id, seq) VALUES (1, 0);
      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        story_id TEXT NOT NULL REFERENCES stories(id),
        block_id TEXT,
        passage TEXT,
        parent_id TEXT REFERENCES notes(id),
        author TEXT NOT NULL,
        body TEXT NOT NULL,
        mentions TEXT NOT NULL CHECK (json_valid(mentions)),
        created_at TEXT NOT NULL
      );
      CREATE INDEX notes_story ON notes(story_id, seq);
      CREATE TABLE presence (
        story_id TEXT NOT NULL,
        username TEXT NOT NULL,
        since TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (story_id, username)
      );
      CREATE INDEX presence_seen ON presence(seen_at);`,
  },
];
