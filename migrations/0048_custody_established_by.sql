-- Issue 14: custody is recorded with how it was established (003 §2.3.5: "na een
-- zorgvuldige vaststelling worden bijgehouden wie het gezag heeft"), in words
-- the law gives, not only a free text:
--   by-law-marriage           van rechtswege: de ouders waren bij de geboorte getrouwd of
--                             geregistreerd partner (BW 1:251 lid 1)
--   by-law-mother             van rechtswege: de moeder alleen (BW 1:253b)
--   recognition               erkenning met aantekening in het gezagsregister (BW 1:252),
--                             of sinds 2023 gezamenlijk gezag door de erkenning zelf
--   court-decision            rechterlijke beslissing (na scheiding BW 1:251a, 1:253c;
--                             gezamenlijk gezag met een niet-ouder BW 1:253t)
--   guardianship-order        benoeming tot voogd door de rechter, ook een gecertificeerde
--                             instelling (BW 1:295, 1:302)
--   appointed-by-will         voogd aangewezen bij testament of in het gezagsregister (BW 1:292)
-- Required for every new relation that holds custody; rows recorded before this
-- migration keep NULL (their free-text `established_how` stays their record), so
-- the requirement is a BEFORE INSERT trigger, not a CHECK an UPDATE of an old
-- row (ending it) would trip over.
ALTER TABLE formal.client_relations ADD COLUMN custody_established_by text
  CHECK (custody_established_by IN ('by-law-marriage', 'by-law-mother', 'recognition', 'court-decision', 'guardianship-order', 'appointed-by-will'));
ALTER TABLE formal.client_relations ADD CONSTRAINT custody_basis_only_with_custody
  CHECK (custody_established_by IS NULL OR has_custody);

CREATE FUNCTION formal.require_custody_basis() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.has_custody AND NEW.custody_established_by IS NULL THEN
    RAISE EXCEPTION 'custody recorded without how it was established' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER require_custody_basis BEFORE INSERT ON formal.client_relations
  FOR EACH ROW EXECUTE FUNCTION formal.require_custody_basis();
