/**
 * Verifies the access log (NEN 7513): recomputes the whole hash chain in
 * TypeScript (log-chain.ts) from the rows in the database, streamed in seq
 * order in keyset batches, and compares it with the checkpoints kept outside
 * the database (log-checkpoints.ts). Stops at the first problem:
 *
 * - `missing-row`: a seq is absent (seq has no gaps by construction, so a row was deleted);
 * - `link`:       prev_hash is not the previous row's recomputed hash (rows removed, swapped or reordered);
 * - `hash`:       row_hash does not match the row's contents (the row was altered);
 * - `checkpoint`: the recomputed hash at a checkpoint's seq differs from the checkpoint
 *                 (the chain was rebuilt after a change somewhere up to that row);
 * - `truncated`:  a checkpoint names a seq beyond the last row (rows at the end were deleted);
 * - `time`:       a row is dated before its predecessor (the database dates each row under the
 *                 chain lock, migrations/0031, so such a row was written around the trigger);
 * - `unanchored`: with `requireCheckpoints`, the log has rows but there is no checkpoint to hold it
 *                 against: a chain rebuilt end to end (rows deleted, the rest renumbered and
 *                 rehashed) would pass, so verification fails closed;
 * - `restore`:    the checkpoints file records a restore that the database records with another head
 *                 or another signature, or a restore marker's signature does not check out under the
 *                 configured master key (forged or changed: log-restores.ts, migration 0070).
 *
 * A restore recorded in both places (audit.log_restores and a restore line in the checkpoints
 * file) is an explained event, not a problem: the checkpoints written before the restore line
 * beyond the restored head pin history that was lost with the restore; they are reported in
 * `restores` and not held against the log. Everything else still is — checkpoints up to the
 * restored head before the restore, the restore line itself, and every checkpoint after it — so
 * tampering before or after a restore is still found.
 */
import type { Queryable } from '../db/database.js';
import { readClockFromSeq, readLogBatch, type RestoreMarker, type StoredChainRow } from './access-log-store.js';
import type { Checkpoint } from './log-checkpoints.js';
import { chainHash, formatChainTimestamp, GENESIS_HASH } from './log-chain.js';
import { checkRestoreSignature, type RestoreSignature, type RestoreSigningKey } from './log-restores.js';

export const LogProblemKind = {
  missingRow: 'missing-row',
  link: 'link',
  hash: 'hash',
  checkpoint: 'checkpoint',
  truncated: 'truncated',
  time: 'time',
  unanchored: 'unanchored',
  restore: 'restore',
} as const;
export type LogProblemKind = (typeof LogProblemKind)[keyof typeof LogProblemKind];

export interface LogProblem {
  kind: LogProblemKind;
  /** The first row found broken (for `checkpoint`: the checkpoint's row, the change lies at or before it). */
  seq: number;
  message: string;
}

/** A restore found in the database, and what it cost: the checkpointed history lost with it. */
export interface RestoreReport {
  /** When it was restored, and when the backup was taken (ISO 8601). */
  restoredAt: string;
  backupTakenAt: string;
  /** The backup's last row: rows after it that existed before the restore were lost with it. */
  headSeq: number;
  restoredBy: string;
  source: string;
  /** Whether the checkpoints file has its restore line (only then does it explain lost checkpoints). */
  inCheckpointsFile: boolean;
  /** Checkpoints written before the restore beyond its head, and the highest row they named. */
  lostCheckpoints: number;
  lostUpToSeq: number | null;
  /** How the marker's signature checked out (log-restores.ts); `invalid` fails the verification. */
  signature: RestoreSignature;
  /** The fingerprint of the master key that signed it (null: unsigned). */
  signedWith: string | null;
}

interface Verified {
  /** Restores recorded in the database, oldest first. */
  restores: RestoreReport[];
  /** Rows whose hash was recomputed. */
  rows: number;
  /** Last row verified, with its recomputed hash (hex): the head when `ok`. */
  lastSeq: number;
  lastHash: string;
  checkpointsMatched: number;
  seconds: number;
  rowsPerSecond: number;
}
export type VerifyResult = (Verified & { ok: true }) | (Verified & { ok: false; problem: LogProblem });

/** One server's checkpoints file (issue 17 item 7: one stream per server), its lines in file order. */
export interface CheckpointStream {
  /** Where it came from (a file name), to say which stream a finding is about. */
  name: string;
  checkpoints: readonly Checkpoint[];
}

