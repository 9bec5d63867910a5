-- Issue 3: what the deadline engine needs beyond version 1: when the current appeal was filed (day
-- and, for hour-based clocks, instant), how many internal levels an employer plan has, whether the
-- payer took an extension, prior-authorization requests and the representation on file.

ALTER TABLE cases ADD COLUMN appeal_filed_at TEXT;
-- 1 or 2 for employer plans (29 CFR 2560.503-1(c)(3)); NULL when nobody has checked the plan.
ALTER TABLE cases ADD COLUMN internal_levels INTEGER;
ALTER TABLE cases ADD COLUMN payer_extended INTEGER NOT NULL DEFAULT 0;
-- Medicaid managed care: the plan appeal's filing day, which starts the fair-hearing decision clock.
ALTER TABLE cases ADD COLUMN previous_appeal_filed_on TEXT;

CREATE TABLE prior_auths (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  requested_on TEXT NOT NULL,
  requested_at TEXT,
  expedited INTEGER NOT NULL DEFAULT 0,
  -- pending, approved, partly_approved, more_info, denied
  outcome TEXT NOT NULL DEFAULT 'pending',
  decided_on TEXT,
  -- A partial approval for a shorter course: the last day it covers.
  approved_through TEXT,
  reference_number TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX prior_auths_case ON prior_auths(case_id, requested_on);

-- Appointment of representative (CMS-1696, one year) or HIPAA authorization on file for the case.
CREATE TABLE representations (
  case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  representative TEXT NOT NULL DEFAULT '',
  signed_on TEXT NOT NULL,
  expires_on TEXT,
  updated_at TEXT NOT NULL
);
