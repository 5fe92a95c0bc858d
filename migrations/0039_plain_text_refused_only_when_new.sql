-- 0033 and 0037 forbade free text in clear with NOT VALID check constraints. PostgreSQL checks such a
-- constraint on every new row version, so ANY update of a row written in clear before those migrations
-- failed until the application had sealed it at start-up: a later migration that touches those rows
-- (e.g. a new column's backfill), or the foreign key that empties a disclosure's entry when a
-- `retention destroy-confirmed` runs before the first start. What must hold is narrower: no NEW text in
-- clear. These triggers refuse exactly that — a non-empty value inserted, or changed to — and let a row
-- keep the old text it has until it is sealed or emptied. Same names as the constraints they replace.

CREATE FUNCTION audit.refuse_new_plain_text() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  col text;
  new_value text;
BEGIN
  FOREACH col IN ARRAY TG_ARGV LOOP
    new_value := to_jsonb(NEW) ->> col;
    IF COALESCE(new_value, '') <> ''
       AND (TG_OP = 'INSERT' OR new_value IS DISTINCT FROM (to_jsonb(OLD) ->> col)) THEN
      RAISE EXCEPTION '%: % may not be written in clear; it is sealed under a key', TG_NAME, col
        USING ERRCODE = 'check_violation', TABLE = TG_TABLE_NAME, COLUMN = col;
    END IF;
  END LOOP;
  RETURN NEW;
END $$;

ALTER TABLE org.consents DROP CONSTRAINT consents_no_plain_text;
CREATE TRIGGER consents_no_plain_text BEFORE INSERT OR UPDATE ON org.consents FOR EACH ROW
  EXECUTE FUNCTION audit.refuse_new_plain_text('information_given', 'recipient', 'purpose', 'data_description', 'declaration_reference');

ALTER TABLE org.emergency_accesses DROP CONSTRAINT emergency_accesses_no_plain_text;
CREATE TRIGGER emergency_accesses_no_plain_text BEFORE INSERT OR UPDATE ON org.emergency_accesses FOR EACH ROW
  EXECUTE FUNCTION audit.refuse_new_plain_text('review_note');

ALTER TABLE org.processing_restrictions DROP CONSTRAINT processing_restrictions_no_plain_text;
CREATE TRIGGER processing_restrictions_no_plain_text BEFORE INSERT OR UPDATE ON org.processing_restrictions FOR EACH ROW
  EXECUTE FUNCTION audit.refuse_new_plain_text('end_reason');

ALTER TABLE org.retention_reviews DROP CONSTRAINT retention_reviews_no_plain_text;
CREATE TRIGGER retention_reviews_no_plain_text BEFORE INSERT OR UPDATE ON org.retention_reviews FOR EACH ROW
  EXECUTE FUNCTION audit.refuse_new_plain_text('hold_reason');

ALTER TABLE org.requests DROP CONSTRAINT requests_no_plain_consent_reference;
CREATE TRIGGER requests_no_plain_consent_reference BEFORE INSERT OR UPDATE ON org.requests FOR EACH ROW
  EXECUTE FUNCTION audit.refuse_new_plain_text('consent_reference');

ALTER TABLE org.disclosures DROP CONSTRAINT disclosures_no_plain_recipient;
CREATE TRIGGER disclosures_no_plain_recipient BEFORE INSERT OR UPDATE ON org.disclosures FOR EACH ROW
  EXECUTE FUNCTION audit.refuse_new_plain_text('recipient');

ALTER TABLE org.transfers DROP CONSTRAINT transfers_no_plain_recipient;
CREATE TRIGGER transfers_no_plain_recipient BEFORE INSERT OR UPDATE ON org.transfers FOR EACH ROW
  EXECUTE FUNCTION audit.refuse_new_plain_text('recipient');

ALTER TABLE care.competence_assessments DROP CONSTRAINT competence_assessments_no_plain_text;
CREATE TRIGGER competence_assessments_no_plain_text BEFORE INSERT OR UPDATE ON care.competence_assessments FOR EACH ROW
  EXECUTE FUNCTION audit.refuse_new_plain_text('expert_consulted');

ALTER TABLE org.data_breaches DROP CONSTRAINT data_breaches_no_plain_text;
CREATE TRIGGER data_breaches_no_plain_text BEFORE INSERT OR UPDATE ON org.data_breaches FOR EACH ROW
  EXECUTE FUNCTION audit.refuse_new_plain_text('ap_reason', 'clients_reason', 'risk_assessment');
