-- Row-level security (issue 14, deliverable 6): the application role sees only the rows of the organisation named
-- in the connection's setting `dw.organisation_id` (src/db/organisation-scope.ts), and none without it; '*' is the
-- system scope for what spans organisations (log-in by username, session look-up, start-up, the retention sweep,
-- the log checkpoints, the command-line tools). A query that forgets its organisation filter no longer leaks
-- another organisation's rows.
--
-- The owner is not subject to these policies (no FORCE): migrations, SECURITY DEFINER functions (the decision and
-- destruction functions of 0029/0040/0055), foreign-key checks and master-key rotation run as the owner.
--
-- Which predicate a table gets follows from its columns, in this order:
--   organisation_id          the organisation named in the row
--   client_id                the client's organisation (indexed look-up of formal.clients by its key)
--   family_id                the family's organisation
--   breach_id                the breach's organisation
--   team_id                  the team's organisation
--   employee_id              the employee's organisation (sessions, log-in challenges, recovery codes)
-- The policies are made for every such table in the application's schemas that exists now (including the tables
-- of 0048–0053); a table made later needs its own policy — src/db/row-level-security.test.ts fails until it has one.
-- Tables with none of these columns hold no organisation's data: ops.health_probe, audit.access_log_clock,
-- care.master_key_rotations, org.login_throttle (a username or address and a count, before any organisation is
-- known), and org.organisations gets its own policy on its id.

-- Whether a row of organisation `p_organisation` is in scope. A plain SQL function (no SECURITY DEFINER, no SET), so
-- the planner inlines it into each policy; current_setting(…, true) is NULL on a connection that never set it.
CREATE FUNCTION org.in_scope(p_organisation uuid) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT current_setting('dw.organisation_id', true) = '*' OR p_organisation::text = current_setting('dw.organisation_id', true)
$$;
GRANT EXECUTE ON FUNCTION org.in_scope(uuid) TO dossierwijzer_app;

-- The log's chain trigger reads the last row of the whole log (all organisations) to link the new one to it: it must
-- see past the policies, so it runs as the owner from now on. Its body is unchanged (0031).
ALTER FUNCTION audit.chain_access_log() SECURITY DEFINER;

-- The log is read per organisation like everything else, but written by whoever holds the rows: the group commit
-- (src/access/log-group-commit.ts) writes the rows of reads of several organisations in one batch, in the context
-- of whichever request started it. Appending reveals nothing, and the chain and the trigger refuse every change.
ALTER TABLE audit.access_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON audit.access_log FOR SELECT TO dossierwijzer_app USING (org.in_scope(organisation_id));
CREATE POLICY dw_append ON audit.access_log FOR INSERT TO dossierwijzer_app WITH CHECK (true);

ALTER TABLE org.organisations ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON org.organisations TO dossierwijzer_app
  USING (org.in_scope(id)) WITH CHECK (org.in_scope(id));

DO $$
DECLARE
  t record;
  predicate text;
BEGIN
  FOR t IN
    SELECT n.nspname AS schema_name, c.relname AS table_name,
           bool_or(a.attname = 'organisation_id') AS has_org, bool_or(a.attname = 'client_id') AS has_client,
           bool_or(a.attname = 'family_id') AS has_family, bool_or(a.attname = 'breach_id') AS has_breach,
           bool_or(a.attname = 'team_id') AS has_team, bool_or(a.attname = 'employee_id') AS has_employee
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('org', 'care', 'formal', 'audit')
       AND NOT c.relrowsecurity
     GROUP BY n.nspname, c.relname
  LOOP
    predicate := CASE
      WHEN t.has_org THEN 'org.in_scope(organisation_id)'
      WHEN t.has_client THEN format('EXISTS (SELECT 1 FROM formal.clients dw_c WHERE dw_c.id = %I.client_id AND org.in_scope(dw_c.organisation_id))', t.table_name)
      WHEN t.has_family THEN format('EXISTS (SELECT 1 FROM formal.families dw_f WHERE dw_f.id = %I.family_id AND org.in_scope(dw_f.organisation_id))', t.table_name)
      WHEN t.has_breach THEN format('EXISTS (SELECT 1 FROM org.data_breaches dw_b WHERE dw_b.id = %I.breach_id AND org.in_scope(dw_b.organisation_id))', t.table_name)
      WHEN t.has_team THEN format('EXISTS (SELECT 1 FROM org.teams dw_t WHERE dw_t.id = %I.team_id AND org.in_scope(dw_t.organisation_id))', t.table_name)
      WHEN t.has_employee THEN format('EXISTS (SELECT 1 FROM org.employees dw_e WHERE dw_e.id = %I.employee_id AND org.in_scope(dw_e.organisation_id))', t.table_name)
    END;
    IF predicate IS NOT NULL THEN
      EXECUTE format('ALTER TABLE %I.%I ENABLE ROW LEVEL SECURITY', t.schema_name, t.table_name);
      EXECUTE format('CREATE POLICY dw_organisation ON %I.%I TO dossierwijzer_app USING (%s) WITH CHECK (%s)',
                     t.schema_name, t.table_name, predicate, predicate);
    END IF;
  END LOOP;
END $$;

-- The records of processing keep the register every organisation starts from as rows without an organisation
-- (0014): those are shown to every organisation (not without one); an organisation's own rows only to it.
ALTER POLICY dw_organisation ON org.processing_activities
  USING (org.in_scope(organisation_id) OR (organisation_id IS NULL AND COALESCE(current_setting('dw.organisation_id', true), '') <> ''))
  WITH CHECK (org.in_scope(organisation_id));
