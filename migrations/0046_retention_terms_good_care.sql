-- 0046: the organisation's retention term takes the kinds of 003 §3.2 the
-- rules engine knows (src/rules/retention.ts): N years after the last change,
-- or until someone is a given age — the client (until 24; at most 30 years
-- after majority after an OTS or guardianship: 48) or the youngest child of
-- the client's family (Veilig Thuis: until 18).
--
-- And the good-care extension (Jeugdwet 7.3.8: "of zoveel langer als
-- redelijkerwijs uit de zorg van een goed jeugdhulpverlener voortvloeit";
-- 000: e.g. sexual abuse): one per dossier, dated, with its reason sealed under
-- the client's key (like the hold reason, 0033) — distinct from a procedure
-- hold (org.retention_reviews status 'held'), which has no end date.
ALTER TABLE org.retention_settings
  ADD COLUMN term_kind text NOT NULL DEFAULT 'years-after-last-change'
    CHECK (term_kind IN ('years-after-last-change', 'until-age')),
  ADD COLUMN term_age integer CHECK (term_age BETWEEN 1 AND 120),
  ADD COLUMN age_of text CHECK (age_of IN ('client', 'youngest-child'));
ALTER TABLE org.retention_settings ALTER COLUMN term_years DROP NOT NULL;
ALTER TABLE org.retention_settings ADD CONSTRAINT retention_settings_term_shape CHECK (
  (term_kind = 'years-after-last-change' AND term_years IS NOT NULL AND term_age IS NULL AND age_of IS NULL)
  OR (term_kind = 'until-age' AND term_years IS NULL AND term_age IS NOT NULL AND age_of IS NOT NULL));

CREATE TABLE org.retention_extensions (
  client_id uuid PRIMARY KEY,              -- like org.retention_reviews: no FK beyond the client's lifetime
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  kept_until date NOT NULL,                -- good care requires keeping the dossier until this day
  reason_ciphertext bytea NOT NULL,        -- {text}, under the client's key, bound to the client id
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX retention_extensions_organisation ON org.retention_extensions (organisation_id);
GRANT SELECT, INSERT, UPDATE, DELETE ON org.retention_extensions TO dossierwijzer_app;
