-- Export progress kept in the database (issue 17 item 7): with several servers behind a load balancer, a poll of
-- GET /api/exports/progress/{id} that reached another server than the one making the export answered 404, because
-- the progress lived only in that server's memory. The server making the export still keeps it in memory (and
-- answers its own polls from there); it writes each change here, at most about once a second, so any server answers.
--
-- Only numbers, never client data: which phase, how many done of how many, for the employee who started it.
-- A row is forgotten like the memory entry: deleted when its export failed or was pushed out, and ignored (and
-- deleted at the next start of an export) ten minutes after its last report or five minutes after it finished.
CREATE TABLE org.export_progress (
  id uuid PRIMARY KEY,                     -- the caller's progress id (x-dossierwijzer-progress)
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  employee_id uuid NOT NULL,               -- who started it and may poll it; no foreign key: the row is short-lived
  phase text NOT NULL CHECK (phase IN ('read', 'render', 'done')),
  done integer NOT NULL CHECK (done >= 0),
  total integer NOT NULL CHECK (total >= 0),
  touched_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE INDEX export_progress_touched ON org.export_progress (touched_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON org.export_progress TO dossierwijzer_app;

-- Row-level security in 0063's shape: the row's own organisation.
ALTER TABLE org.export_progress ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON org.export_progress TO dossierwijzer_app
  USING (org.in_scope(organisation_id))
  WITH CHECK (org.in_scope(organisation_id));
