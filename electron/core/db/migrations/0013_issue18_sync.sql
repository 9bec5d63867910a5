-- Issue 18: this laptop as a replica of the organization's caseload.
-- The outbox is the case operation log itself: an operation is waiting until the server has
-- acknowledged it here (never deleted from the log, which is append-only).
CREATE TABLE sync_acknowledged (
  operation_id TEXT PRIMARY KEY,
  server_seq INTEGER,
  status TEXT NOT NULL CHECK (status IN ('applied', 'conflict', 'resolved', 'refused', 'remote')),
  refusal TEXT,
  at TEXT NOT NULL
);

-- Connection facts (server address, its certificate, this laptop's token, the pulled position) live
-- in the encrypted database, never in a plain settings file.
CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The organization's review queue as last pulled: both values, who and when.
CREATE TABLE sync_conflicts (
  id INTEGER PRIMARY KEY,
  case_uid TEXT NOT NULL,
  field TEXT NOT NULL,
  body TEXT NOT NULL
);

-- "Take to a clinic": kept whole on this laptop (attachments included) for work without internet.
ALTER TABLE cases ADD COLUMN kept_offline INTEGER NOT NULL DEFAULT 0;