export interface VerifyOptions {
  /** Checkpoints to hold the chain against (any order; several may name the same seq). One stream; see `streams`. */
  checkpoints?: readonly Checkpoint[];
  /**
   * Several servers' checkpoints files, each in its file order. Every checkpoint of every stream is held against
   * the one chain; a restore line voids only the earlier lines of its own stream (each server's file records the
   * restore for itself: `dossierwijzer restored --checkpoints-only`).
   */
  streams?: readonly CheckpointStream[];
  /** Rows per query (default 5,000). */
  batchSize?: number;
  /** Called after each batch with the rows verified so far. */
  onProgress?: (rows: number) => void;
  /**
   * Fail closed: a log with rows but no checkpoint at all is `unanchored`
   * (`dossierwijzer verify-log` sets this unless `--no-checkpoints` is given).
   */
  requireCheckpoints?: boolean;
  /**
   * The restore markers of the database (audit.log_restores). A restore line in `checkpoints` is
   * accepted only when a marker here agrees with it; `checkpoints` must then be in file order.
   */
  restores?: readonly RestoreMarker[];
  /**
   * The key the restore markers' signatures are checked with (from the configured master key); without it they
   * are reported `not-checked`. A marker signed under another key fails, unless that key's fingerprint is in
   * `retiredKeys` (master keys replaced by a finished rotation).
   */
  restoreSigning?: RestoreSigningKey;
  retiredKeys?: ReadonlySet<string>;
  /**
   * Accept no unsigned restore marker (`verify-log --require-signed`): a marker without a signature — as written
   * before migration 0070, or staged by someone who can write the database and the checkpoints file but has no
   * master key — is a `restore` problem instead of being reported as unsigned.
   */
  requireSigned?: boolean;
}

/**
 * Recomputes the chain from the first row to the last and checks every link,
 * hash, seq and checkpoint; stops at the first problem.
 * @example
 * const result = await verifyLog(db, { checkpoints: await readCheckpoints(file) });
 * if (!result.ok) console.error(`seq ${result.problem.seq}: ${result.problem.message}`);
 */
