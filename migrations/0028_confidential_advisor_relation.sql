-- A confidential advisor (vertrouwenspersoon) can now be registered beside the
-- client, so that a request from them is recorded and decided like any other:
-- they have no right to inspect or copy the dossier (Besluit Jeugdwet 4.1.5;
-- DOMAIN §3), and the engine says so with that article. They never hold custody.
ALTER TABLE formal.client_relations DROP CONSTRAINT client_relations_relation_check;
ALTER TABLE formal.client_relations ADD CONSTRAINT client_relations_relation_check
  CHECK (relation IN ('parent', 'guardian', 'family-guardian', 'foster-parent', 'confidential-advisor', 'other'));
ALTER TABLE formal.client_relations ADD CONSTRAINT confidential_advisor_no_custody
  CHECK (relation <> 'confidential-advisor' OR NOT has_custody);
