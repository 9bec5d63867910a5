-- The organization's system of record. Laptops replicate it through recorded operations.

CREATE TABLE accounts (
  id            TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'advocate', 'screener', 'read_only')),
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  removed_at    TIMESTAMPTZ
);

-- One-time codes an administrator hands to a person to connect a laptop; only their hash is kept.
CREATE TABLE enrolment_codes (
  code_hash   TEXT PRIMARY KEY,
  account_id  TEXT NOT NULL REFERENCES accounts(id),
  expires_at  TIMESTAMPTZ NOT NULL,
  used_at     TIMESTAMPTZ
);

-- A connected laptop. The bearer token is random; only its SHA-256 is stored.
CREATE TABLE devices (
  id           BIGSERIAL PRIMARY KEY,
  account_id   TEXT NOT NULL REFERENCES accounts(id),
  name         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  enrolled_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen_at TIMESTAMPTZ
);

-- Every operation ever pushed, applied or not, so a retried push gets the same answer (idempotency).
CREATE TABLE operations (
  id           UUID PRIMARY KEY,
  seq          BIGINT UNIQUE,              -- the server's order; NULL while in conflict or refused
  case_id      UUID NOT NULL,
  kind         TEXT NOT NULL,
  field        TEXT NOT NULL,
  old_value    JSONB,
  new_value    JSONB,
  actor        TEXT NOT NULL,
  made_at      TIMESTAMPTZ NOT NULL,
  pushed_by    TEXT NOT NULL REFERENCES accounts(id),
  device_id    BIGINT REFERENCES devices(id),
  received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  status       TEXT NOT NULL CHECK (status IN ('applied', 'conflict', 'refused')),
  refusal      TEXT,
  conflict_id  BIGINT,
  signature    TEXT
);
CREATE INDEX operations_case ON operations (case_id, seq);

-- The current value of each fact of each case: what a merge compares an incoming old value with.
CREATE TABLE case_fields (
  case_id  UUID NOT NULL,
  field    TEXT NOT NULL,
  value    JSONB,
  seq      BIGINT NOT NULL,
  actor    TEXT NOT NULL,
  made_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (case_id, field)
);

-- The review queue: the same fact changed on two laptops; nothing is overwritten until a person chooses.
CREATE TABLE conflicts (
  id             BIGSERIAL PRIMARY KEY,
  case_id        UUID NOT NULL,
  field          TEXT NOT NULL,
  current_value  JSONB,
  current_actor  TEXT NOT NULL,
  current_at     TIMESTAMPTZ NOT NULL,
  current_seq    BIGINT NOT NULL,
  operation_id   UUID NOT NULL REFERENCES operations(id),
  state          TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
  resolved_value JSONB,
  resolved_by    TEXT,
  resolved_at    TIMESTAMPTZ,
  resolved_seq   BIGINT
);
CREATE INDEX conflicts_open ON conflicts (state, case_id);

-- Attachments travel content-addressed and stay encrypted with the organization's key: the server
-- stores the laptop's ciphertext and checks that its SHA-256 is the address.
CREATE TABLE attachments (
  sha256      TEXT PRIMARY KEY,
  bytes       BYTEA NOT NULL,
  stored_by   TEXT NOT NULL REFERENCES accounts(id),
  stored_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The server's own audit trail, hash-chained; it records each push with the laptops' signatures kept
-- on their operations, so it extends the laptops' signed audit entries.
CREATE TABLE server_audit (
  seq        BIGSERIAL PRIMARY KEY,
  at         TIMESTAMPTZ NOT NULL DEFAULT now(),
  account_id TEXT,
  action     TEXT NOT NULL,
  detail     JSONB NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
);

CREATE SEQUENCE operation_seq;
