-- Changes pulled from the server that this desk could not take (a story that
-- fails the story schema or its limits, or that the store refuses): kept aside
-- with the reason so that the cursor moves on and sync never stops on one bad
-- story. The raw change is kept (cut to 64 KB) for whoever looks into it.
CREATE TABLE sync_set_aside (
  seq       INTEGER PRIMARY KEY,
  story_id  TEXT,
  headline  TEXT    NOT NULL DEFAULT '',
  reason    TEXT    NOT NULL,
  at        TEXT    NOT NULL,
  raw       TEXT    NOT NULL
);