export async function verifyLog(db: Queryable, options: VerifyOptions = {}): Promise<VerifyResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 5000;
  const streams: readonly CheckpointStream[] = options.streams ?? (options.checkpoints === undefined ? [] : [{ name: 'checkpoints', checkpoints: options.checkpoints }]);
  const markers = options.restores ?? [];
  const restores: RestoreReport[] = [];
  let restoreProblem: LogProblem | undefined;
  const signatures = new Map(markers.map((m) => [m.id, checkRestoreSignature(m, options.restoreSigning, options.retiredKeys)]));
  const forged = markers.find((m) => signatures.get(m.id) === 'invalid');
  const unsigned = options.requireSigned === true ? markers.find((m) => signatures.get(m.id) === 'unsigned') : undefined;
  if (forged === undefined && unsigned !== undefined) {
    restoreProblem = {
      kind: LogProblemKind.restore, seq: unsigned.headSeq,
      message: `the restore marker of ${unsigned.restoredAt} (row ${unsigned.headSeq}, by ${unsigned.restoredBy}) carries no signature, `
        + 'and --require-signed accepts none: it was written before restore markers were signed (migration 0070), or by someone '
        + 'without the master key — the restore it claims explains no loss',
    };
  }
  if (forged !== undefined) {
    restoreProblem = {
      kind: LogProblemKind.restore, seq: forged.headSeq,
      message: `the restore marker of ${forged.restoredAt} (row ${forged.headSeq}, by ${forged.restoredBy}) does not carry a valid signature `
        + (forged.signedWith === options.restoreSigning?.fingerprint
          ? 'under the configured master key'
          : `(signed under master key ${forged.signedWith}, which is not the configured key ${options.restoreSigning?.fingerprint ?? ''} nor one a finished rotation retired)`)
        + ': it was not written by `dossierwijzer restore` / `restored` with this key, or it was changed since — the restore it claims explains no loss',
    };
  }
  const unconfirmed: Checkpoint[] = [];
  const pending: Checkpoint[] = [];
  for (const stream of streams) pending.push(...voidLostHistory(stream.checkpoints));
  pending.sort((a, b) => a.seq - b.seq);
  const fileOrder = streams.flatMap((stream) => stream.checkpoints);
  // A restore the database records is reported once, with what the streams that record it lost.
  const seen = new Map<string, RestoreReport>();
  for (const r of restores) {
    const key = `${r.restoredAt} ${r.headSeq}`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, r);
    else {
      earlier.lostCheckpoints += r.lostCheckpoints;
      earlier.lostUpToSeq = r.lostUpToSeq === null ? earlier.lostUpToSeq : Math.max(earlier.lostUpToSeq ?? 0, r.lostUpToSeq);
    }
  }
  restores.splice(0, restores.length, ...seen.values());
  const unrecorded = markers.filter((m) => !fileOrder.some((c) => c.restore?.id === m.id));
  // A stream that lacks a restore another stream records: its lines beyond the head are not explained (told in the hint).
  const missingIn = streams.length < 2
    ? []
    : markers.flatMap((m) => streams
        .filter((stream) => fileOrder.some((c) => c.restore?.id === m.id) && !stream.checkpoints.some((c) => c.restore?.id === m.id))
        .map((stream) => `. The checkpoints file ${stream.name} lacks the restore on ${m.restoredAt} (row ${m.headSeq}) that the database and another `
          + 'server\'s file record: add it with `dossierwijzer restored --checkpoints-only` on that server'));
  for (const marker of unrecorded) restores.push(report(marker, false, 0, null));
  restores.sort((a, b) => a.restoredAt.localeCompare(b.restoredAt));
  /** Said with a truncation or a mismatch: a restore the database knows and this file does not may be why. */
  const unrecordedHint = unrecorded.map((m) => `. The database records a restore on ${m.restoredAt} `
    + `to the backup of ${m.backupTakenAt} (row ${m.headSeq}) that this checkpoints file does not: if the file belongs to another `
    + 'server, add the restore to it with `dossierwijzer restored --checkpoints-only`').join('')
  + missingIn.join('')
  + unconfirmed.map((c) => `. The checkpoints file records a restore on ${c.at} (row ${c.seq}) that the database has no record of: `
    + 'it explains no loss (a backup from before that restore was restored since, or the line was added by someone)').join('');

  /** One stream's lines minus those its restore lines void: checkpoints before a restore line beyond its head, history lost with the restore. */
  function voidLostHistory(fileOrder: readonly Checkpoint[]): Checkpoint[] {
    const voided = new Set<number>();
    for (const [i, line] of fileOrder.entries()) {
      if (line.restore === undefined) continue;
      const marker = markers.find((m) => m.id === line.restore?.id);
      if (marker === undefined) {
        // Not in the database: a backup taken before that restore was restored since — or a forged line. Either
        // way it explains nothing; it stays a plain checkpoint, held against the log like any other.
        unconfirmed.push(line);
        continue;
      }
      if ((line.restore.signature ?? null) !== marker.signature || (line.restore.signedWith ?? null) !== marker.signedWith) {
        restoreProblem ??= {
          kind: LogProblemKind.restore, seq: line.seq,
          message: `the checkpoints file's restore line of ${line.at} (row ${line.seq}) and the database's marker differ in their signature: `
            + 'a restore is accepted only when the database and the checkpoints file agree on it',
        };
        continue;
      }
      if (marker.headSeq !== line.seq || marker.headHash !== line.rowHash) {
        restoreProblem ??= {
          kind: LogProblemKind.restore, seq: line.seq,
          message: `the checkpoints file records the restore of ${line.at} at row ${line.seq}, but the database records it at row ${marker.headSeq}`
            + (marker.headSeq === line.seq ? ' with another hash' : '') + ': a restore is accepted only when the database and the checkpoints file agree on it',
        };
        continue;
      }
      let lost = 0;
      let lostUpToSeq: number | null = null;
      for (let j = 0; j < i; j += 1) {
        const earlier = fileOrder[j]!;
        if (voided.has(j) || earlier.seq <= line.seq) continue;
        voided.add(j);
        lost += 1;
        lostUpToSeq = Math.max(lostUpToSeq ?? 0, earlier.seq);
      }
      restores.push(report(marker, true, lost, lostUpToSeq));
    }
    return fileOrder.filter((_c, i) => !voided.has(i));
  }

  let next = 0; // index into pending
  let matchedUpTo = 0; // seq of the last checkpoint that matched
  let checkpointsMatched = 0;
  let rows = 0;
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let lastMicros: bigint | undefined;
  const clockFromSeq = await readClockFromSeq(db);

  const finish = (problem?: LogProblem): VerifyResult => {
    const seconds = (performance.now() - started) / 1000;
    const verified = { restores, rows, lastSeq, lastHash: prev.toString('hex'), checkpointsMatched, seconds, rowsPerSecond: seconds > 0 ? rows / seconds : rows };
    return problem === undefined ? { ok: true, ...verified } : { ok: false, problem, ...verified };
  };
  /** Compares the checkpoints at `seq` with the recomputed hash there. */
  const checkCheckpoints = (seq: number): LogProblem | undefined => {
    for (; next < pending.length && pending[next]!.seq === seq; next += 1) {
      const checkpoint = pending[next]!;
      if (checkpoint.rowHash !== prev.toString('hex')) {
        if (seq === 0) return { kind: LogProblemKind.checkpoint, seq, message: `the checkpoint taken at ${checkpoint.at} records an empty log with a hash other than the genesis` };
        const from = matchedUpTo + 1;
        return {
          kind: LogProblemKind.checkpoint, seq,
          message: `the recomputed hash of row ${seq} differs from the checkpoint taken at ${checkpoint.at}: the log was changed and its chain rebuilt `
            + (from === seq ? `at row ${seq}` : `somewhere in rows ${from}–${seq}`)
            + (matchedUpTo > 0 ? ` (rows up to ${matchedUpTo} match an earlier checkpoint)` : '') + unrecordedHint,
        };
      }
      checkpointsMatched += 1;
      matchedUpTo = seq;
    }
    return undefined;
  };

  if (restoreProblem !== undefined) return finish(restoreProblem);
  const atGenesis = checkCheckpoints(0);
  if (atGenesis !== undefined) return finish(atGenesis);
  let fetching = readLogBatch(db, 0, batchSize);
  for (;;) {
    const batch = await fetching;
    const last = batch.at(-1);
    // Fetch the next batch while this one is hashed (keyset: after the last seq read).
    fetching = batch.length < batchSize || last === undefined ? Promise.resolve([]) : readLogBatch(db, Number(last.seq), batchSize);
    const problem = verifyBatch(batch);
    if (problem !== undefined) {
      await fetching.catch(() => undefined); // never leave a query running behind the answer
      return finish(problem);
    }
    options.onProgress?.(rows);
    if (batch.length < batchSize) break;
  }
  if (options.requireCheckpoints === true && rows > 0 && pending.length === 0) {
    return finish({
      kind: LogProblemKind.unanchored, seq: 1,
      message: `the log has ${rows} rows but there is no checkpoint to hold them against: a log whose rows were deleted and whose chain was rebuilt end to end `
        + 'would pass the chain check alone, so this is not accepted as intact (restore the checkpoints file, or verify with --no-checkpoints knowing this)',
    });
  }
  const beyond = pending[next];
  if (beyond !== undefined) {
    return finish({
      kind: LogProblemKind.truncated, seq: lastSeq + 1,
      message: `the log ends at row ${lastSeq}, but the checkpoint taken at ${beyond.at} records row ${beyond.seq}: rows ${lastSeq + 1}–${beyond.seq} were deleted`
        + (restores.length === 0 ? ' (or the database was restored from a backup without `dossierwijzer restore` / `restored`, which would have recorded it)' : '')
        + unrecordedHint,
    });
  }
  return finish();

  function report(marker: RestoreMarker, inCheckpointsFile: boolean, lostCheckpoints: number, lostUpToSeq: number | null): RestoreReport {
    return {
      restoredAt: marker.restoredAt, backupTakenAt: marker.backupTakenAt, headSeq: marker.headSeq, restoredBy: marker.restoredBy,
      source: marker.source, inCheckpointsFile, lostCheckpoints, lostUpToSeq,
      signature: signatures.get(marker.id) ?? 'unsigned', signedWith: marker.signedWith,
    };
  }

  function verifyBatch(batch: readonly StoredChainRow[]): LogProblem | undefined {
    for (const row of batch) {
      const seq = Number(row.seq);
      if (seq !== lastSeq + 1) {
        return {
          kind: LogProblemKind.missingRow, seq: lastSeq + 1,
          message: seq === lastSeq + 2 ? `row ${lastSeq + 1} is missing (deleted)` : `rows ${lastSeq + 1}–${seq - 1} are missing (deleted)`,
        };
      }
      if (row.prevHash === null || !row.prevHash.equals(prev)) {
        return {
          kind: LogProblemKind.link, seq,
          message: `prev_hash does not match the hash of row ${lastSeq === 0 ? '0 (the genesis)' : lastSeq}: rows were removed, swapped or reordered here`,
        };
      }
      const computed = chainHash(prev, row);
      if (row.rowHash === null || !row.rowHash.equals(computed)) {
        return { kind: LogProblemKind.hash, seq, message: 'row_hash does not match the row\'s contents: the row was altered' };
      }
      if (seq >= clockFromSeq && lastMicros !== undefined && row.occurredAtMicros < lastMicros) {
        return {
          kind: LogProblemKind.time, seq,
          message: `row ${seq} is dated ${formatChainTimestamp(row.occurredAtMicros)}, before row ${lastSeq} (${formatChainTimestamp(lastMicros)}): `
            + 'the database dates every row itself as it appends it, so this row was written around it (back-dated)',
        };
      }
      prev = computed;
      lastSeq = seq;
      lastMicros = row.occurredAtMicros;
      rows += 1;
      const atCheckpoint = checkCheckpoints(seq);
      if (atCheckpoint !== undefined) return atCheckpoint;
    }
    return undefined;
  }
}
