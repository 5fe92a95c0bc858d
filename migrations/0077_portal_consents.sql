-- Consents given and withdrawn in the portal (issue 19 item 5). A consent given by the client or a relation in the
-- portal has no employee who recorded it: its evidence is the portal account and the portal session it was given in,
-- and the time (recorded_at). A consent for a disclosure to a registered relation — the young person of 16 or over
-- letting a parent see a part of the dossier (001: "Ben je 16 jaar of ouder dan beslis je zelf welke informatie je
-- ouders krijgen") — names that relation, so the engine can be asked with it for that parent and that part.
ALTER TABLE org.consents ALTER COLUMN recorded_by DROP NOT NULL;
ALTER TABLE org.consents ADD COLUMN recorded_by_portal_account uuid REFERENCES org.portal_accounts(id);
ALTER TABLE org.consents ADD COLUMN recorded_in_portal_session text;
ALTER TABLE org.consents ADD COLUMN withdrawn_by_portal_account uuid REFERENCES org.portal_accounts(id);
ALTER TABLE org.consents ADD COLUMN recipient_relation_id uuid REFERENCES formal.client_relations(id);
ALTER TABLE org.consents ADD CONSTRAINT consents_recorded_by_someone
  CHECK (recorded_by IS NOT NULL OR (recorded_by_portal_account IS NOT NULL AND recorded_in_portal_session IS NOT NULL));
CREATE INDEX consents_recipient_relation ON org.consents (client_id, recipient_relation_id) WHERE recipient_relation_id IS NOT NULL;
