-- Request deadlines as the engine computes them (issue 16 error 8; AVG 12(3);
-- Jeugdwet 7.3.17; UAVG 35; 003 §4):
-- - an extension counts only when the notice gave the reasons: those reasons
--   are kept with the notice, sealed under the client's key (they may name the
--   client's circumstances), and a notice is never recorded without them;
-- - the appeal term runs six weeks from the day the answer was RECEIVED, which
--   is recorded as a fact of its own; until then there is no fixed last day,
--   and after a late decision there is none at all (appeal_deadline stays NULL).
ALTER TABLE org.requests ADD COLUMN extension_reasons_ciphertext bytea;
ALTER TABLE org.requests ADD COLUMN answer_received_on date;
ALTER TABLE org.requests ADD CONSTRAINT requests_answer_after_decision
  CHECK (answer_received_on IS NULL OR (decided_on IS NOT NULL AND answer_received_on >= decided_on));
-- The appeal deadline stored from the decision date was wrong (it ran from the wrong day and existed after a late answer);
-- it is derived again from the engine when the receipt of the answer is recorded.
UPDATE org.requests SET appeal_deadline = NULL WHERE answer_received_on IS NULL;
