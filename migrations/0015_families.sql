-- Family dossiers (issue 7 part 6; 003 §2.3.4): a family part — what
-- concerns the family as a whole — linked to the members' own dossiers, which
-- stay separate and are authorised one by one. The family part has its own
-- data key, so destroying one member's dossier leaves it, and it never
-- enters a member's inspection or copy.
CREATE TABLE formal.families (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  name text NOT NULL,
  created_by uuid NOT NULL REFERENCES org.employees(id),
  created_at timestamptz NOT NULL
);

CREATE TABLE formal.family_members (
  family_id uuid NOT NULL REFERENCES formal.families(id),
  -- No foreign key: a member's dossier may be destroyed on its own terms; the link then points nowhere.
  client_id uuid NOT NULL,
  added_at timestamptz NOT NULL,
  PRIMARY KEY (family_id, client_id)
);
CREATE INDEX family_members_client ON formal.family_members (client_id);

CREATE TABLE care.family_keys (
  family_id uuid PRIMARY KEY REFERENCES formal.families(id),
  wrapped_key bytea NOT NULL
);

-- Entries of the family part: append-only like a client's entries.
CREATE TABLE care.family_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id uuid NOT NULL REFERENCES formal.families(id),
  kind text NOT NULL,
  ciphertext bytea NOT NULL,
  author_id uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX family_entries_family ON care.family_entries (family_id, recorded_at DESC);
CREATE TRIGGER family_entries_append_only BEFORE UPDATE OR DELETE ON care.family_entries
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER family_entries_no_truncate BEFORE TRUNCATE ON care.family_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

GRANT SELECT, INSERT ON formal.families, formal.family_members, care.family_keys, care.family_entries TO dossierwijzer_app;
