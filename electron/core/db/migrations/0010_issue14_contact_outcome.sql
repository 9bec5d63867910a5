-- Issue 14: a peer-to-peer call with the payer's reviewing physician is logged as a contact of kind
-- 'peer_to_peer', and its outcome recorded (approved, partly approved, upheld, not held…).
-- NULL for every other contact and for contacts logged before this version.
ALTER TABLE contacts ADD COLUMN outcome TEXT;
