/**
 * `dossierwijzer rotate-master-key` end to end on the configured database (a
 * PGlite data folder, or a scratch database on the server when DATABASE_URL
 * is set), including the crash test of issue 13 part 12, done like the
 * retention sweep's: the command runs as a child process in batches of 50
 * with a pause after each committed batch, is killed with SIGKILL after the
 * first, and is run again. At no moment is a value lost (each opens with the
 * old or the new key), the server refuses to start in between, and at the end
 * every value opens with the new key and the data keys are the same keys (the
 * entries they seal still decrypt).
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { decryptJson, encryptJson, newDataKey, unwrapDataKey, wrapDataKey } from '../crypto/envelope.js';
import { assertMasterKeyFits } from '../crypto/master-key.js';
import { keyFingerprint, SEALED_UNDER_MASTER_KEY, verifyAllOpen } from '../crypto/master-key-rotation.js';
import type { Database } from '../db/database.js';
import { openMigratedPglite, pgliteDir } from '../db/open-database.js';
import { SYSTEM_SCOPE, withDefaultScope } from '../db/organisation-scope.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createScratchDatabase, type ScratchDatabase } from '../db/scratch-database.js';

const CLIENTS = 300;
const dataDir = mkdtempSync(path.join(tmpdir(), 'dw-rotate-cli-'));
const oldKeyFile = path.join(dataDir, 'master.key');
const newKeyFile = path.join(dataDir, 'new.key');
const serverUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
const COMMAND = path.resolve(import.meta.dirname, 'rotate-master-key-command.ts');
const oldKey = randomBytes(32);
const newKey = randomBytes(32);
let scratch: ScratchDatabase | undefined;
let env: NodeJS.ProcessEnv;
/** One client's data key and an entry sealed under it, to prove the data key survives the rotation unchanged. */
const probe: { clientId: string; entryId: string; dataKey: Buffer } = { clientId: '', entryId: '', dataKey: Buffer.alloc(0) };

async function asOwner<T>(work: (owner: Database) => Promise<T>): Promise<T> {
  const owner = scratch?.url === undefined ? await openPglite(pgliteDir({ dataDir })) : openPostgres(scratch.url, { maxConnections: 1 });
  try {
    return await work(owner);
  } finally {
    await owner.close();
  }
}

/** How many values (of every column sealed under the master key) open with the old key, with the new one, with neither. */
async function keyState(db: Database): Promise<{ old: number; new: number; neither: number }> {
  const underOld = await verifyAllOpen(db, oldKey, 1000);
  const underNew = await verifyAllOpen(db, newKey, 1000);
  const missingNew = new Set(underNew.unopenable.map((u) => `${u.table}:${u.key}`));
  return { old: underOld.opened, new: underNew.opened, neither: underOld.unopenable.filter((u) => missingNew.has(`${u.table}:${u.key}`)).length };
}

type ChildResult = { out: string; err: string; signal: NodeJS.Signals | null; code: number | null };

function runChild(args: string[], killAfter: RegExp | false, extraEnv: NodeJS.ProcessEnv = {}): Promise<ChildResult> {
  const script = `const { runnerImport } = await import('vite');
const { module } = await runnerImport(${JSON.stringify(COMMAND)});
process.exitCode = await module.rotateMasterKeyCommand(${JSON.stringify(args)});`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...env, ...extraEnv }, cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killing = false;
    const watch = (): void => {
      if (killAfter === false || killing || !killAfter.test(out + err)) return;
      killing = true;
      // The command pauses after each committed batch (DW_TEST_PAUSE_AFTER_BATCH): the kill lands between batches.
      child.kill('SIGKILL');
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      watch();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      watch();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ out, err, signal, code }));
  });
}

