-- Break-the-glass for care roles only (issue 14, deliverable 4).
--
-- Which roles may open a dossier in an emergency is the organisation's
-- setting; by default care professionals (who are also the substitutes). The
-- application administrator never: that role sees no clients at all, so the
-- check below refuses it whatever the setting says. Administrative staff and
-- the privacy officer only when the organisation chooses so.
ALTER TABLE org.organisations
  ADD COLUMN emergency_access_roles text[] NOT NULL DEFAULT ARRAY['care-professional']::text[],
  ADD CONSTRAINT organisations_emergency_access_roles_known
    CHECK (emergency_access_roles <@ ARRAY['care-professional', 'intern', 'admin-staff', 'manager', 'privacy-officer']::text[]);

-- Two steps: breaking the glass opens the emergency summary (003 §2.2.8:
-- "Belangrijke informatie moet in geval van nood direct kenbaar zijn"); the
-- rest of the dossier opens only after a second, logged confirmation. The
-- role at the time of the grant decides who reviews it: a privacy officer's
-- own emergency access goes to a manager (nobody reviews their own).
ALTER TABLE org.emergency_accesses
  ADD COLUMN confirmed_at timestamptz,
  ADD COLUMN employee_role text,
  ADD CONSTRAINT emergency_accesses_confirmed_in_time CHECK (confirmed_at IS NULL OR confirmed_at >= started_at);

-- Grants made before this migration opened the whole dossier at once: they count as confirmed.
UPDATE org.emergency_accesses SET confirmed_at = started_at WHERE confirmed_at IS NULL;
UPDATE org.emergency_accesses g SET employee_role = e.role FROM org.employees e WHERE e.id = g.employee_id AND g.employee_role IS NULL;
