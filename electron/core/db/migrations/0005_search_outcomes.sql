-- Issue 6: search everywhere, outcomes of each decided level, and what the dashboard reads.
--
-- Search: every searchable row (patient, case, denial, contact, stage-move note, outcome note, letter
-- version) has one row in `search_docs`, written by triggers on its source table; `search_fts` is an
-- FTS5 external-content index over `search_docs`, kept in sync by triggers of its own (the 'delete'
-- command form, https://www.sqlite.org/fts5.html#external_content_tables). unicode61 with
-- remove_diacritics 2 makes 'jose nunez' match 'José Núñez' (anchors-ecosystem-security A3).
-- The two-step design keeps one index for every kind of row, with snippets, and lets a letter
-- version (whose key is (case_id, kind), not an integer id) be indexed like any other row.

-- Outcomes: one row per decided level. `level` is the board column where the level was decided
-- (prior_auth, internal_appeal, second_level, external_review, complaint, hearing); `result` is
-- overturned, partly_overturned, upheld, withdrawn or dismissed (shared/domain/insights.ts).
-- `is_final` marks the row that says how the case ended (recorded when it is closed).
CREATE TABLE case_outcomes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  level TEXT NOT NULL,
  result TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  amount_at_stake_cents INTEGER,
  amount_recovered_cents INTEGER,
  notes TEXT NOT NULL DEFAULT '',
  is_final INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX case_outcomes_case ON case_outcomes(case_id, decided_on);
CREATE INDEX case_outcomes_decided ON case_outcomes(decided_on);
-- The dashboard's "due this week" and "overdue" read deadlines by side and day.
CREATE INDEX case_deadlines_side_due ON case_deadlines(side, due_date);

-- Completed stays in a board column, one per move that started a stay, written when the next move
-- is recorded, so the median time in each stage is an index scan rather than a window over the
-- whole history (issue 6 benchmark: dashboard under 300 ms with 50,000 cases).
CREATE TABLE case_stage_stays (
  history_id INTEGER PRIMARY KEY REFERENCES case_history(id) ON DELETE CASCADE,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  stage TEXT NOT NULL,
  ended_on TEXT NOT NULL,
  days REAL NOT NULL
);
CREATE INDEX case_stage_stays_count ON case_stage_stays(stage, ended_on);
CREATE INDEX case_stage_stays_days ON case_stage_stays(stage, days, ended_on);
CREATE INDEX case_stage_stays_case ON case_stage_stays(case_id);

CREATE TRIGGER case_stage_stays_ai AFTER INSERT ON case_history BEGIN
  INSERT OR REPLACE INTO case_stage_stays (history_id, case_id, stage, ended_on, days)
    SELECT p.id, p.case_id, p.to_stage, substr(NEW.moved_at, 1, 10), julianday(NEW.moved_at) - julianday(p.moved_at)
    FROM case_history p
    WHERE p.case_id = NEW.case_id AND p.id <> NEW.id AND p.moved_at <= NEW.moved_at
    ORDER BY p.moved_at DESC, p.id DESC LIMIT 1;
END;

INSERT INTO case_stage_stays (history_id, case_id, stage, ended_on, days)
  SELECT id, case_id, stage, substr(ended, 1, 10), julianday(ended) - julianday(started) FROM (
    SELECT id, case_id, to_stage AS stage, moved_at AS started,
      LEAD(moved_at) OVER (PARTITION BY case_id ORDER BY moved_at, id) AS ended
    FROM case_history)
  WHERE ended IS NOT NULL;

CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  -- patient, case, denial, contact, note, outcome, letter
  kind TEXT NOT NULL,
  -- The source row's id (letters: the case id, with the letter kind in ref_sub).
  ref_id INTEGER NOT NULL,
  ref_sub TEXT NOT NULL DEFAULT '',
  case_id INTEGER,
  patient_id INTEGER,
  title TEXT NOT NULL DEFAULT '',
  body TEXT NOT NULL DEFAULT '',
  UNIQUE (kind, ref_id, ref_sub)
);
CREATE INDEX search_docs_case ON search_docs(case_id);

-- Bumped whenever a patient's or a case's searchable names may have changed, so the core knows when
-- to reload the vocabulary it uses to correct misspelled names.
CREATE TABLE search_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  names_version INTEGER NOT NULL
);
INSERT INTO search_state (id, names_version) VALUES (1, 1);

