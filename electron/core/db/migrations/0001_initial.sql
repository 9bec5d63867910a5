-- Overturn caseload, version 1. Day values are TEXT 'YYYY-MM-DD'; instants are ISO-8601 UTC TEXT.
-- Vocabularies (stage, plan_family, ...) are validated in shared/domain/enums.ts at the boundary.

CREATE TABLE advocates (
  id INTEGER PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT 'advocate',
  is_active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE patients (
  id INTEGER PRIMARY KEY,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  date_of_birth TEXT,
  phone TEXT NOT NULL DEFAULT '',
  preferred_language TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE coverages (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  payer TEXT NOT NULL,
  plan_family TEXT NOT NULL,
  member_id TEXT NOT NULL DEFAULT '',
  group_number TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX coverages_patient ON coverages(patient_id);

CREATE TABLE therapies (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  drug TEXT NOT NULL,
  hcpcs_code TEXT NOT NULL DEFAULT '',
  icd10_codes TEXT NOT NULL DEFAULT '[]',
  prescriber TEXT NOT NULL DEFAULT '',
  infusion_provider TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX therapies_patient ON therapies(patient_id);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
  coverage_id INTEGER NOT NULL REFERENCES coverages(id),
  therapy_id INTEGER NOT NULL REFERENCES therapies(id),
  stage TEXT NOT NULL,
  urgency TEXT NOT NULL DEFAULT 'standard',
  service_type TEXT NOT NULL DEFAULT 'pre_service',
  advocate_id INTEGER REFERENCES advocates(id) ON DELETE SET NULL,
  opened_on TEXT NOT NULL,
  closed_on TEXT,
  stage_entered_at TEXT NOT NULL,
  appeal_filed_on TEXT,
  summary TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cases_stage ON cases(stage);
CREATE INDEX cases_advocate ON cases(advocate_id);
CREATE INDEX cases_patient ON cases(patient_id);

CREATE TABLE denials (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  notice_date TEXT NOT NULL,
  received_date TEXT,
  reasons TEXT NOT NULL DEFAULT '[]',
  prior_auth_number TEXT NOT NULL DEFAULT '',
  claim_number TEXT NOT NULL DEFAULT '',
  amount_cents INTEGER,
  stated_deadline TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX denials_case ON denials(case_id);

-- Every stage move: from, to, when, who, and the reason when the ladder was overridden.
CREATE TABLE case_history (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  moved_at TEXT NOT NULL,
  advocate_id INTEGER REFERENCES advocates(id) ON DELETE SET NULL,
  override_reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_history_case ON case_history(case_id, moved_at);

-- Calls, faxes, letters, portal messages with the payer, prescriber or provider.
CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  with_whom TEXT NOT NULL,
  reference_number TEXT NOT NULL DEFAULT '',
  requested TEXT NOT NULL DEFAULT '',
  submitted TEXT NOT NULL DEFAULT '',
  submitted_on TEXT,
  follow_up_on TEXT,
  advocate_id INTEGER REFERENCES advocates(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX contacts_case ON contacts(case_id, occurred_on);

-- Deadlines computed by the deadline engine for open cases; rewritten whenever a case changes,
-- so the board can show each card's nearest date without recomputing thousands of cases.
CREATE TABLE case_deadlines (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  side TEXT NOT NULL,
  label_key TEXT NOT NULL,
  label_en TEXT NOT NULL,
  due_date TEXT NOT NULL,
  due_at TEXT,
  rule_id TEXT NOT NULL,
  citation TEXT NOT NULL,
  verified INTEGER NOT NULL,
  PRIMARY KEY (case_id, key)
);
CREATE INDEX case_deadlines_due ON case_deadlines(due_date);

CREATE TABLE app_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE INDEX case_deadlines_case_due ON case_deadlines(case_id, due_date);
