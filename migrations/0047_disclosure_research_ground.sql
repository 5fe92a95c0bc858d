-- 0047: a disclosure for statistics or scientific research (Jeugdwet 7.3.12;
-- BW 7:458) is recorded on its own ground, 'research': with the client's
-- consent (consent_id), or without it under the exception, whose ground is
-- recorded: asking consent is not reasonably possible, with safeguards for the
-- client's privacy (lid 1(a)), or cannot reasonably be required and the data
-- go in a form that prevents tracing them to the client (lid 1(b)). The
-- safeguards and the reasons are free text: they are in the dossier entry,
-- under the client's key, not here. The rules engine decides (src/rules).
ALTER TABLE org.disclosures DROP CONSTRAINT disclosures_basis_check;
ALTER TABLE org.disclosures ADD CONSTRAINT disclosures_basis_check CHECK (basis IN ('consent', 'family-guardian-threat', 'cbs-statistics',
  'municipality-billing', 'inspectorate', 'disciplinary-or-legal-procedure', 'conflict-of-duties', 'child-protection-report', 'legal-representative',
  'research'));
ALTER TABLE org.disclosures ADD COLUMN research_ground text
  CHECK (research_ground IN ('consent-not-possible', 'consent-not-required'));
ALTER TABLE org.disclosures ADD CONSTRAINT disclosures_research_ground CHECK (
  (research_ground IS NULL OR (basis = 'research' AND consent_id IS NULL))
  AND (basis <> 'research' OR consent_id IS NOT NULL OR research_ground IS NOT NULL));