beforeAll(async () => {
  let db: Database;
  if (serverUrl === undefined) {
    // The fixtures span the organisation as the CLI does (system scope; row-level security, 0056); a scratch database on the server has it by default.
    db = withDefaultScope((await openMigratedPglite(pgliteDir({ dataDir }))).db, SYSTEM_SCOPE);
  } else {
    scratch = await createScratchDatabase(serverUrl, 'dw_test');
    db = scratch.db;
  }
  const [org] = await db.query<{ id: string }>(`INSERT INTO org.organisations (name) VALUES ('Sleutelwissel BV') RETURNING id`);
  const employees = [randomUUID(), randomUUID()];
  for (const [i, id] of employees.entries()) {
    await db.query(
      `INSERT INTO org.employees (id, organisation_id, username, display_name, function_title, role, totp_secret, totp_enrolled_at)
       VALUES ($1, $2, $3, 'Medewerker', 'Jeugdzorgwerker', 'care-professional', $4, now())`,
      [id, org!.id, `rotate.${i}`, encryptJson(oldKey, { secret: `SECRET${i}` }, `totp:${id}`)]);
  }
  await db.query(
    `INSERT INTO org.login_challenges (id_hash, employee_id, kind, pending_secret, created_at, expires_at) VALUES ($1, $2, 'enrol', $3, now(), now() + interval '5 minutes')`,
    [randomBytes(32), employees[1], encryptJson(oldKey, { secret: 'PENDING' }, `totp-pending:${employees[1]!}`)]);
  // Clients with a data key wrapped under the old master key, and one entry each sealed under that data key.
  const clientIds = Array.from({ length: CLIENTS }, () => randomUUID());
  const dataKeys = clientIds.map(() => newDataKey());
  await db.query(
    `INSERT INTO formal.clients (id, organisation_id, family_name, given_names, birth_date, gender, street_address, postcode, town, created_by, created_at)
     SELECT id, $1, 'Client', 'Test', '2010-01-01', 'unknown', 'Straat 1', '1000 AA', 'Amsterdam', $2, now() FROM unnest($3::uuid[]) AS id`,
    [org!.id, employees[0], clientIds]);
  await db.query(`INSERT INTO care.client_keys (client_id, wrapped_key) SELECT id::uuid, decode(k, 'hex') FROM unnest($1::text[], $2::text[]) AS t(id, k)`,
    [clientIds, clientIds.map((id, i) => wrapDataKey(oldKey, dataKeys[i]!, id).toString('hex'))]);
  await db.query(`INSERT INTO care.dossiers (client_id, holder_id, care_started_on, created_at) SELECT id, $1, '2024-01-01', now() FROM unnest($2::uuid[]) AS id`, [employees[0], clientIds]);
  probe.clientId = clientIds[CLIENTS - 1]!;
  probe.dataKey = dataKeys[CLIENTS - 1]!;
  probe.entryId = randomUUID();
  await db.query(`INSERT INTO care.entries (id, client_id, kind, author_id, recorded_at, source_kind, ciphertext) VALUES ($1, $2, 'plan', $3, now(), 'client', $4)`,
    [probe.entryId, probe.clientId, employees[0], encryptJson(probe.dataKey, { title: 'Plan', text: 'Geheimeweg 12', source: null }, `entry:${probe.entryId}`)]);
  // A family key and the registers under the master key.
  const familyId = randomUUID();
  await db.query(`INSERT INTO formal.families (id, organisation_id, name, created_by, created_at) VALUES ($1, $2, 'Gezin', $3, now())`, [familyId, org!.id, employees[0]]);
  await db.query('INSERT INTO care.family_keys (family_id, wrapped_key) VALUES ($1, $2)', [familyId, wrapDataKey(oldKey, newDataKey(), `family:${familyId}`)]);
  const complaintId = randomUUID();
  await db.query(`INSERT INTO org.complaints (id, organisation_id, received_on, content, recorded_by, recorded_at) VALUES ($1, $2, current_date, $3, $4, now())`,
    [complaintId, org!.id, encryptJson(oldKey, { text: 'klacht' }, `register:complaint:${complaintId}`), employees[0]]);
  const incidentId = randomUUID();
  await db.query(
    `INSERT INTO org.incidents (id, organisation_id, kind, occurred_on, content, inspectorate_report_required, recorded_by, recorded_at)
     VALUES ($1, $2, 'incident', current_date, $3, false, $4, now())`,
    [incidentId, org!.id, encryptJson(oldKey, { text: 'incident' }, `register:incident:${incidentId}`), employees[0]]);
  const prospectiveId = randomUUID();
  await db.query(
    `INSERT INTO org.prospective_clients (id, organisation_id, registered_on, content, keep_until, recorded_by, recorded_at) VALUES ($1, $2, current_date, $3, current_date + 180, $4, now())`,
    [prospectiveId, org!.id, encryptJson(oldKey, { name: 'aanmelding' }, `register:prospective-client:${prospectiveId}`), employees[0]]);
  const breachId = randomUUID();
  await db.query(
    `INSERT INTO org.data_breaches (id, organisation_id, status, discovered_at, risk, content, created_by) VALUES ($1, $2, 'open', now(), 'risk', $3, $4)`,
    [breachId, org!.id, encryptJson(oldKey, { description: 'lek' }, `data-breach:${breachId}`), employees[0]]);
  if (scratch === undefined) await db.close();
  await writeFile(oldKeyFile, `${oldKey.toString('base64')}\n`, { mode: 0o600 });
  await writeFile(newKeyFile, `${newKey.toString('base64')}\n`, { mode: 0o600 });
  env = { ...process.env, DW_DATA_DIR: dataDir, DATABASE_URL: scratch?.url ?? '', DW_MASTER_KEY: '', DW_MASTER_KEY_FILE: oldKeyFile, DW_DEMO: 'false' };
  vi.stubEnv('DW_DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', scratch?.url ?? '');
  vi.stubEnv('DW_MASTER_KEY', '');
  vi.stubEnv('DW_MASTER_KEY_FILE', oldKeyFile);
}, 180_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await scratch?.drop();
});

