-- Laptop signatures (docs/organization-server.md "Laptop signatures"): at enrolment the server pins the
-- laptop's root of trust (its first administrator's first Ed25519 key); every later push must be signed
-- by an account key that certifies back to it, and each operation's signature is checked before it is
-- accepted.
ALTER TABLE devices ADD COLUMN signing_root_key_id TEXT;
ALTER TABLE devices ADD COLUMN signing_root_public TEXT;
-- Which laptop key the server verified an operation's signature with (NULL: sent unsigned by a laptop
-- enrolled without keys, such as the command line).
ALTER TABLE operations ADD COLUMN signed_key_id TEXT;
