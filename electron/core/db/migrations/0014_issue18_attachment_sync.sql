-- Issue 18: attachments travel between laptops, encrypted with the organization attachment key.

-- A file another laptop attached, announced by a pulled operation and not yet on this laptop. It stays
-- here (shown as "still downloading" on the case) until its bytes arrived, were checked and stored;
-- a failed try is counted and its reason kept, never dropped.
CREATE TABLE sync_incoming_files (
  operation_id  TEXT PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  address       TEXT NOT NULL,
  label         TEXT NOT NULL,
  original_name TEXT NOT NULL,
  kind          TEXT NOT NULL,
  size_bytes    INTEGER NOT NULL,
  announced_at  TEXT NOT NULL,
  attempts      INTEGER NOT NULL DEFAULT 0,
  problem       TEXT
);
CREATE INDEX sync_incoming_files_case ON sync_incoming_files (case_id);

-- Which local attachment is which organization file (sent from here or received), so a file is
-- uploaded once, a retried push does not send it again, and removing an exhibit can name the file to
-- the other laptops. Kept after the attachment's row is deleted (the removal is pushed later); a new
-- attachment that reuses the row id forgets the old mapping.
CREATE TABLE sync_files (
  attachment_id INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL,
  address       TEXT NOT NULL,
  direction     TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
  at            TEXT NOT NULL
);
CREATE INDEX sync_files_address ON sync_files (case_id, address);
CREATE TRIGGER sync_files_forget_reused AFTER INSERT ON attachments BEGIN
  DELETE FROM sync_files WHERE attachment_id = NEW.id;
END;
