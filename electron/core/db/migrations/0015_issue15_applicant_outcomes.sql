-- Issue 15: the applicant queue at 100,000 applicants. Screening every applicant against every
-- program on every load (about 37 µs each) cannot page, sort or filter in SQL, so each applicant's
-- screening outcome is kept in `applicant_outcomes`, written by the screening module in the same
-- transaction as every write that changes it (electron/core/screening/applicantOutcomes.ts).
--
-- Never stale as current: a row is current only when its `epoch` equals `screening_state.epoch`.
--   * an applicant or application write marks that applicant's row stale (epoch 0), by trigger, so a
--     write that bypasses the module (a script, a future sync) can never leave a wrong result current;
--   * a program insert, edit or delete bumps `screening_state.epoch` (one row, so closing a fund
--     stays instant), which makes every row stale at once;
--   * a new poverty-guideline year or a new screening engine changes `basis`, and the module bumps
--     the epoch the first time it sees the new basis.
-- Stale rows are re-screened in bounded batches, each its own transaction (after a program change a
-- few thousand at once and the rest in the background; all before any queue answer). The engine is
-- TypeScript, so this migration only creates a stale row per existing applicant; the first open screens them.

CREATE TABLE screening_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  epoch INTEGER NOT NULL,
  -- "<engine version>|<guideline year in effect>": what the stored outcomes were computed under.
  basis TEXT NOT NULL DEFAULT ''
);
INSERT INTO screening_state (id, epoch, basis) VALUES (1, 1, '');

CREATE TABLE applicant_outcomes (
  applicant_id INTEGER PRIMARY KEY REFERENCES applicants(id) ON DELETE CASCADE,
  -- screening_state.epoch when computed; 0 = stale.
  epoch INTEGER NOT NULL DEFAULT 0,
  -- The best result over the catalog: eligible somewhere, else needs information somewhere, else not eligible.
  best_outcome TEXT NOT NULL DEFAULT 'not_eligible',
  eligible INTEGER NOT NULL DEFAULT 0,
  needs_information INTEGER NOT NULL DEFAULT 0,
  not_eligible INTEGER NOT NULL DEFAULT 0,
  fpl_percent REAL,
  open_applications INTEGER NOT NULL DEFAULT 0,
  -- The soonest reminder day over the open applications ('YYYY-MM-DD'), or NULL.
  next_reminder_on TEXT
);
CREATE INDEX applicant_outcomes_epoch ON applicant_outcomes(epoch);

CREATE TRIGGER applicant_outcomes_applicant_ai AFTER INSERT ON applicants BEGIN
  INSERT INTO applicant_outcomes (applicant_id) VALUES (NEW.id);
END;
CREATE TRIGGER applicant_outcomes_applicant_au AFTER UPDATE ON applicants BEGIN
  UPDATE applicant_outcomes SET epoch = 0 WHERE applicant_id = NEW.id;
END;

CREATE TRIGGER applicant_outcomes_application_ai AFTER INSERT ON assistance_applications BEGIN
  UPDATE applicant_outcomes SET epoch = 0 WHERE applicant_id = NEW.applicant_id;
END;
CREATE TRIGGER applicant_outcomes_application_au AFTER UPDATE ON assistance_applications BEGIN
  UPDATE applicant_outcomes SET epoch = 0 WHERE applicant_id IN (OLD.applicant_id, NEW.applicant_id);
END;
CREATE TRIGGER applicant_outcomes_application_ad AFTER DELETE ON assistance_applications BEGIN
  UPDATE applicant_outcomes SET epoch = 0 WHERE applicant_id = OLD.applicant_id;
END;

CREATE TRIGGER applicant_outcomes_program_ai AFTER INSERT ON assistance_programs BEGIN
  UPDATE screening_state SET epoch = epoch + 1;
END;
CREATE TRIGGER applicant_outcomes_program_au AFTER UPDATE ON assistance_programs BEGIN
  UPDATE screening_state SET epoch = epoch + 1;
END;
CREATE TRIGGER applicant_outcomes_program_ad AFTER DELETE ON assistance_programs BEGIN
  UPDATE screening_state SET epoch = epoch + 1;
END;

-- Back-fill: a stale row for every applicant already in the caseload.
INSERT INTO applicant_outcomes (applicant_id) SELECT id FROM applicants;