CREATE VIRTUAL TABLE search_fts USING fts5(
  title, body,
  content = 'search_docs', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  UPDATE search_state SET names_version = names_version + 1 WHERE NEW.kind IN ('patient', 'case');
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  UPDATE search_state SET names_version = names_version + 1 WHERE OLD.kind IN ('patient', 'case');
END;
CREATE TRIGGER search_docs_au AFTER UPDATE OF title, body ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  UPDATE search_state SET names_version = names_version + 1 WHERE NEW.kind IN ('patient', 'case');
END;

-- What each kind of row contributes to the index. A case carries its patient's name, coverage and
-- therapy, so 'nunez gammagard' finds the case.
CREATE VIEW search_patient_text AS
  SELECT p.id AS patient_id, p.first_name || ' ' || p.last_name AS title,
    concat_ws(' ', p.phone, p.date_of_birth) AS body
  FROM patients p;
CREATE VIEW search_case_text AS
  SELECT c.id AS case_id, p.first_name || ' ' || p.last_name AS title,
    concat_ws(' ', c.summary, cv.payer, cv.member_id, cv.group_number, t.drug, t.hcpcs_code, t.icd10_codes,
      t.prescriber, t.infusion_provider) AS body
  FROM cases c JOIN patients p ON p.id = c.patient_id JOIN coverages cv ON cv.id = c.coverage_id
  JOIN therapies t ON t.id = c.therapy_id;
CREATE VIEW search_denial_text AS
  SELECT d.id AS denial_id, d.case_id,
    concat_ws(' ', d.reasons, d.prior_auth_number, d.claim_number, d.notice_date) AS body
  FROM denials d;
CREATE VIEW search_contact_text AS
  SELECT k.id AS contact_id, k.case_id, k.with_whom AS title,
    concat_ws(' ', k.reference_number, k.requested, k.submitted) AS body
  FROM contacts k;

-- Patients
CREATE TRIGGER search_patients_ai AFTER INSERT ON patients BEGIN
  INSERT INTO search_docs (kind, ref_id, patient_id, title, body)
    SELECT 'patient', NEW.id, NEW.id, title, body FROM search_patient_text WHERE patient_id = NEW.id;
END;
CREATE TRIGGER search_patients_au AFTER UPDATE OF first_name, last_name, phone, date_of_birth ON patients BEGIN
  UPDATE search_docs SET title = v.title, body = v.body FROM search_patient_text v
    WHERE v.patient_id = NEW.id AND search_docs.kind = 'patient' AND search_docs.ref_id = NEW.id;
  UPDATE search_docs SET title = v.title FROM search_case_text v
    WHERE search_docs.kind = 'case' AND search_docs.ref_id = v.case_id
      AND v.case_id IN (SELECT id FROM cases WHERE patient_id = NEW.id);
END;
CREATE TRIGGER search_patients_ad AFTER DELETE ON patients BEGIN
  DELETE FROM search_docs WHERE kind = 'patient' AND ref_id = OLD.id;
END;

-- Cases (a stage move only touches stage columns, so it does not rewrite the index)
CREATE TRIGGER search_cases_ai AFTER INSERT ON cases BEGIN
  INSERT INTO search_docs (kind, ref_id, case_id, title, body)
    SELECT 'case', NEW.id, NEW.id, title, body FROM search_case_text WHERE case_id = NEW.id;
END;
CREATE TRIGGER search_cases_au AFTER UPDATE OF summary, patient_id, coverage_id, therapy_id ON cases BEGIN
  UPDATE search_docs SET title = v.title, body = v.body FROM search_case_text v
    WHERE v.case_id = NEW.id AND search_docs.kind = 'case' AND search_docs.ref_id = NEW.id;
END;
-- Every row that belongs to the case goes with it (cascaded rows fire their own triggers too; this
-- also covers rows whose source table has no trigger of its own, such as letter versions).
CREATE TRIGGER search_cases_ad AFTER DELETE ON cases BEGIN
  DELETE FROM search_docs WHERE case_id = OLD.id;
END;

-- Coverages and therapies reach the index through the cases that use them.
CREATE TRIGGER search_coverages_au AFTER UPDATE OF payer, member_id, group_number ON coverages BEGIN
  UPDATE search_docs SET body = v.body FROM search_case_text v
    WHERE search_docs.kind = 'case' AND search_docs.ref_id = v.case_id
      AND v.case_id IN (SELECT id FROM cases WHERE coverage_id = NEW.id);
END;
CREATE TRIGGER search_therapies_au AFTER UPDATE OF drug, hcpcs_code, icd10_codes, prescriber, infusion_provider ON therapies BEGIN
  UPDATE search_docs SET body = v.body FROM search_case_text v
    WHERE search_docs.kind = 'case' AND search_docs.ref_id = v.case_id
      AND v.case_id IN (SELECT id FROM cases WHERE therapy_id = NEW.id);
END;

-- Denials
CREATE TRIGGER search_denials_ai AFTER INSERT ON denials BEGIN
  INSERT INTO search_docs (kind, ref_id, case_id, body)
    SELECT 'denial', NEW.id, NEW.case_id, body FROM search_denial_text WHERE denial_id = NEW.id;
END;
CREATE TRIGGER search_denials_au AFTER UPDATE ON denials BEGIN
  UPDATE search_docs SET body = v.body FROM search_denial_text v
    WHERE v.denial_id = NEW.id AND search_docs.kind = 'denial' AND search_docs.ref_id = NEW.id;
END;
CREATE TRIGGER search_denials_ad AFTER DELETE ON denials BEGIN
  DELETE FROM search_docs WHERE kind = 'denial' AND ref_id = OLD.id;
END;

-- The contacts log
CREATE TRIGGER search_contacts_ai AFTER INSERT ON contacts BEGIN
  INSERT INTO search_docs (kind, ref_id, case_id, title, body)
    SELECT 'contact', NEW.id, NEW.case_id, title, body FROM search_contact_text WHERE contact_id = NEW.id;
END;
CREATE TRIGGER search_contacts_au AFTER UPDATE ON contacts BEGIN
  UPDATE search_docs SET title = v.title, body = v.body FROM search_contact_text v
    WHERE v.contact_id = NEW.id AND search_docs.kind = 'contact' AND search_docs.ref_id = NEW.id;
END;
CREATE TRIGGER search_contacts_ad AFTER DELETE ON contacts BEGIN
  DELETE FROM search_docs WHERE kind = 'contact' AND ref_id = OLD.id;
END;

-- Notes written when a case was moved (and the reason given for moving against the ladder)
CREATE TRIGGER search_history_ai AFTER INSERT ON case_history
  WHEN trim(NEW.note || NEW.override_reason) <> '' BEGIN
  INSERT INTO search_docs (kind, ref_id, case_id, body)
    VALUES ('note', NEW.id, NEW.case_id, concat_ws(' ', NULLIF(NEW.note, ''), NULLIF(NEW.override_reason, '')));
END;
CREATE TRIGGER search_history_ad AFTER DELETE ON case_history BEGIN
  DELETE FROM search_docs WHERE kind = 'note' AND ref_id = OLD.id;
END;

-- Outcome notes
CREATE TRIGGER search_outcomes_ai AFTER INSERT ON case_outcomes WHEN trim(NEW.notes) <> '' BEGIN
  INSERT INTO search_docs (kind, ref_id, case_id, body) VALUES ('outcome', NEW.id, NEW.case_id, NEW.notes);
END;
CREATE TRIGGER search_outcomes_au AFTER UPDATE OF notes ON case_outcomes BEGIN
  DELETE FROM search_docs WHERE kind = 'outcome' AND ref_id = NEW.id;
  INSERT INTO search_docs (kind, ref_id, case_id, body)
    SELECT 'outcome', NEW.id, NEW.case_id, NEW.notes WHERE trim(NEW.notes) <> '';
END;
CREATE TRIGGER search_outcomes_ad AFTER DELETE ON case_outcomes BEGIN
  DELETE FROM search_docs WHERE kind = 'outcome' AND ref_id = OLD.id;
END;

-- Letter versions (0003_documents.sql): the advocate's edited letter text, keyed by case and kind.
CREATE TRIGGER search_letters_ai AFTER INSERT ON letter_versions BEGIN
  INSERT INTO search_docs (kind, ref_id, ref_sub, case_id, title, body)
    VALUES ('letter', NEW.case_id, NEW.kind, NEW.case_id, '', NEW.body);
END;
CREATE TRIGGER search_letters_au AFTER UPDATE OF body, kind, case_id ON letter_versions BEGIN
  DELETE FROM search_docs WHERE kind = 'letter' AND ref_id = OLD.case_id AND ref_sub = OLD.kind;
  INSERT INTO search_docs (kind, ref_id, ref_sub, case_id, title, body)
    VALUES ('letter', NEW.case_id, NEW.kind, NEW.case_id, '', NEW.body);
END;
CREATE TRIGGER search_letters_ad AFTER DELETE ON letter_versions BEGIN
  DELETE FROM search_docs WHERE kind = 'letter' AND ref_id = OLD.case_id AND ref_sub = OLD.kind;
END;

-- Backfill what is already in the caseload.
INSERT INTO search_docs (kind, ref_id, patient_id, title, body)
  SELECT 'patient', patient_id, patient_id, title, body FROM search_patient_text;
INSERT INTO search_docs (kind, ref_id, case_id, title, body)
  SELECT 'case', case_id, case_id, title, body FROM search_case_text;
INSERT INTO search_docs (kind, ref_id, case_id, body)
  SELECT 'denial', denial_id, case_id, body FROM search_denial_text;
INSERT INTO search_docs (kind, ref_id, case_id, title, body)
  SELECT 'contact', contact_id, case_id, title, body FROM search_contact_text;
INSERT INTO search_docs (kind, ref_id, case_id, body)
  SELECT 'note', id, case_id, concat_ws(' ', NULLIF(note, ''), NULLIF(override_reason, '')) FROM case_history
  WHERE trim(note || override_reason) <> '';
INSERT INTO search_docs (kind, ref_id, ref_sub, case_id, title, body)
  SELECT 'letter', case_id, kind, case_id, '', body FROM letter_versions;
