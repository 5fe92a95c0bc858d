-- Issue 18 item 4: a server may keep a resolved session for a few seconds (DW_SESSION_CACHE_MS, src/auth/session-cache.ts)
-- instead of asking org.sessions on every request. That must not weaken "log-out ends the session at once" across
-- server processes, so every change that can end or narrow a session announces itself on the channel dw_sessions,
-- delivered to every listening server when the changing transaction commits (never before, never if it rolls back):
-- a session ended, changed or deleted (log-out, end of all sessions, expiry set by hand), and an employee changed
-- (disabled, role or role approval, name, organisation). The payload is the employee's id; a server drops what it
-- kept of that employee's sessions. A server that loses its listening connection stops using its cache until it
-- listens again.
CREATE FUNCTION org.notify_session_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('dw_sessions', coalesce(OLD.employee_id::text, ''));
  ELSE
    PERFORM pg_notify('dw_sessions', OLD.id::text);
  END IF;
  RETURN NULL;
END;
$$;

-- Refreshing last_seen_at (every 30 s of use) narrows nothing and stays silent; setting it back (idle) does not.
CREATE TRIGGER sessions_notify_change AFTER UPDATE ON org.sessions
  FOR EACH ROW WHEN (OLD.ended_at IS DISTINCT FROM NEW.ended_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
                     OR OLD.employee_id IS DISTINCT FROM NEW.employee_id OR OLD.token_hash IS DISTINCT FROM NEW.token_hash
                     OR NEW.last_seen_at < OLD.last_seen_at)
  EXECUTE FUNCTION org.notify_session_change();
CREATE TRIGGER sessions_notify_delete AFTER DELETE ON org.sessions
  FOR EACH ROW EXECUTE FUNCTION org.notify_session_change();
CREATE TRIGGER employees_notify_change AFTER UPDATE OR DELETE ON org.employees
  FOR EACH ROW EXECUTE FUNCTION org.notify_session_change();
-- TRUNCATE takes every session: tell the servers to drop all they kept.
CREATE FUNCTION org.notify_sessions_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dw_sessions', '*');
  RETURN NULL;
END;
$$;
CREATE TRIGGER sessions_notify_truncate AFTER TRUNCATE ON org.sessions
  FOR EACH STATEMENT EXECUTE FUNCTION org.notify_sessions_truncated();
