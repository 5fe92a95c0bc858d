-- Issue 16 (law v2): the people who represent an adult client who is not
-- competent can be registered — curator (BW 1:378), mentor (BW 1:450), the
-- person authorised in writing, the partner, a child, a brother or sister
-- (BW 7:465 lid 3) — with the period of their role (valid_from/valid_to).
-- The rules engine decides from these who represents on a day; none of them
-- holds custody (a non-parent with custody together with a parent, BW 1:253t,
-- is registered as foster-parent or other with custody kind
-- joint-with-non-parent).
ALTER TABLE formal.client_relations DROP CONSTRAINT client_relations_relation_check;
ALTER TABLE formal.client_relations ADD CONSTRAINT client_relations_relation_check
  CHECK (relation IN ('parent', 'guardian', 'family-guardian', 'foster-parent', 'confidential-advisor', 'other',
                      'curator', 'mentor', 'authorised', 'partner', 'child', 'sibling'));
ALTER TABLE formal.client_relations ADD CONSTRAINT representatives_no_custody
  CHECK (relation NOT IN ('curator', 'mentor', 'authorised', 'partner', 'child', 'sibling') OR NOT has_custody);
-- An adult who is not competent is represented by whoever the engine finds
-- first in the ranks of BW 7:465 lid 3 among the registered relations: the
-- assessment no longer has to name a representative (for a minor the
-- application still requires a current holder of custody).
DO $$
DECLARE c text;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint
            WHERE conrelid = 'care.competence_assessments'::regclass AND contype = 'c'
              AND pg_get_constraintdef(oid) LIKE '%representative_relation_id IS NOT NULL%'
  LOOP
    EXECUTE format('ALTER TABLE care.competence_assessments DROP CONSTRAINT %I', c);
  END LOOP;
END $$;
