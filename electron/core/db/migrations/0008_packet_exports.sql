-- Issue 4, items 5–6: every packet export is recorded on its case, with the hashes of what the
-- advocate saved, and later the day and way it was sent (which starts the payer's decision clock).
CREATE TABLE packet_exports (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  letter_kind TEXT NOT NULL,
  -- The ladder level the letter was for, or the case's stage when the letter has no level.
  level_id TEXT NOT NULL,
  exported_at TEXT NOT NULL,
  exported_by INTEGER REFERENCES advocates(id) ON DELETE SET NULL,
  file_name TEXT NOT NULL,
  -- sha256 of the ZIP (null for a plain .docx draft) and of the .docx inside it.
  zip_sha256 TEXT,
  docx_sha256 TEXT NOT NULL,
  -- 'edited:<sha256 of the letter text>' or 'template'.
  letter_version TEXT NOT NULL,
  sent_on TEXT,
  -- fax, mail, portal, hand_delivery
  sent_method TEXT,
  sent_recorded_at TEXT,
  sent_by INTEGER REFERENCES advocates(id) ON DELETE SET NULL,
  confirmation_attachment_id INTEGER REFERENCES attachments(id) ON DELETE SET NULL
);
CREATE INDEX packet_exports_case ON packet_exports(case_id, exported_at DESC, id DESC);
