// Numbered, append-only, the same tables as ./sqlite in PostgreSQL's types.
// Unqualified names: the connection's search_path picks the schema. Story
// documents are `json`, not `jsonb`: they are only ever written and read whole,
// and json skips the binary conversion both ways.
import type { Migration } from './migration';

export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'accounts',
    sql: `
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('reporter', 'editor', 'chief')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX sessions_user ON sessions(user_id);`,
  },
  {
    version: 2,
    name: 'stories and sync',
    sql: `
      CREATE TABLE sync_clock (
        id integer PRIMARY KEY CHECK (id = 1),
        change_seq bigint NOT NULL,
        site_version bigint NOT NULL
      );
      INSERT INTO sync_clock (id, change_seq, site_version) VALUES (1, 0, 0);
      CREATE TABLE stories (
        id uuid PRIMARY KEY,
        short_id text NOT NULL,
        author text NOT NULL,
        assignee text,
        status text NOT NULL,
        section text NOT NULL,
        section_slug text NOT NULL,
        slug text NOT NULL,
        headline text NOT NULL,
        sapo text NOT NULL,
        is_pick boolean NOT NULL DEFAULT false,
        published_at timestamptz,
        updated_at timestamptz NOT NULL,
        rev integer NOT NULL,
        seq bigint NOT NULL,
        trashed_at timestamptz,
        data json NOT NULL
      );
      CREATE INDEX stories_seq ON stories(seq);
      CREATE INDEX stories_public ON stories(status, published_at);
      CREATE INDEX stories_section ON stories(section_slug, status, published_at);
      CREATE TABLE story_revisions (
        story_id uuid NOT NULL REFERENCES stories(id),
        rev integer NOT NULL,
        author text NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL,
        content json NOT NULL,
        PRIMARY KEY (story_id, rev)
      );
      CREATE TABLE sync_ops (
        op_id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        story_id uuid NOT NULL,
        kind text NOT NULL,
        rev integer,
        applied_at timestamptz NOT NULL
      );
      CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        story_id uuid NOT NULL,
        username text NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        rev integer NOT NULL,
        at timestamptz NOT NULL
      );`,
  },
  {
    version: 3,
    name: 'media',
    sql: `
      CREATE TABLE media (
        sha256 text PRIMARY KEY,
        mime text NOT NULL,
        size integer NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE story_media (
        story_id uuid NOT NULL REFERENCES stories(id),
        sha256 text NOT NULL,
        PRIMARY KEY (story_id, sha256)
      );
      CREATE INDEX story_media_sha ON story_media(sha256);`,
  },
  {
    version: 4,
    name: 'lz4 for story documents',
    // lz4 compresses long stories several times faster than the default pglz.
    // Needs PostgreSQL 14+ built with lz4 (Debian's is); elsewhere pglz stays.
    sql: `
      DO $$
      BEGIN
        ALTER TABLE stories ALTER COLUMN data SET COMPRESSION lz4;
        ALTER TABLE story_revisions ALTER COLUMN content SET COMPRESSION lz4;
      EXCEPTION WHEN others THEN
        RAISE NOTICE 'lz4 compression unavailable, keeping pglz';
      END $$;`,
  },
  {
    version: 5,
    name: 'public addresses',
    sql: `
      CREATE TABLE story_addresses (
        short_id text NOT NULL,
        section_slug text NOT NULL,
        slug text NOT NULL,
        story_id uuid NOT NULL REFERENCES stories(id),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (short_id, section_slug, slug, story_id)
      );`,
  },
  {
    version: 6,
    name: 'login attempts',
    // Shared by every server instance on this database (see server/auth/login-limiter.ts).
    sql: `
      CREATE TABLE login_attempts (
        username text NOT NULL,
        ip text NOT NULL,
        window_start timestamptz NOT NULL,
        attempts integer NOT NULL,
        PRIMARY KEY (username, ip)
      );`,
  },
  {
    version: 7,
    name: 'editorial workflow',
    // As in ./sqlite: workflow fields as JSON, audit notes, notifications.
    sql: `
      ALTER TABLE stories ADD COLUMN workflow json;
      ALTER TABLE stories ADD COLUMN correction text;
      UPDATE stories SET status = 'published' WHERE status = 'corrected';
      CREATE INDEX stories_scheduled ON stories(status) WHERE status = 'scheduled';
      ALTER TABLE audit ADD COLUMN note text;
      ALTER TABLE audit ADD COLUMN late boolean NOT NULL DEFAULT false;
      CREATE INDEX audit_story ON audit(story_id, id);
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        username text NOT NULL,
        kind text NOT NULL,
        story_id uuid NOT NULL,
        actor text NOT NULL,
        note_id uuid,
        at timestamptz NOT NULL,
        read_at timestamptz
      );
      CREATE INDEX notifications_user ON notifications(username, at);`,
  },
  {
    version: 8,
    name: 'workflow of older stories',
    // As in ./sqlite: rows from before migration 7 get their workflow fields.
    sql: `
      UPDATE stories SET data = jsonb_set(data::jsonb, '{status}', '"published"')::json WHERE data->>'status' = 'corrected';
      UPDATE stories SET workflow = json_build_object(
        'status', CASE status WHEN 'corrected' THEN 'published' ELSE status END,
        'assignee', data->'assignee',
        'deadline', NULL,
        'holder', NULL,
        'heldSince', NULL,
        'publishAt', data->'publishAt',
        'publishedAt', data->'publishedAt',
        'spikedFrom', NULL,
        'corrections', '[]'::json,
        'live', CASE WHEN status IN ('published', 'corrected') THEN json_build_object(
          'headline', data->'headline',
          'sapo', data->'sapo',
          'byline', data->'byline',
          'section', data->'section',
          'tags', data->'tags',
          'slug', data->'slug',
          'related', data->'related',
          'body', data->'body'
        ) END
      ) WHERE workflow IS NULL;
      UPDATE stories SET status = 'published' WHERE status = 'corrected';`,
  },
  {
    version: 9,
    name: 'display names',
    // The name readers see in a byline; NULL: the username stands in.
    sql: 'ALTER TABLE users ADD COLUMN display_name text;',
  },
  {
    version: 10,
    name: 'editorial notes and presence',
    // As in ./sqlite. The note_clock row lock, held until commit, makes commit
    // order equal note order, so a notes pull never passes over a note.
    sql: `
      CREATE TABLE note_clock (
        id integer PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL
      );
      INSERT INTO note_clock (id, seq) VALUES (1, 0);
      CREATE TABLE notes (
        id uuid PRIMARY KEY,
        seq bigint NOT NULL UNIQUE,
        story_id uuid NOT NULL REFERENCES stories(id),
        block_id text,
        passage text,
        parent_id uuid REFERENCES notes(id),
        author text NOT NULL,
        body text NOT NULL,
        mentions json NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX notes_story ON notes(story_id, seq);
      CREATE TABLE presence (
        story_id uuid NOT NULL,
        username text NOT NULL,
        since timestamptz NOT NULL,
        seen_at timestamptz NOT NULL,
        PRIMARY KEY (story_id, username)
      );
      CREATE INDEX presence_seen ON presence(seen_at);`,
  },
];
