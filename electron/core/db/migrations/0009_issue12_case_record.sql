-- Issue 12: a case record advocates can trust.
-- One log of changes (STYLE.md): every change to a case is one row of case_operations. The case
-- history, the audit trail and, later, an organization's shared caseload all read it. Rows are
-- append-only (no UPDATE); they go only with their case. `id` is a UUID so a server can replay the
-- log idempotently; (case_uid, case_version, seq) orders it.

-- A version per case for optimistic concurrency: every recorded write bumps it by one.
ALTER TABLE cases ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- A machine-independent identity for the case, so operations replay on another caseload.
ALTER TABLE cases ADD COLUMN uid TEXT;
UPDATE cases SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) WHERE uid IS NULL;
CREATE UNIQUE INDEX cases_uid ON cases(uid);

-- The prescriber's identifiers letters need (NPI: 45 CFR 162.406; check digit per CMS NPI standard).
ALTER TABLE therapies ADD COLUMN prescriber_npi TEXT NOT NULL DEFAULT '';
ALTER TABLE therapies ADD COLUMN prescriber_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE therapies ADD COLUMN prescriber_fax TEXT NOT NULL DEFAULT '';

-- The directory of payers and their appeal destinations, one row per destination (plan family and
-- level). Seeded from public sources (source named, verified = 0 where research could not confirm),
-- editable by the organization.
CREATE TABLE payer_destinations (
  id INTEGER PRIMARY KEY,
  payer TEXT NOT NULL,
  plan_family TEXT NOT NULL DEFAULT '',
  -- The ladder level this destination takes: first_level, second_level, external_review, hearing, any.
  level TEXT NOT NULL DEFAULT 'any',
  recipient TEXT NOT NULL DEFAULT '',
  address_lines TEXT NOT NULL DEFAULT '[]',
  phone TEXT NOT NULL DEFAULT '',
  fax TEXT NOT NULL DEFAULT '',
  portal TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  verified INTEGER NOT NULL DEFAULT 0,
  seed_key TEXT UNIQUE,
  updated_at TEXT NOT NULL
);
CREATE INDEX payer_destinations_payer ON payer_destinations(payer);

-- A case links to where its appeal goes.
ALTER TABLE cases ADD COLUMN payer_destination_id INTEGER REFERENCES payer_destinations(id) ON DELETE SET NULL;

CREATE TABLE case_operations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  case_uid TEXT NOT NULL,
  case_version INTEGER NOT NULL,
  -- create, edit, move, denial_add, denial_edit, denial_remove, contact, appeal, prior_auth,
  -- representation, upload, letter_save, export, send, outcome, screening_link, evidence
  kind TEXT NOT NULL,
  -- The fact changed, as a path (coverage.memberId, denial.claimNumber); '' for whole-record kinds.
  field TEXT NOT NULL DEFAULT '',
  -- The row inside the case the operation touched (a denial's id, a contact's id), '' for the case.
  entity_id TEXT NOT NULL DEFAULT '',
  old_value TEXT,
  new_value TEXT,
  detail TEXT,
  actor_id INTEGER REFERENCES advocates(id) ON DELETE SET NULL,
  actor_name TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX case_operations_case ON case_operations(case_id, case_version, seq);
CREATE INDEX case_operations_field ON case_operations(case_id, field, case_version);

CREATE TRIGGER case_operations_no_update BEFORE UPDATE ON case_operations
BEGIN
  SELECT RAISE(ABORT, 'case operations are append-only');
END;

-- The record before this version: each stage move and each contact becomes an operation, so old
-- cases have a history too.
INSERT INTO case_operations (id, case_id, case_uid, case_version, kind, field, old_value, new_value, detail, actor_id, actor_name, at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
  h.case_id, c.uid, 1, CASE WHEN h.from_stage IS NULL THEN 'create' ELSE 'move' END, 'stage',
  CASE WHEN h.from_stage IS NULL THEN NULL ELSE json_quote(h.from_stage) END, json_quote(h.to_stage),
  json_object('overrideReason', h.override_reason, 'note', h.note),
  h.advocate_id, COALESCE(a.display_name, ''), h.moved_at
FROM case_history h JOIN cases c ON c.id = h.case_id LEFT JOIN advocates a ON a.id = h.advocate_id
ORDER BY h.moved_at, h.id;

INSERT INTO case_operations (id, case_id, case_uid, case_version, kind, field, entity_id, old_value, new_value, detail, actor_id, actor_name, at)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-b' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
  k.case_id, c.uid, 1, 'contact', '', CAST(k.id AS TEXT), NULL, json_object('kind', k.kind, 'withWhom', k.with_whom, 'occurredOn', k.occurred_on), NULL,
  k.advocate_id, COALESCE(a.display_name, ''), k.created_at
FROM contacts k JOIN cases c ON c.id = k.case_id LEFT JOIN advocates a ON a.id = k.advocate_id
ORDER BY k.created_at, k.id;
