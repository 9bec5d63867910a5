-- Issue 13 item 3: every audit entry is signed (Ed25519) by the account that acted. key_id names the
-- signing key (its certificate is in keystore.json); signature covers the row's hash, which covers
-- every field, the key id and the previous hash. Rows written before this migration keep empty
-- values and are reported as unsigned by "verify".
ALTER TABLE audit_log ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN signature TEXT NOT NULL DEFAULT '';
