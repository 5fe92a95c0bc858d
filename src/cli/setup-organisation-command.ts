/**
 * `dossierwijzer setup-organisation`: creates an organisation and its first
 * accounts — at least one application administrator, privacy officer and
 * manager — each with a one-time enrolment link, printed once
 * (organisation/organisation-setup.ts says why those three and how it is
 * logged). Run once per organisation, on the server, by the operator who
 * installs it; a second run for an organisation that has accounts changes
 * nothing and says why. After the set-up it writes an access-log checkpoint
 * (access/log-checkpoints.ts), so its rows are pinned before the server runs.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { writeCheckpoint } from '../access/log-checkpoints.js';
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/open-database.js';
import { SYSTEM_SCOPE, withDefaultScope } from '../db/organisation-scope.js';
import { EmployeeRole } from '../organisation/employee-roles.js';
import { checkSetupInput, setUpOrganisation, SetupRefused, type SetupAccount } from '../organisation/organisation-setup.js';
import type { Command } from './command.js';

const usage = `Usage: dossierwijzer setup-organisation --by "OPERATOR" --file setup.json
       dossierwijzer setup-organisation --by "OPERATOR" --name "ORGANISATION"
           --administrator "USERNAME|DISPLAY NAME|FUNCTION TITLE"
           --privacy-officer "USERNAME|DISPLAY NAME|FUNCTION TITLE"
           --manager "USERNAME|DISPLAY NAME|FUNCTION TITLE"

Creates the organisation and its first accounts: at least one application
administrator, one privacy officer and one manager (a privileged role is later
approved only by a manager or the privacy officer, never by the administrator
who asked). Each account gets a one-time enrolment link (valid 72 hours) that
is printed once: hand it to its employee, who sets their own password and
second factor. No password is made or shown. The accounts are logged in the
access log as made by the set-up, with the operator's name.

Refused, with nothing changed, when the organisation already has accounts.

  --by NAME                 who runs the set-up (required; in the access log)
  --file FILE               JSON: {"organisation":{"name":"…"},"accounts":[{"username":"…",
                            "displayName":"…","functionTitle":"…","role":"application-administrator"},…]}
  --name NAME               the organisation's name (without --file)
  --administrator, --privacy-officer, --manager, --care-professional ACCOUNT
                            an account "username|display name|function title" (repeatable)
  -h, --help                this text

Exit status: 0 created, 1 refused (nothing changed), 2 usage or configuration errors.
`;

class UsageError extends Error {}

const FLAG_ROLES = {
  'administrator': EmployeeRole.applicationAdministrator,
  'privacy-officer': EmployeeRole.privacyOfficer,
  'manager': EmployeeRole.manager,
  'care-professional': EmployeeRole.careProfessional,
} as const;

function accountOf(value: string, role: EmployeeRole): SetupAccount {
  const parts = value.split('|').map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => p === '')) throw new UsageError(`An account is "username|display name|function title", got "${value}".`);
  const [username, displayName, functionTitle] = parts as [string, string, string];
  return { username, displayName, functionTitle, role };
}

async function inputOf(args: string[]): Promise<{ by: string | undefined; input: unknown } | 'help'> {
  const { values } = parseArgs({
    args, strict: true, allowPositionals: false,
    options: {
      'help': { type: 'boolean', short: 'h' }, 'by': { type: 'string' }, 'file': { type: 'string' }, 'name': { type: 'string' },
      'administrator': { type: 'string', multiple: true }, 'privacy-officer': { type: 'string', multiple: true },
      'manager': { type: 'string', multiple: true }, 'care-professional': { type: 'string', multiple: true },
    },
  });
  if (values.help === true) return 'help';
  const flagged = Object.entries(FLAG_ROLES).flatMap(([flag, role]) => (values[flag as keyof typeof FLAG_ROLES] ?? []).map((v) => accountOf(v, role)));
  if (values.file !== undefined) {
    if (values.name !== undefined || flagged.length > 0) throw new UsageError('Give either --file or --name with the account flags, not both.');
    let text: string;
    try {
      text = await readFile(values.file, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read ${values.file}: ${(error as Error).message}`);
    }
    try {
      return { by: values.by, input: JSON.parse(text) as unknown };
    } catch (error) {
      throw new UsageError(`${values.file} is not JSON: ${(error as Error).message}`);
    }
  }
  if (values.name === undefined) throw new UsageError('Give --file, or --name with the account flags.');
  return { by: values.by, input: { organisation: { name: values.name }, accounts: flagged } };
}

export const setupOrganisationCommand: Command = async (args) => {
  let by: string | undefined;
  let input: unknown;
  try {
    const parsed = await inputOf(args);
    if (parsed === 'help') {
      process.stdout.write(usage);
      return 0;
    }
    ({ by, input } = parsed);
    if (by === undefined || by.trim() === '') throw new UsageError('Name who runs the set-up: --by "Your name".');
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage}`);
    return 2;
  }
  try {
    checkSetupInput(input);
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    process.stderr.write(`Refused: ${error.message}\n`);
    return 1;
  }
  const config = loadConfig();
  // The organisation does not exist yet: the set-up runs in the system scope (row-level security, migration 0056).
  const db = withDefaultScope((await openDatabase(config)).db, SYSTEM_SCOPE);
  try {
    const result = await setUpOrganisation(db, input, { operator: by, now: new Date(), publicUrl: config.publicUrl });
    // Pin the set-up's log rows at once, as `verify-log --checkpoint` does: the server may not run for a while yet.
    const checkpoint = await writeCheckpoint(db, config.logCheckpointFile, new Date());
    const lines = [`Organisation "${result.organisationName}" set up with ${result.accounts.length} account(s).`, ''];
    for (const account of result.accounts) {
      lines.push(`${account.displayName} (${account.username}, ${account.role})`, `  ${account.enrolment.url}`, `  valid until ${account.enrolment.expiresAt}`, '');
    }
    lines.push('Hand each link to its own employee only. The links are shown once and work once; they are not stored.',
      'When one expires, the application administrator makes a new one (Beheer, "Account resetten").',
      `Access log: ${result.accounts.length} row(s) written, checkpoint at row ${checkpoint.seq} in ${config.logCheckpointFile}.`, '');
    process.stdout.write(lines.join('\n'));
    return 0;
  } catch (error) {
    if (!(error instanceof SetupRefused)) throw error;
    process.stderr.write(`Refused: ${error.message}\n`);
    return 1;
  } finally {
    await db.close();
  }
};
