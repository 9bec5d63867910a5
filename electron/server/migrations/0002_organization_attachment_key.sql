-- The organization attachment key (docs/organization-server.md "Attachments"): one random AES key
-- every laptop encrypts attachments with for transit and at rest on this server. It is stored here
-- only wrapped by the server key file, which lives outside the database, so a pg_dump alone cannot
-- open the attachments.
CREATE TABLE organization_key (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  key_id      TEXT NOT NULL,
  wrapped     JSONB NOT NULL,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Attachments are now addressed by a keyed hash of their content (HMAC under a key derived from the
-- organization key), never by a plain SHA-256 that would tell anyone holding a known document that it
-- is here. The server cannot check the address without the key; it keeps the ciphertext's SHA-256 to
-- detect damage at rest.
ALTER TABLE attachments RENAME COLUMN sha256 TO address;
ALTER TABLE attachments ADD COLUMN ciphertext_sha256 TEXT;
