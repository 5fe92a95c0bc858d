-- When a dossier's retention period has ended (Jeugdwet 7.3.8–7.3.9, BW 7:454)
-- the whole record of the client goes, not only the care content: keeping the
-- BSN, name, address and the parents' names for ever after the content is
-- destroyed has no purpose left (AVG 5(1)(c) and (e)). What stays is what
-- shows that a dossier existed and was destroyed (DOMAIN §5: "a record that it
-- happened, not what was in it"): the client row's id with its organisation
-- and birth year, the destruction record and the access log, whose rows name
-- only the id.
--
-- Only after a retention destruction: a destruction the client asked for
-- leaves the administrative data, which is outside that right (003 §3.3).

ALTER TABLE formal.clients ADD COLUMN identity_erased_at timestamptz;
ALTER TABLE formal.clients DROP CONSTRAINT client_identity;
ALTER TABLE formal.clients ADD CONSTRAINT client_identity
  CHECK (identity_erased_at IS NOT NULL OR bsn IS NOT NULL OR (street_address IS NOT NULL AND postcode IS NOT NULL AND town IS NOT NULL));

CREATE FUNCTION formal.erase_client_identity(target uuid, p_organisation uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, formal AS $$
BEGIN
  -- Refuses to erase a client whose dossier was not destroyed for an ended retention period.
  IF NOT EXISTS (SELECT 1 FROM org.destruction_records
                  WHERE client_id = target AND organisation_id = p_organisation
                    AND scope = 'whole-dossier' AND reason = 'retention-expired') THEN
    RAISE EXCEPTION 'erasure: client % of organisation % has no retention destruction record', target, p_organisation
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  UPDATE formal.clients
     SET bsn = NULL, family_name = '', given_names = '', gender = 'unknown',
         -- The birth year alone: enough for statistics on ages, too little to find anyone by.
         birth_date = make_date(extract(year FROM birth_date)::int, 1, 1),
         street_address = NULL, postcode = NULL, town = NULL, phone = NULL, email = NULL,
         identity_erased_at = clock_timestamp()
   WHERE id = target;
  UPDATE formal.client_relations
     SET family_name = '', given_names = '', phone = NULL, email = NULL, established_how = ''
   WHERE client_id = target;
  DELETE FROM formal.identity_checks WHERE client_id = target;
  UPDATE org.consents
     SET information_given = '', declaration_reference = NULL,
         recipient = CASE WHEN recipient IS NULL THEN NULL ELSE '' END,
         purpose = CASE WHEN purpose IS NULL THEN NULL ELSE '' END,
         data_description = CASE WHEN data_description IS NULL THEN NULL ELSE '' END
   WHERE client_id = target;
  -- The history of corrected formal data holds the old values themselves; it is append-only,
  -- so it goes through the same guard as every sanctioned destruction.
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'on', true);
  DELETE FROM formal.data_corrections WHERE client_id = target;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'off', true);
END $$;

REVOKE ALL ON FUNCTION formal.erase_client_identity(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION formal.erase_client_identity(uuid, uuid) TO dossierwijzer_app;
