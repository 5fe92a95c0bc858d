/**
 * Master key rotation (issue 13 part 12): every value sealed directly under
 * the master key is opened with the old key and sealed again under the new
 * one, bound to the same place. The clients' and families' data keys are
 * rewrapped, not replaced, so nothing sealed under them changes.
 *
 * Resumable: each batch is one transaction, and a value the new key already
 * opens is skipped (AES-GCM authenticates, so "which key sealed this" needs
 * no column). A rotation is recorded (master-key-rotation-store.ts,
 * migrations/0032) from its first batch until every value was verified to
 * open under the new key; meanwhile the server refuses to start
 * (`assertMasterKeyFits`), because the values are under two keys.
 *
 * `SEALED_UNDER_MASTER_KEY` lists every such value, each column declared by
 * the module that owns its table (issue 14: one owner per table; the shape is
 * `sealed-column.ts`). A column sealed under the master key that is not
 * listed here would be lost at the next rotation:
 * `master-key-rotation.test.ts` fails on any bytea column that is neither
 * listed here nor named there as sealed under a client's key or a hash.
 */
import { createHmac } from 'node:crypto';
import { PENDING_TOTP_SECRETS } from '../auth/login-challenge-store.js';
import { BREACH_CONTENTS } from '../breaches/breach-store.js';
import { CLIENT_DATA_KEYS } from './client-key-store.js';
import type { Database, Queryable } from '../db/database.js';
import { SEALED_DISCLOSURE_RECIPIENTS } from '../disclosures/disclosure-store.js';
import { FAMILY_DATA_KEYS } from '../families/family-store.js';
import { TOTP_SECRETS } from '../organisation/employee-store.js';
import { PORTAL_TOTP_SECRETS } from '../portal/portal-account-store.js';
import { REGISTER_CONTENTS } from '../registers/register-store.js';
import { SEALED_TRANSFER_RECIPIENTS } from '../transfers/transfer-store.js';
import { opensWith, reseal } from './envelope.js';
import { recordRotation, unfinishedRotation, type Rotation } from './master-key-rotation-store.js';
import type { SealedColumn } from './sealed-column.js';

export type { SealedColumn } from './sealed-column.js';
export { finishRotation, type Rotation } from './master-key-rotation-store.js';

export const SEALED_UNDER_MASTER_KEY: readonly SealedColumn[] = [
  // The one column this module owns: the clients' data keys.
  CLIENT_DATA_KEYS,
  FAMILY_DATA_KEYS,
  TOTP_SECRETS,
  PENDING_TOTP_SECRETS,
  // A portal account's second factor (issue 19): without it the portal's users could not log in after a rotation.
  PORTAL_TOTP_SECRETS,
  ...REGISTER_CONTENTS,
  BREACH_CONTENTS,
  // The recipients of the disclosure register and the transfer records (migration 0037; retention/client-free-text.ts).
  SEALED_DISCLOSURE_RECIPIENTS,
  SEALED_TRANSFER_RECIPIENTS,
];

/**
 * A short public name for a key: HMAC-SHA-256 of a fixed label under the key,
 * 16 hex digits. Tells keys apart in the rotation record and in messages
 * without revealing anything about the key.
 */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('dossierwijzer master key fingerprint v1').digest('hex').slice(0, 16);
}

/** Records a new rotation, or returns the unfinished one when it is between the same two keys. */
export async function beginRotation(db: Queryable, oldKey: Buffer, newKey: Buffer): Promise<{ rotation: Rotation; resumed: boolean }> {
  const oldFingerprint = keyFingerprint(oldKey);
  const newFingerprint = keyFingerprint(newKey);
  const open = await unfinishedRotation(db);
  if (open !== undefined) {
    if (open.oldFingerprint === oldFingerprint && open.newFingerprint === newFingerprint) return { rotation: open, resumed: true };
    throw new RotationError(
      `an unfinished rotation from key ${open.oldFingerprint} to key ${open.newFingerprint} (started ${open.startedAt.toISOString()}) must be finished first, `
      + `with those keys; this run has old key ${oldFingerprint} and new key ${newFingerprint}`);
  }
  return { rotation: await recordRotation(db, oldFingerprint, newFingerprint), resumed: false };
}

/** A rotation that cannot go on as asked (the operator's to resolve; nothing was changed by the refusal). */
export class RotationError extends Error {}

/** A value that neither key opens: damaged, or sealed under a third key. */
export interface Unopenable {
  name: string;
  table: string;
  key: string;
}

