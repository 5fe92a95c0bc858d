-- Shielding covers every field a reader gets (issue 13; 003 §3.1; Jeugdwet 7.3.10): not only an entry's
-- text (a passage, or the whole entry) but its title, its source description, one annotation, and the
-- client's formal contact data (address, postcode, town, phone, e-mail). An own statement is an entry of
-- its own and is shielded like one. A shielding is lifted with a reason, kept under the client's key.
ALTER TABLE care.shieldings ADD COLUMN target text NOT NULL DEFAULT 'text'
  CHECK (target IN ('text', 'title', 'source', 'annotation', 'contact-data'));
ALTER TABLE care.shieldings ADD COLUMN annotation_id uuid REFERENCES care.entry_annotations(id);
ALTER TABLE care.shieldings ADD COLUMN lift_reason_ciphertext bytea;
-- Contact data belongs to no entry.
ALTER TABLE care.shieldings ALTER COLUMN entry_id DROP NOT NULL;
ALTER TABLE care.shieldings ADD CONSTRAINT shieldings_target_entry CHECK ((target = 'contact-data') = (entry_id IS NULL));
ALTER TABLE care.shieldings ADD CONSTRAINT shieldings_target_annotation CHECK ((target = 'annotation') = (annotation_id IS NOT NULL));
ALTER TABLE care.shieldings ADD CONSTRAINT shieldings_passage_only_in_text CHECK (passage_start IS NULL OR target = 'text');
-- The client's own contact data is never "about another person"; it is kept from named relations.
ALTER TABLE care.shieldings ADD CONSTRAINT shieldings_contact_data_from_named CHECK (target <> 'contact-data' OR kind = 'shielded-from');
-- Lifting names why (the history shows who lifted, when and why). NOT VALID: shieldings lifted before
-- this migration have no reason; every lift from now on must carry one.
ALTER TABLE care.shieldings ADD CONSTRAINT shieldings_lift_reason CHECK (lifted_at IS NULL OR lift_reason_ciphertext IS NOT NULL) NOT VALID;
