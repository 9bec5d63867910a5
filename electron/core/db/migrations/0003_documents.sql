-- Issue 4: appeal packets. Attached documents (files live under <dataDir>/attachments/<case_id>/),
-- the state of each case's evidence checklist, and the advocate's edited letter versions.
-- The organization that signs letters is JSON in app_settings under key 'organization'.

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  original_name TEXT NOT NULL,
  -- '<sha256><ext>' inside the case's attachment folder; never derived from the user's file name.
  stored_name TEXT NOT NULL,
  -- pdf, png, jpeg or docx, detected from the file's first bytes.
  kind TEXT NOT NULL,
  mime TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  added_at TEXT NOT NULL,
  -- 1-based order in the packet's exhibit index; renumbered in one transaction on reorder/remove.
  exhibit_number INTEGER NOT NULL,
  UNIQUE (case_id, sha256)
);
CREATE INDEX attachments_case ON attachments(case_id, exhibit_number);

-- Only items the advocate has touched are stored; the checklist itself is generated from rules.
CREATE TABLE case_evidence (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL,
  -- needed, received, not_applicable
  status TEXT NOT NULL,
  attachment_id INTEGER REFERENCES attachments(id) ON DELETE SET NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (case_id, item_id)
);

CREATE TABLE letter_versions (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (case_id, kind)
);