export interface RewrapProgress {
  name: string;
  /** Values handled in this column so far (rewrapped or already under the new key). */
  done: number;
  total: number;
}

export interface RewrapResult {
  rewrapped: number;
  alreadyNew: number;
  unopenable: Unopenable[];
}

const keyText = (c: SealedColumn): string => (c.key.type === 'uuid' ? `${c.key.column}::text` : `encode(${c.key.column}, 'hex')`);
const keyFromText = (c: SealedColumn, param: string): string => (c.key.type === 'uuid' ? `${param}::uuid` : `decode(${param}, 'hex')`);

interface BatchRow {
  key: string;
  place: string;
  sealed: Buffer;
}

async function readBatch(tx: Queryable, c: SealedColumn, after: string | undefined, limit: number, lock: boolean): Promise<BatchRow[]> {
  // Table and column names come from SEALED_UNDER_MASTER_KEY, never from input: safe to inline.
  return tx.query<BatchRow>(
    `SELECT ${keyText(c)} AS key, ${c.place.column}::text AS place, ${c.column} AS sealed FROM ${c.table}
      WHERE ${c.column} IS NOT NULL ${after === undefined ? '' : `AND ${c.key.column} > ${keyFromText(c, '$2')}`}
      ORDER BY ${c.key.column} LIMIT $1${lock ? ' FOR UPDATE' : ''}`,
    after === undefined ? [limit] : [limit, after]);
}

async function countSealed(db: Queryable, c: SealedColumn): Promise<number> {
  const [row] = await db.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${c.table} WHERE ${c.column} IS NOT NULL`);
  return Number(row?.n ?? 0);
}

/**
 * Rewraps every value of every column in `SEALED_UNDER_MASTER_KEY` from
 * `oldKey` to `newKey`, `batchSize` values per transaction, as the owner
 * (`db` must not be the application role: it may not update data keys).
 * Values the new key already opens are skipped, so a run killed at any point
 * can be run again. Values neither key opens are left as they are and reported.
 */
export async function rewrapAll(
  db: Database, oldKey: Buffer, newKey: Buffer,
  options: { batchSize: number; onProgress?: (progress: RewrapProgress) => void; afterBatch?: () => Promise<void> },
): Promise<RewrapResult> {
  const result: RewrapResult = { rewrapped: 0, alreadyNew: 0, unopenable: [] };
  for (const c of SEALED_UNDER_MASTER_KEY) {
    const total = await countSealed(db, c);
    let after: string | undefined;
    let done = 0;
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const rows = await readBatch(tx, c, after, options.batchSize, true);
        const keys: string[] = [];
        const sealed: string[] = [];
        for (const row of rows) {
          const aad = c.place.aad(row.place);
          if (opensWith(newKey, row.sealed, aad)) {
            result.alreadyNew += 1;
          } else if (opensWith(oldKey, row.sealed, aad)) {
            keys.push(row.key);
            sealed.push(reseal(oldKey, newKey, row.sealed, aad).toString('hex'));
          } else {
            result.unopenable.push({ name: c.name, table: c.table, key: row.key });
          }
        }
        if (keys.length > 0) {
          await tx.query(
            `UPDATE ${c.table} AS t SET ${c.column} = decode(v.sealed, 'hex')
               FROM unnest($1::text[], $2::text[]) AS v(key, sealed) WHERE t.${c.key.column} = ${keyFromText(c, 'v.key')}`,
            [keys, sealed]);
        }
        result.rewrapped += keys.length;
        return rows;
      });
      done += batch.length;
      after = batch.at(-1)?.key;
      if (batch.length > 0) {
        options.onProgress?.({ name: c.name, done, total: Math.max(total, done) });
        await options.afterBatch?.();
      }
      if (batch.length < options.batchSize) break;
    }
  }
  return result;
}

/** Checks that every value of every listed column opens under `key`; returns those that do not, and how many do. */
export async function verifyAllOpen(db: Queryable, key: Buffer, batchSize: number): Promise<{ opened: number; unopenable: Unopenable[] }> {
  let opened = 0;
  const unopenable: Unopenable[] = [];
  for (const c of SEALED_UNDER_MASTER_KEY) {
    let after: string | undefined;
    for (;;) {
      const rows = await readBatch(db, c, after, batchSize, false);
      for (const row of rows) {
        if (opensWith(key, row.sealed, c.place.aad(row.place))) opened += 1;
        else unopenable.push({ name: c.name, table: c.table, key: row.key });
      }
      after = rows.at(-1)?.key;
      if (rows.length < batchSize) break;
    }
  }
  return { opened, unopenable };
}
