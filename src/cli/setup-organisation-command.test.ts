/**
 * `dossierwijzer setup-organisation` end to end, in process, on a fresh
 * database (a PGlite data folder, or a scratch database on the server when
 * DATABASE_URL is set): the command prints one link per account and never a
 * password, a second run is refused with nothing changed, and `verify-log`
 * passes on the checkpoint the command wrote. The enrolment through HTTP and
 * the four-eyes approvals are in organisation/organisation-setup.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import type { Database } from '../db/database.js';
import { pgliteDir } from '../db/open-database.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createScratchDatabase, type ScratchDatabase } from '../db/scratch-database.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'dw-setup-organisation-'));
const serverUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
let scratch: ScratchDatabase | undefined;
const file = path.join(dataDir, 'setup.json');

/** The database as its owner, to look at what the command left. */
async function asOwner<T>(work: (owner: Database) => Promise<T>): Promise<T> {
  const owner = scratch?.url === undefined ? await openPglite(pgliteDir({ dataDir })) : openPostgres(scratch.url, { maxConnections: 1 });
  try {
    return await work(owner);
  } finally {
    await owner.close();
  }
}

async function counts(): Promise<{ organisations: number; employees: number; links: number; log: number }> {
  return asOwner(async (owner) => (await owner.query<{ organisations: number; employees: number; links: number; log: number }>(
    `SELECT (SELECT count(*)::int FROM org.organisations) AS organisations, (SELECT count(*)::int FROM org.employees) AS employees,
            (SELECT count(*)::int FROM org.enrolment_links) AS links, (SELECT count(*)::int FROM audit.access_log) AS log`))[0]!);
}

beforeAll(async () => {
  if (serverUrl !== undefined) scratch = await createScratchDatabase(serverUrl, 'dw_test');
  vi.stubEnv('DW_DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', scratch?.url ?? '');
  vi.stubEnv('DW_DEMO', 'false');
  vi.stubEnv('DW_PUBLIC_URL', 'https://dossier.example.nl');
  await writeFile(file, JSON.stringify({
    organisation: { name: 'Jeugdhulp Zuid' },
    accounts: [
      { username: 'b.beheer', displayName: 'Bram Beheer', functionTitle: 'Functioneel beheerder', role: 'application-administrator' },
      { username: 'f.privacy', displayName: 'Fenna Privacy', functionTitle: 'Functionaris gegevensbescherming', role: 'privacy-officer' },
      { username: 'l.leiding', displayName: 'Lotte Leiding', functionTitle: 'Teamleider', role: 'manager' },
    ],
  }));
}, 120_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await scratch?.drop();
});

describe('dossierwijzer setup-organisation', () => {
  it('refuses without --by, and without the three roles, changing nothing', async () => {
    const noBy = await runCli(['setup-organisation', '--file', file]);
    expect(noBy.code).toBe(2);
    expect(noBy.err).toMatch(/^Name who runs the set-up: --by/);
    const noManager = await runCli(['setup-organisation', '--by', 'Piet', '--name', 'Jeugdhulp Oost',
      '--administrator', 'a.b|A B|Beheerder', '--privacy-officer', 'c.d|C D|FG']);
    expect(noManager.code).toBe(1);
    expect(noManager.err).toMatch(/at least one manager/);
    const badAccount = await runCli(['setup-organisation', '--by', 'Piet', '--name', 'X', '--manager', 'alleen-een-naam']);
    expect(badAccount.code).toBe(2);
    expect(badAccount.err).toMatch(/username\|display name\|function title/);
  }, 120_000);

  it('creates the organisation and its accounts, prints a link per account and no password, and verify-log passes', async () => {
    const { code, out, err } = await runCli(['setup-organisation', '--by', 'Piet de Installateur', '--file', file]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Organisation "Jeugdhulp Zuid" set up with 3 account\(s\)\./);
    for (const who of ['Bram Beheer (b.beheer, application-administrator)', 'Fenna Privacy (f.privacy, privacy-officer)', 'Lotte Leiding (l.leiding, manager)']) {
      expect(out).toContain(who);
    }
    expect(out.match(/https:\/\/dossier\.example\.nl\/inschrijven#[A-Za-z0-9_-]{43}\n/g)).toHaveLength(3);
    expect(out).not.toMatch(/wachtwoord|password:/i);
    expect(out).toMatch(/Access log: 3 row\(s\) written, checkpoint at row 3 in /);
    const rows = await asOwner((owner) => owner.query<{ employee_role: string; route: string; purpose: string }>(
      'SELECT employee_role, route, purpose FROM audit.access_log ORDER BY seq'));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ employee_role: 'system', route: 'cli setup-organisation', purpose: expect.stringMatching(/^create-account employee=\S+ role=\S+ by=Piet%20de%20Installateur$/) });
    }
    const verified = await runCli(['verify-log']);
    expect(verified.err).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.out).toMatch(/^Access log intact: 3 rows verified/);
  }, 120_000);

  it('a second run is refused and changes nothing', async () => {
    const before = await counts();
    expect(before).toMatchObject({ organisations: 1, employees: 3, links: 3, log: 3 });
    const again = await runCli(['setup-organisation', '--by', 'Piet de Installateur', '--file', file]);
    expect(again.code).toBe(1);
    expect(again.out).toBe('');
    expect(again.err).toBe('Refused: The organisation "Jeugdhulp Zuid" already has 3 account(s); nothing changed. '
      + 'Its application administrator makes further accounts in Dossierwijzer (Beheer).\n');
    expect(await counts()).toEqual(before);
  }, 120_000);
});
