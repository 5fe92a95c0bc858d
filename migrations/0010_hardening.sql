-- Hardening after review.
-- An annotation belongs to an entry of the same client, enforced by the database.
ALTER TABLE care.entries ADD CONSTRAINT entries_id_client UNIQUE (id, client_id);
ALTER TABLE care.entry_annotations ADD CONSTRAINT entry_annotations_same_client
  FOREIGN KEY (entry_id, client_id) REFERENCES care.entries (id, client_id);

-- The application role must stay powerless whatever existed before us.
DO $$ BEGIN
  ALTER ROLE dossierwijzer_app NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOLOGIN;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE WARNING 'could not reset the attributes of dossierwijzer_app; check them by hand';
END $$;
