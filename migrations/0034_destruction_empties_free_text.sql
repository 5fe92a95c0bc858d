-- The sanctioned destruction of a whole dossier also empties the client's free
-- text that is still in clear (migration 0033): after the key is gone, nothing
-- of the consents, emergency reviews, restriction ends, retention holds or a
-- request's consent declaration may stay readable. Normally there is nothing
-- left to empty (the application seals these texts under the client's key at
-- start-up and on every write); this covers a destruction run between the
-- migration and the first start-up, e.g. `dossierwijzer retention
-- destroy-confirmed`, which has no master key.
--
-- The body is that of migration 0007 plus the last statement; the outer
-- functions that check the decision (0029, 0040) call it unchanged. The
-- parameter wins over a column of the same name (`#variable_conflict`): a
-- table may grow a column called `target` (care.shieldings does in 0035).
CREATE OR REPLACE FUNCTION care.destroy_client_content(target uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
#variable_conflict use_variable
DECLARE removed integer;
BEGIN
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'on', true);
  DELETE FROM care.client_keys WHERE client_id = target;
  DELETE FROM care.shieldings WHERE client_id = target;
  DELETE FROM care.entry_annotations WHERE client_id = target;
  DELETE FROM care.emergency_summaries WHERE client_id = target;
  DELETE FROM care.entries WHERE client_id = target;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'off', true);
  PERFORM care.empty_unsealed_free_text(target);
  RETURN removed;
END $$;
REVOKE ALL ON FUNCTION care.destroy_client_content(uuid) FROM PUBLIC;
