-- Who withdrew a consent, not only which employee recorded it: the client, or the registered relation
-- (AVG 7(3); only the one who gave it may withdraw it, or the client once the law leaves it to them).
ALTER TABLE org.consents ADD COLUMN withdrawn_by_party text CHECK (withdrawn_by_party IS NULL OR withdrawn_by_party IN ('client', 'legal-representatives', 'other-person'));
ALTER TABLE org.consents ADD COLUMN withdrawn_by_relation_id uuid REFERENCES formal.client_relations(id);
