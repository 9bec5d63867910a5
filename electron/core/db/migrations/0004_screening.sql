-- Financial-assistance screening: the program catalog, applicants (standalone or linked to a patient)
-- and their applications. Money is stored in whole cents; days are TEXT 'YYYY-MM-DD'.
-- Vocabularies (type, fund_status, status, insurance_type) are validated in shared/domain/screening.ts.

CREATE TABLE assistance_programs (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  sponsor TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL,
  fund_status TEXT NOT NULL DEFAULT 'open',
  fund_status_changed_on TEXT,
  -- ProgramRules as JSON: the engine always reads the rules whole.
  rules TEXT NOT NULL DEFAULT '{}',
  max_award_cents INTEGER,
  grant_period_months INTEGER,
  usage_days INTEGER,
  usage_reminder_days INTEGER,
  documents_required TEXT NOT NULL DEFAULT '[]',
  documents_due_days INTEGER,
  website TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  is_verified INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE applicants (
  id INTEGER PRIMARY KEY,
  patient_id INTEGER REFERENCES patients(id) ON DELETE SET NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  date_of_birth TEXT,
  household_size INTEGER,
  annual_income_cents INTEGER,
  state TEXT,
  insurance_type TEXT,
  payer TEXT NOT NULL DEFAULT '',
  drug_covered TEXT NOT NULL DEFAULT 'unknown',
  icd10_codes TEXT NOT NULL DEFAULT '[]',
  drug_name TEXT NOT NULL DEFAULT '',
  hcpcs_code TEXT NOT NULL DEFAULT '',
  treatment_start TEXT,
  treatment_end TEXT,
  out_of_pocket_cents INTEGER,
  notes TEXT NOT NULL DEFAULT '',
  is_demo INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX applicants_patient ON applicants(patient_id);
CREATE INDEX applicants_name ON applicants(last_name, first_name);

CREATE TABLE assistance_applications (
  id INTEGER PRIMARY KEY,
  applicant_id INTEGER NOT NULL REFERENCES applicants(id) ON DELETE CASCADE,
  program_id INTEGER NOT NULL REFERENCES assistance_programs(id),
  status TEXT NOT NULL,
  award_amount_cents INTEGER,
  applied_on TEXT,
  pre_approved_on TEXT,
  documents_due_on TEXT,
  decided_on TEXT,
  grant_start TEXT,
  grant_end TEXT,
  last_paid_claim_on TEXT,
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX assistance_applications_applicant ON assistance_applications(applicant_id);
CREATE INDEX assistance_applications_program ON assistance_applications(program_id);

-- Every status change of an application, so the path to an award (or a lapse) can be shown.
CREATE TABLE assistance_application_history (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES assistance_applications(id) ON DELETE CASCADE,
  from_status TEXT,
  to_status TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX assistance_application_history_application ON assistance_application_history(application_id, changed_at);
