-- What /health/ready needs from the database as the application role:
--   ops.health_probe  one row the probe updates in its own transaction, so "a commit succeeds" is a real
--                     commit that writes WAL (and waits for a synchronous standby when one is configured):
--                     a read-only transaction commits without either and would stay green while every
--                     write hangs.
--   schema_migrations read, to answer whether the database runs exactly the migrations this server knows.
CREATE SCHEMA IF NOT EXISTS ops;
GRANT USAGE ON SCHEMA ops TO dossierwijzer_app;
CREATE TABLE IF NOT EXISTS ops.health_probe (
  id smallint PRIMARY KEY CHECK (id = 1),
  probed_at timestamptz NOT NULL
);
INSERT INTO ops.health_probe (id, probed_at) VALUES (1, now()) ON CONFLICT (id) DO NOTHING;
GRANT SELECT, UPDATE ON ops.health_probe TO dossierwijzer_app;
GRANT SELECT ON public.schema_migrations TO dossierwijzer_app;
