-- The representative of an adult who is not competent (BW 7:465 lid 3-4: curator, mentor, the person
-- authorised in writing, partner, parent, child or sibling) gives the consent the law then asks
-- (issue 16). The register refused that party: 0005 allowed only the client, the legal representatives
-- (custody ends at 18, BW 1:233) and another person. Such a consent names the relation that gave it,
-- as a custodian's does, so that only that person can withdraw it (AVG 7(3)).
ALTER TABLE org.consents DROP CONSTRAINT consents_given_by_check;
ALTER TABLE org.consents ADD CONSTRAINT consents_given_by_check
  CHECK (given_by IN ('client', 'legal-representatives', 'representative', 'other-person'));
ALTER TABLE org.consents ADD CONSTRAINT consents_representative_named
  CHECK (given_by <> 'representative' OR given_by_relation_id IS NOT NULL) NOT VALID;
ALTER TABLE org.consents DROP CONSTRAINT consents_withdrawn_by_party_check;
ALTER TABLE org.consents ADD CONSTRAINT consents_withdrawn_by_party_check
  CHECK (withdrawn_by_party IS NULL OR withdrawn_by_party IN ('client', 'legal-representatives', 'representative', 'other-person'));
