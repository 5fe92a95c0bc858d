-- The copy of an electronic request as a download valid for 7 days (issue 5;
-- AVG 12(3), 15(3)): the document is rendered once, sealed under the client's
-- data key (destroying the dossier's key shreds it too) and fetched by the
-- requester, who has no account, with a link token and a separate code. Only
-- hashes of the token and the code are stored. Every fetch, allowed or not,
-- is in the access log.
CREATE TABLE org.download_links (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  request_id uuid NOT NULL REFERENCES org.requests(id),
  token_hash bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
  code_hash bytea NOT NULL CHECK (octet_length(code_hash) = 32),
  document bytea NOT NULL,                 -- sealed PDF
  filename text NOT NULL,
  created_by uuid NOT NULL REFERENCES org.employees(id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES org.employees(id),
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  fetches integer NOT NULL DEFAULT 0 CHECK (fetches >= 0),
  CHECK (expires_at > created_at)
);
CREATE INDEX download_links_request ON org.download_links (request_id, created_at DESC);
GRANT SELECT, INSERT ON org.download_links TO dossierwijzer_app;
GRANT UPDATE (revoked_at, revoked_by, failed_attempts, fetches) ON org.download_links TO dossierwijzer_app;
