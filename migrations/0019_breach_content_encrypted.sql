-- The breach register's free texts (what happened, the risk assessment) can
-- name children and what was exposed about them: sealed under the master key
-- like the other records beside the dossier (migration 0014), so a database
-- dump does not reveal them. Rows written before this migration, and the
-- system's fixed text of a draft opened by an unjustified emergency access,
-- keep their plain `description`; every write from here on seals.
ALTER TABLE org.data_breaches ADD COLUMN content bytea;   -- encrypted {description, riskAssessment}
ALTER TABLE org.data_breaches ALTER COLUMN description DROP NOT NULL;
ALTER TABLE org.data_breaches ADD CONSTRAINT data_breaches_has_description CHECK (content IS NOT NULL OR description IS NOT NULL);
