/**
 * Setting up an organisation and its first accounts (`dossierwijzer
 * setup-organisation`, issue 14 "One gate"): the way out of a chicken-and-egg
 * problem. Accounts are made by the application administrator, whose links
 * name them (`org.enrolment_links.created_by`), and a privileged role waits for
 * a manager or the privacy officer to approve it (role-grant-rule.ts). A new
 * organisation has none of them, so the first ones are made here, by the
 * system, on the operator's word (`--by`), in one transaction:
 *
 * - the organisation (its name is all that org.organisations and the letters
 *   headed with it hold);
 * - at least one application administrator, one privacy officer and one
 *   manager, each with their role in effect at once. Why the three: the four-eyes
 *   rule (NEN 7510-2 A.6.1.2 segregation of duties) lets only a manager or the
 *   privacy officer approve a privileged role, never the administrator who asked
 *   for it. Were the set-up to make only an administrator, every later manager
 *   or privacy officer would wait for an approver who can never exist; were it
 *   to let the administrator approve "just the first time", the puppet of issue
 *   14 would be back. So the pair who approve exists from the start, beside the
 *   administrator who asks, and from then on the ordinary rule holds;
 * - a one-time enrolment link per account, the same link and expiry as the
 *   administrator's "new account" (enrolment.ts): the employee sets their own
 *   password and second factor at `/inschrijven`. Nobody, the operator included,
 *   learns or sets a password (NEN 7510-2 A.9.2.4);
 * - a row per account made in the hash-chained access log, written by the gate
 *   (`enterSetup`): no employee, role `system`, the operator by name.
 *
 * An organisation that has accounts already is refused, with nothing changed:
 * from then on its own administrator makes accounts, in the application.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { enterSetup } from '../access/gate-administration.js';
import type { Database } from '../db/database.js';
import { OneOf } from '../http/schema-helpers.js';
import { AdministrationAct } from './administration-acts.js';
import { EMPLOYEE_ROLES, EmployeeRole } from './employee-roles.js';
import { ENROLMENT_LINK_HOURS, ENROLMENT_PAGE } from './enrolment.js';
import { createFirstAccount, organisationToSetUp, storeSetupEnrolmentLink, usernamesTaken } from './employee-store.js';

/** The roles a set-up must make at least one account of: who asks for privileged roles, and the two who may approve them. */
export const SETUP_REQUIRED_ROLES: readonly EmployeeRole[] = [EmployeeRole.applicationAdministrator, EmployeeRole.privacyOfficer, EmployeeRole.manager];

const Text = Type.String({ minLength: 1, maxLength: 200 });

/** One first account, as the set-up file (or the command's flags) gives it. */
export const SetupAccount = Type.Object({
  username: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9._@-]+$' }),
  displayName: Text,
  functionTitle: Text,
  role: OneOf(EMPLOYEE_ROLES),
}, { additionalProperties: false });
export type SetupAccount = Static<typeof SetupAccount>;

/** The set-up file: `{ "organisation": { "name": … }, "accounts": [ … ] }`. */
export const SetupInput = Type.Object({
  organisation: Type.Object({ name: Text }, { additionalProperties: false }),
  accounts: Type.Array(SetupAccount, { minItems: 1, maxItems: 50 }),
}, { additionalProperties: false });
export type SetupInput = Static<typeof SetupInput>;

const setupInputValidator = Compile(SetupInput);

/** A set-up the command refuses before or instead of changing anything; its message is for the operator. */
export class SetupRefused extends Error {}

/**
 * Checks a set-up's input: its shape, one of each required role, no user name
 * twice. Throws SetupRefused naming the first problem.
 */
export function checkSetupInput(input: unknown): SetupInput {
  if (!setupInputValidator.Check(input)) {
    const first = setupInputValidator.Errors(input)[0];
    throw new SetupRefused(`Invalid set-up: ${first === undefined ? 'wrong shape' : `${first.instancePath || '/'} ${first.message}`}.`);
  }
  const missing = SETUP_REQUIRED_ROLES.filter((role) => !input.accounts.some((a) => a.role === role));
  if (missing.length > 0) {
    throw new SetupRefused(`The first accounts need at least one ${missing.join(', one ')}: only a manager or the privacy officer approves a privileged role later (four-eyes principle).`);
  }
  const seen = new Set<string>();
  for (const account of input.accounts) {
    const key = account.username.toLowerCase();
    if (seen.has(key)) throw new SetupRefused(`The user name "${account.username}" appears twice.`);
    seen.add(key);
  }
  return input;
}

/** One account made, with its link: shown once, to be handed to its employee. */
export interface SetupAccountMade {
  employeeId: string;
  username: string;
  displayName: string;
  role: EmployeeRole;
  enrolment: { url: string; expiresAt: string };
}

export interface SetupResult {
  organisationId: string;
  organisationName: string;
  accounts: SetupAccountMade[];
}

/**
 * Creates the organisation and its first accounts with their enrolment links,
 * and logs each account, in one transaction; throws SetupRefused (nothing
 * changed) when the input is wrong, the organisation already has accounts or
 * a user name is taken.
 * @example
 * await setUpOrganisation(db, { organisation: { name: 'Jeugdhulp Noord' }, accounts }, { operator: 'Piet Beheer', now: new Date(), publicUrl: undefined });
 */
export async function setUpOrganisation(
  db: Database, raw: unknown, ctx: { operator: string; now: Date; publicUrl: string | undefined },
): Promise<SetupResult> {
  const input = checkSetupInput(raw);
  const operator = ctx.operator.trim();
  if (operator === '') throw new SetupRefused('Name who runs the set-up (--by).');
  const name = input.organisation.name.trim();
  return enterSetup(db, { operator, now: ctx.now }, async (scope) => {
    const organisation = await organisationToSetUp(scope, name);
    if (organisation.accounts > 0) {
      throw new SetupRefused(`The organisation "${name}" already has ${organisation.accounts} account(s); nothing changed. `
        + 'Its application administrator makes further accounts in Dossierwijzer (Beheer).');
    }
    const taken = await usernamesTaken(scope, input.accounts.map((a) => a.username));
    if (taken.length > 0) throw new SetupRefused(`User name(s) already taken: ${taken.join(', ')}; nothing changed.`);
    const accounts: SetupAccountMade[] = [];
    for (const account of input.accounts) {
      const employeeId = await createFirstAccount(scope, organisation.id, account);
      // The same link as the administrator's new account (enrolment.ts issueEnrolmentLink): 256 random bits, only their hash stored.
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(ctx.now.getTime() + ENROLMENT_LINK_HOURS * 3_600_000);
      await storeSetupEnrolmentLink(scope, { tokenHash: createHash('sha256').update(token, 'utf8').digest(), employeeId, expiresAt });
      scope.record(organisation.id, AdministrationAct.createAccount, { employee: employeeId, role: account.role });
      const path = `${ENROLMENT_PAGE}#${token}`;
      accounts.push({
        employeeId, username: account.username, displayName: account.displayName, role: account.role,
        enrolment: { url: ctx.publicUrl === undefined ? path : `${ctx.publicUrl.replace(/\/+$/, '')}${path}`, expiresAt: expiresAt.toISOString() },
      });
    }
    return { organisationId: organisation.id, organisationName: name, accounts };
  });
}
