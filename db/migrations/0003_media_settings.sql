-- Images, stored once by the sha256 of their bytes; figures refer to them as media:<sha256>.
CREATE TABLE media (
  sha256     TEXT    NOT NULL PRIMARY KEY CHECK (length(sha256) = 64),
  mime       TEXT    NOT NULL,
  size       INTEGER NOT NULL CHECK (size >= 0),
  created_at TEXT    NOT NULL,
  bytes      BLOB    NOT NULL
);

-- App and user settings, one JSON value per key.
CREATE TABLE settings (
  key   TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
);
