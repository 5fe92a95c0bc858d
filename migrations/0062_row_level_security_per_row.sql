-- Row-level security whose cost follows the rows a query reads, not the size of the organisation (issue 14,
-- deliverable 9: "no slower").
--
-- 0056 wrote the policy of a table that reaches its organisation through another table (client_id, family_id,
-- team_id, employee_id) as EXISTS (SELECT 1 FROM formal.clients dw_c WHERE dw_c.id = t.client_id AND …). The
-- planner may turn such an EXISTS into a hashed subplan, and inside a policy it does (a policy's subquery is never
-- pulled up into a join): such a query first read and filtered EVERY client of the organisation (the clients' own
-- policy applied twice to each), however few rows it returned. The timeline page of one client read all of
-- formal.clients for its 50 entries, and again for their annotations; with 2,000 clients the database did about seven
-- times the work of the same queries without the policies, growing with the organisation, and npm run bench
-- scenario 1 on PostgreSQL fell from ~590 to ~265 pages/s (its driver baseline from ~1,700 to ~1,000/s).
--
-- Now the organisation of such a row is a scalar subquery on the parent's primary key: a scalar subquery is never
-- hashed, so it is one look-up by key per row the query actually reads (and none in the system scope, see below).
-- The scope itself is read once per query: `(SELECT org.in_system_scope())` and `(SELECT org.scope_organisation())`
-- are uncorrelated, so PostgreSQL evaluates each once as an InitPlan instead of calling current_setting for every
-- row, and the organisation is compared as a uuid (no text conversion of every row's organisation_id).
--
-- What is refused does not change (src/db/row-level-security.test.ts): without the setting, with an empty one or
-- with anything that is neither '*' nor an organisation's uuid, org.scope_organisation() is NULL and
-- org.in_system_scope() false, so no row is seen or written; with an organisation's uuid only its rows (a row whose
-- parent is missing or another organisation's compares NULL or false); with '*' every row. WITH CHECK is the same
-- expression as USING, as in 0056; the access log's SELECT policy stays SELECT-only (anyone appends, 0056).
-- The shared starting register of processing activities (rows without an organisation, 0014) is shown in the system
-- scope and to an organisation, as before, but no longer to a setting that is neither.
-- Tables with none of the 0056 shapes make this migration fail rather than keep a policy it does not know.

-- The organisation the connection is scoped to, as a uuid; NULL without a setting, for '' (no organisation), for
-- '*' (system scope, see org.in_system_scope) and for anything that is not a uuid. Plain SQL without FROM, so it is
-- inlined into the InitPlan that evaluates it once per query.
CREATE FUNCTION org.scope_organisation() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN current_setting('dw.organisation_id', true) ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              THEN current_setting('dw.organisation_id', true)::uuid END
$$;
-- Whether the connection is in the system scope '*' (every organisation); false without a setting.
CREATE FUNCTION org.in_system_scope() RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE(current_setting('dw.organisation_id', true) = '*', false)
$$;
GRANT EXECUTE ON FUNCTION org.scope_organisation() TO dossierwijzer_app;
GRANT EXECUTE ON FUNCTION org.in_system_scope() TO dossierwijzer_app;

-- The same test for anyone who still calls it, in the new terms (0056's policies no longer do).
CREATE OR REPLACE FUNCTION org.in_scope(p_organisation uuid) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT org.in_system_scope() OR p_organisation = org.scope_organisation()
$$;

DO $$
DECLARE
  t record;
  via text;
  predicate text;
  system_scope constant text := '(SELECT org.in_system_scope())';
  own constant text := '(SELECT org.scope_organisation())';
BEGIN
  FOR t IN
    SELECT p.schemaname AS schema_name, p.tablename AS table_name, p.cmd, p.qual
      FROM pg_policies p
     WHERE p.policyname = 'dw_organisation' AND p.schemaname IN ('org', 'care', 'formal', 'audit')
  LOOP
    -- Which parent 0056 reached the organisation through, read back from the policy it made.
    via := CASE
      WHEN t.qual LIKE '%FROM formal.clients dw_c%' THEN format('(SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = %I.client_id)', t.table_name)
      WHEN t.qual LIKE '%FROM formal.families dw_f%' THEN format('(SELECT dw_f.organisation_id FROM formal.families dw_f WHERE dw_f.id = %I.family_id)', t.table_name)
      WHEN t.qual LIKE '%FROM org.data_breaches dw_b%' THEN format('(SELECT dw_b.organisation_id FROM org.data_breaches dw_b WHERE dw_b.id = %I.breach_id)', t.table_name)
      WHEN t.qual LIKE '%FROM org.teams dw_t%' THEN format('(SELECT dw_t.organisation_id FROM org.teams dw_t WHERE dw_t.id = %I.team_id)', t.table_name)
      WHEN t.qual LIKE '%FROM org.employees dw_e%' THEN format('(SELECT dw_e.organisation_id FROM org.employees dw_e WHERE dw_e.id = %I.employee_id)', t.table_name)
      WHEN t.qual = 'org.in_scope(organisation_id)' THEN 'organisation_id'
      WHEN t.qual = 'org.in_scope(id)' THEN 'id'
      WHEN t.schema_name = 'org' AND t.table_name = 'processing_activities' THEN 'organisation_id'
    END;
    IF via IS NULL THEN
      RAISE EXCEPTION 'policy dw_organisation on %.% has a shape 0062 does not know: %', t.schema_name, t.table_name, t.qual;
    END IF;
    predicate := format('%s OR %s = %s', system_scope, via, own);
    IF t.schema_name = 'org' AND t.table_name = 'processing_activities' THEN
      -- The shared starting register (rows without an organisation, 0014): shown to every organisation, not without one.
      EXECUTE format('ALTER POLICY dw_organisation ON org.processing_activities USING (%s OR (organisation_id IS NULL AND (%s OR %s IS NOT NULL))) WITH CHECK (%s)',
                     predicate, system_scope, own, predicate);
    ELSIF t.cmd = 'SELECT' THEN
      EXECUTE format('ALTER POLICY dw_organisation ON %I.%I USING (%s)', t.schema_name, t.table_name, predicate);
    ELSE
      EXECUTE format('ALTER POLICY dw_organisation ON %I.%I USING (%s) WITH CHECK (%s)', t.schema_name, t.table_name, predicate, predicate);
    END IF;
  END LOOP;
END $$;
