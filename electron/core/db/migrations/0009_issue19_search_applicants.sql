-- Issue 19: search finds applicants and assistance programs too (Ctrl+K "Delgado" finds the
-- applicant). They join the one index of migration 0005: a row in `search_docs` per applicant and
-- per program, written by triggers on their tables, so every write path (the form, the CSV import,
-- the demo seed, a restore) keeps the index right without code of its own.

-- An applicant is found by name, drug, payer, diagnosis codes, state and notes.
CREATE VIEW search_applicant_text AS
  SELECT a.id AS applicant_id, a.first_name || ' ' || a.last_name AS title,
    concat_ws(' ', a.drug_name, a.hcpcs_code, a.payer, a.state, a.date_of_birth,
      (SELECT group_concat(value, ' ') FROM json_each(a.icd10_codes)), a.notes) AS body
  FROM applicants a;
-- A program is found by name, sponsor and notes.
CREATE VIEW search_program_text AS
  SELECT p.id AS program_id, p.name AS title, concat_ws(' ', p.sponsor, p.notes) AS body
  FROM assistance_programs p;

CREATE TRIGGER search_applicants_ai AFTER INSERT ON applicants BEGIN
  INSERT INTO search_docs (kind, ref_id, title, body)
    SELECT 'applicant', NEW.id, title, body FROM search_applicant_text WHERE applicant_id = NEW.id;
END;
CREATE TRIGGER search_applicants_au AFTER UPDATE ON applicants BEGIN
  UPDATE search_docs SET title = v.title, body = v.body FROM search_applicant_text v
    WHERE v.applicant_id = NEW.id AND search_docs.kind = 'applicant' AND search_docs.ref_id = NEW.id;
END;
CREATE TRIGGER search_applicants_ad AFTER DELETE ON applicants BEGIN
  DELETE FROM search_docs WHERE kind = 'applicant' AND ref_id = OLD.id;
END;

CREATE TRIGGER search_programs_ai AFTER INSERT ON assistance_programs BEGIN
  INSERT INTO search_docs (kind, ref_id, title, body)
    SELECT 'program', NEW.id, title, body FROM search_program_text WHERE program_id = NEW.id;
END;
CREATE TRIGGER search_programs_au AFTER UPDATE OF name, sponsor, notes ON assistance_programs BEGIN
  UPDATE search_docs SET title = v.title, body = v.body FROM search_program_text v
    WHERE v.program_id = NEW.id AND search_docs.kind = 'program' AND search_docs.ref_id = NEW.id;
END;
CREATE TRIGGER search_programs_ad AFTER DELETE ON assistance_programs BEGIN
  DELETE FROM search_docs WHERE kind = 'program' AND ref_id = OLD.id;
END;

-- Applicant and program names join the vocabulary that corrects misspelled names, so their
-- changes must bump the version the core watches (0005's triggers bumped it for patients and cases).
DROP TRIGGER search_docs_ai;
DROP TRIGGER search_docs_ad;
DROP TRIGGER search_docs_au;
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  UPDATE search_state SET names_version = names_version + 1 WHERE NEW.kind IN ('patient', 'case', 'applicant', 'program');
END;
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  UPDATE search_state SET names_version = names_version + 1 WHERE OLD.kind IN ('patient', 'case', 'applicant', 'program');
END;
CREATE TRIGGER search_docs_au AFTER UPDATE OF title, body ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', OLD.id, OLD.title, OLD.body);
  INSERT INTO search_fts (rowid, title, body) VALUES (NEW.id, NEW.title, NEW.body);
  UPDATE search_state SET names_version = names_version + 1 WHERE NEW.kind IN ('patient', 'case', 'applicant', 'program');
END;

-- Backfill what is already in the caseload.
INSERT INTO search_docs (kind, ref_id, title, body)
  SELECT 'applicant', applicant_id, title, body FROM search_applicant_text;
INSERT INTO search_docs (kind, ref_id, title, body)
  SELECT 'program', program_id, title, body FROM search_program_text;
