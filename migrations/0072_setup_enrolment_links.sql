-- The first accounts of an organisation (issue 14, "One gate": `dossierwijzer setup-organisation`).
--
-- An enrolment link names the employee who made it (0052: `created_by` NOT NULL, referencing org.employees), and a
-- privileged role needs a second person's approval. A new organisation has neither an employee to make its first
-- links nor a manager or privacy officer to approve its first administrator. The set-up command is that first
-- actor: a system actor, not an employee. Its links do not name an employee; they name the operator who ran the
-- command (`--by`), as the command's rows in the hash-chained access log do.
--
-- Why a column of its own rather than a placeholder employee: a "system" row in org.employees would be an account
-- (a user name, a role, rows in every list of employees) that nobody may log in to and that every query on
-- employees would have to leave out; and a NULL `created_by` with nothing beside it would say only that the maker
-- is unknown. `created_by_setup` says who, and the CHECKs keep the two kinds of link apart: a link is made by an
-- employee or by the set-up, never both and never neither, and a set-up link is always for a new account.
ALTER TABLE org.enrolment_links ALTER COLUMN created_by DROP NOT NULL;
ALTER TABLE org.enrolment_links ADD COLUMN created_by_setup text;
COMMENT ON COLUMN org.enrolment_links.created_by_setup IS
  'The operator who ran `dossierwijzer setup-organisation` (its --by), for the first accounts of an organisation; NULL for a link an employee made (created_by).';
ALTER TABLE org.enrolment_links
  ADD CONSTRAINT enrolment_links_one_maker CHECK ((created_by IS NULL) = (created_by_setup IS NOT NULL)),
  ADD CONSTRAINT enrolment_links_setup_named CHECK (created_by_setup IS NULL OR length(btrim(created_by_setup)) > 0),
  ADD CONSTRAINT enrolment_links_setup_new_account CHECK (created_by_setup IS NULL OR kind = 'new-account');