const TOTAL = CLIENTS + 2 + 1 + 1 + 1 + 1 + 1 + 1; // client keys, TOTP, pending TOTP, family key, complaint, incident, prospective client, breach

describe('dossierwijzer rotate-master-key', () => {
  it('refuses, changing nothing, when the configured key is not the one the data are under', async () => {
    const wrong = path.join(dataDir, 'wrong.key');
    await writeFile(wrong, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    vi.stubEnv('DW_MASTER_KEY_FILE', wrong);
    const { code, err } = await runCli(['rotate-master-key', '--new-key-file', newKeyFile]);
    vi.stubEnv('DW_MASTER_KEY_FILE', oldKeyFile);
    expect(code).toBe(2);
    expect(err).toMatch(/^Cannot rotate: the configured master key \([0-9a-f]{16}\) does not open the stored client data keys, nor does the new key/);
    await asOwner(async (db) => {
      expect(await keyState(db)).toEqual({ old: TOTAL, new: 0, neither: 0 });
      expect(Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM care.master_key_rotations'))[0]!.n)).toBe(0);
    });
  });

  it('refuses a new key file that others can read', async () => {
    const open = path.join(dataDir, 'open.key');
    await writeFile(open, `${randomBytes(32).toString('base64')}\n`);
    await chmod(open, 0o644);
    const { code, err } = await runCli(['rotate-master-key', '--new-key-file', open]);
    expect(code).toBe(2);
    expect(err).toMatch(/^Configuration error: het bestand met de hoofdsleutel .*open\.key is leesbaar voor anderen .*chmod 600/);
  });

  it('killed with SIGKILL mid-run: nothing lost, the server refuses to start; run again: every value under the new key, verified', async () => {
    const killed = await runChild(['--new-key-file', newKeyFile, '--batch-size', '50'], /progress client data keys 50\//, { DW_TEST_PAUSE_AFTER_BATCH: '20000' });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.out).toContain(`Starting the rotation of the master key ${keyFingerprint(oldKey)} → ${keyFingerprint(newKey)}.`);
    await asOwner(async (db) => {
      // The first batch was committed, the rest not yet; every value opens with one of the two keys.
      expect(await keyState(db)).toEqual({ old: TOTAL - 50, new: 50, neither: 0 });
      // The server refuses to start with either key while the rotation is unfinished.
      await expect(assertMasterKeyFits(db, oldKey)).rejects.toThrow(/het vervangen van de hoofdsleutel is op \d+ \w+ \d{4} begonnen en niet afgemaakt.*Finish it first/);
      await expect(assertMasterKeyFits(db, newKey)).rejects.toThrow(/niet afgemaakt/);
    });

    const rerun = await runChild(['--new-key-file', newKeyFile, '--batch-size', '50'], false);
    expect(rerun.code).toBe(0);
    expect(rerun.out).toContain('Resuming the rotation');
    expect(rerun.out).toContain(
      `Master key rotated: ${TOTAL - 50} values rewrapped in this run (50 were already under the new key); all ${TOTAL} verified to open with the new key`);
    expect(rerun.out).toMatch(/Next steps:\n {2}1\. Replace the key file: install .*new\.key as .*master\.key \(mode 0600\)/);
    expect(rerun.out).toMatch(/Keep the old key \([0-9a-f]{16}\).*until every backup made before this rotation/);
    expect(rerun.out).toContain('checkpoints file is not affected');
    expect(rerun.err).toMatch(/progress data breaches 1\/1/);
    await asOwner(async (db) => {
      expect(await keyState(db)).toEqual({ old: 0, new: TOTAL, neither: 0 });
      // The data keys were rewrapped, not replaced: an entry sealed before the rotation still opens.
      const [row] = await db.query<{ wrapped_key: Buffer }>('SELECT wrapped_key FROM care.client_keys WHERE client_id = $1', [probe.clientId]);
      const dataKey = unwrapDataKey(newKey, row!.wrapped_key, probe.clientId);
      expect(dataKey.equals(probe.dataKey)).toBe(true);
      const [entry] = await db.query<{ ciphertext: Buffer }>('SELECT ciphertext FROM care.entries WHERE id = $1', [probe.entryId]);
      expect(decryptJson(dataKey, entry!.ciphertext, `entry:${probe.entryId}`)).toMatchObject({ text: 'Geheimeweg 12' });
      // The server starts with the new key, and refuses the retired one by name.
      await assertMasterKeyFits(db, newKey);
      await expect(assertMasterKeyFits(db, oldKey)).rejects.toThrow(
        new RegExp(`deze hoofdsleutel \\(${keyFingerprint(oldKey)}\\) is op \\d+ \\w+ \\d{4} vervangen door sleutel ${keyFingerprint(newKey)}`));
    });
    // The new key file was only read; the old one is still there for the operator to retire.
    expect((await readFile(newKeyFile, 'utf8')).trim()).toBe(newKey.toString('base64'));
  }, 180_000);

  it('covers every column sealed directly under the master key: each bytea column is either rotated or known to be something else', async () => {
    // Sealed under a client's or family's data key (destroyed with it), or a hash: no master key involved.
    const notUnderMasterKey = new Set([
      'audit.access_log.prev_hash', 'audit.access_log.row_hash', 'care.competence_assessments.expert_consulted_ciphertext', 'care.competence_assessments.facts_ciphertext', 'care.drafts.ciphertext', 'care.emergency_summaries.ciphertext',
      'care.entries.ciphertext', 'care.entry_annotations.ciphertext', 'care.family_entries.ciphertext', 'care.shieldings.lift_reason_ciphertext',
      'care.shieldings.reason_ciphertext', 'care.work_notes.ciphertext', 'org.consents.content_ciphertext', 'org.download_links.code_hash',
      'org.download_links.document', 'org.download_links.token_hash', 'org.enrolment_links.token_hash', 'org.emergency_accesses.reason_ciphertext', 'org.requests.extension_reasons_ciphertext',
      'org.retention_extensions.reason_ciphertext',
      'org.emergency_accesses.review_note_ciphertext', 'org.login_challenges.id_hash', 'org.login_throttle.key_hash',
      'org.objections.processing_ciphertext', 'org.processing_restrictions.end_reason_ciphertext', 'org.recovery_codes.code_hash',
      'org.requests.consent_reference_ciphertext', 'org.requests.decision_reasons_ciphertext', 'org.requests.details_ciphertext',
      'org.retention_reviews.hold_reason_ciphertext', 'org.sessions.token_hash',
      // The portal (issue 19): messages' attachments, release reasons and own statements under the client's key; link, session and challenge hashes.
      'care.message_attachments.ciphertext', 'care.portal_releases.reason_ciphertext', 'org.requests.statement_ciphertext',
      'org.portal_invitations.token_hash', 'org.portal_login_challenges.id_hash', 'org.portal_sessions.token_hash',
    ]);
    const rotated = new Set(SEALED_UNDER_MASTER_KEY.map((c) => `${c.table}.${c.column}`));
    const columns = await asOwner((db) => db.query<{ c: string }>(
      `SELECT table_schema || '.' || table_name || '.' || column_name AS c FROM information_schema.columns
        WHERE data_type = 'bytea' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`));
    const unclassified = columns.map((r) => r.c).filter((c) => !rotated.has(c) && !notUnderMasterKey.has(c));
    // A new bytea column: if it is sealed under the master key, add it to SEALED_UNDER_MASTER_KEY; otherwise to the list above.
    expect(unclassified).toEqual([]);
    expect([...rotated].filter((c) => !columns.some((r) => r.c === c))).toEqual([]);
  });
});
