/**
 * Checkpoints of the access log's chain head, kept outside the database.
 *
 * Why: the hash chain (log-chain.ts) shows that no row was changed, removed or
 * reordered *relative to the rows around it* — but whoever can write the table
 * (its owner, a superuser, someone with the disk) can also recompute every hash
 * after a change and leave a chain that is consistent end to end. A checkpoint
 * — the last seq and its row_hash at a moment — written somewhere that person
 * does not control pins the history up to that row: a rebuilt chain no longer
 * matches an earlier checkpoint, and a log cut short ends before one.
 *
 * The sink is an append-only file: one JSON line per checkpoint,
 * `{"seq":123,"rowHash":"<64 hex>","at":"<ISO time>"}`, created with mode
 * 0600, each line fsync'd before the write counts as done. Ship it off the
 * database host (log shipping, WORM storage, a backup that the database
 * administrators cannot rewrite): a checkpoint is only as strong as the place
 * it is kept. The server writes one at start and every `logCheckpointSeconds` (default 60)
 * while it runs and one at `close()`; `dossierwijzer verify-log --checkpoint`
 * writes one after a successful verification. Rows appended after the last
 * checkpoint are protected by the chain alone until the next one.
 *
 * A restore (log-restores.ts) appends a restore line: a checkpoint at the
 * restored head with `"restore":{"id","backupTakenAt","by","signature","signedWith"}` (signed, log-restores.ts). The file then
 * continues from the restored head; `verify-log` treats the checkpoints before
 * that line that lie beyond the head as history lost with the restore. The
 * server refuses to start on a database whose log is behind the file's last
 * checkpoint, or differs from it (`assertDatabaseMatchesCheckpoints`): that is a
 * restore nobody recorded, or rows deleted.
 */
import { AsyncResource } from 'node:async_hooks';
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../db/database.js';
import { readChainHead, rowHashAt } from './access-log-store.js';
import { GENESIS_HASH } from './log-chain.js';

export { readChainHead } from './access-log-store.js';

/** One checkpoint: the chain head at `at`. seq 0 with the genesis hash = an empty log. */
export interface Checkpoint {
  seq: number;
  /** row_hash of row `seq`, lower-case hex (64 characters). */
  rowHash: string;
  /** When it was taken (ISO 8601, UTC). */
  at: string;
  /** Present on a restore line: the database was restored to the backup whose head this is (log-restores.ts). */
  restore?: CheckpointRestore;
}

/**
 * What a restore line adds to a checkpoint: the marker's id in audit.log_restores, the backup's time, the operator,
 * and (from migration 0070) the marker's signature and the fingerprint of the master key that made it.
 */
export interface CheckpointRestore {
  id: string;
  backupTakenAt: string;
  by: string;
  signature?: string;
  signedWith?: string;
}

/** A checkpoint file line that is not a checkpoint: the file cannot be trusted as it is. */
export class CheckpointFileError extends Error {}

/** Appends one checkpoint line to `file` (created 0600 with its folder) and fsyncs it. */
export async function appendCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'a', 0o600);
  try {
    const created = (await handle.stat()).size === 0;
    const line = { seq: checkpoint.seq, rowHash: checkpoint.rowHash, at: checkpoint.at, ...(checkpoint.restore === undefined ? {} : { restore: checkpoint.restore }) };
    await handle.appendFile(`${JSON.stringify(line)}\n`, 'utf8');
    await handle.sync();
    if (created) await syncFolder(path.dirname(file));
  } finally {
    await handle.close();
  }
}

async function syncFolder(folder: string): Promise<void> {
  // A new file's directory entry is durable only once its folder is synced (Linux; other systems may refuse).
  const dir = await open(folder, 'r');
  try {
    await dir.sync().catch(() => undefined);
  } finally {
    await dir.close();
  }
}

/**
 * Reads the chain head from `db` and appends it to `file` as a checkpoint.
 * @example await writeCheckpoint(db, config.logCheckpointFile, new Date());
 */
export async function writeCheckpoint(db: Queryable, file: string, now: Date): Promise<Checkpoint> {
  const head = await readChainHead(db);
  const checkpoint = { ...head, at: now.toISOString() };
  await appendCheckpoint(file, checkpoint);
  return checkpoint;
}

function parseLine(line: string, number: number | 'last', file: string): Checkpoint {
  const bad = (why: string) => new CheckpointFileError(`${file}, ${number === 'last' ? 'last line' : `line ${number}`}: ${why}`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw bad('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not a checkpoint object');
  const { seq, rowHash, at, restore } = value as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) throw bad('"seq" must be a whole number ≥ 0');
  if (typeof rowHash !== 'string' || !/^[0-9a-f]{64}$/.test(rowHash)) throw bad('"rowHash" must be 64 lower-case hex digits');
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw bad('"at" must be an ISO time');
  if (restore === undefined) return { seq, rowHash, at };
  if (typeof restore !== 'object' || restore === null || Array.isArray(restore)) throw bad('"restore" must be an object');
  const { id, backupTakenAt, by, signature, signedWith } = restore as Record<string, unknown>;
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw bad('"restore.id" must be a uuid');
  if (typeof backupTakenAt !== 'string' || Number.isNaN(Date.parse(backupTakenAt))) throw bad('"restore.backupTakenAt" must be an ISO time');
  if (typeof by !== 'string') throw bad('"restore.by" must be text');
  if (signature === undefined && signedWith === undefined) return { seq, rowHash, at, restore: { id, backupTakenAt, by } };
  if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/.test(signature)) throw bad('"restore.signature" must be 64 lower-case hex digits');
  if (typeof signedWith !== 'string' || !/^[0-9a-f]{16}$/.test(signedWith)) throw bad('"restore.signedWith" must be 16 lower-case hex digits');
  return { seq, rowHash, at, restore: { id, backupTakenAt, by, signature, signedWith } };
}

/**
 * The file's last checkpoint, read from its tail (the file grows without end), or undefined when the
 * file is missing or empty. Throws `CheckpointFileError` when the last line is not a checkpoint.
 */
export async function readLastCheckpoint(file: string): Promise<Checkpoint | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    const last = lines.at(-1);
    if (last === undefined || last === '') return undefined;
    return parseLine(last, 'last', file);
  } finally {
    await handle.close();
  }
}

/** The database is behind its checkpoints file, or holds another history: the server does not start on it. */
export class DatabaseBehindCheckpointsError extends Error {}

/**
 * Holds the database's log against the last checkpoint in `file` before the server serves it (issue 17
 * item 1): a database restored from a backup without `dossierwijzer restore` / `restored` has a log that
 * ends before the last checkpoint — the server used to start on it without a word, and sessions ended
 * after the backup came back to life. Also refused: a log whose row at the checkpoint's seq has another
 * hash (a rebuilt chain, or a checkpoints file that belongs to another database).
 */
export async function assertDatabaseMatchesCheckpoints(db: Queryable, file: string): Promise<void> {
  const last = await readLastCheckpoint(file);
  if (last === undefined) return;
  const head = await readChainHead(db);
  const acknowledge = 'If this database was restored from a backup, record the restore (it also ends every session): '
    + '`dossierwijzer restored` (see docs/operations.md, "Restore"); then start again. If nobody restored it, '
    + 'treat this as possible tampering: keep the server stopped and run `dossierwijzer verify-log`.';
  if (last.seq > head.seq) {
    throw new DatabaseBehindCheckpointsError(`the database's access log ends at row ${head.seq}, but the checkpoints file ${file} `
      + `records row ${last.seq} (checkpoint of ${last.at}): the database is behind its checkpoints — restored from a backup, or rows were deleted. ${acknowledge}`);
  }
  const rowHash = last.seq === 0 ? GENESIS_HASH : await rowHashAt(db, last.seq);
  if (rowHash === undefined || rowHash.toString('hex') !== last.rowHash) {
    throw new DatabaseBehindCheckpointsError(`row ${last.seq} of the database's access log differs from the checkpoint of ${last.at} in ${file}: `
      + `this is another history than the one the checkpoints file pins (another database, or a rebuilt log). ${acknowledge}`);
  }
}

/** Reads every checkpoint in `file`, in file order; throws `CheckpointFileError` naming the first bad line. */
export async function readCheckpoints(file: string): Promise<Checkpoint[]> {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, i) => parseLine(line, i + 1, file));
}

export interface CheckpointTimer {
  /** Stops the timer, waits for a write in progress, and writes a last checkpoint. */
  stop(): Promise<void>;
}

/**
 * Writes a checkpoint at start and every `seconds` (0 = only at `stop()`), skipping a tick
 * when the head has not moved since the last one written here. A failed write
 * is reported to `onError` and retried at the next tick; it never stops the server.
 */
export function startCheckpointTimer(
  db: Queryable,
  options: { file: string; seconds: number; now: () => Date; onError: (error: unknown) => void; onWritten?: (checkpoint: Checkpoint) => void },
): CheckpointTimer {
  let last: string | undefined;
  let running: Promise<void> = Promise.resolve();
  // Bound to the context that started the timer: the checkpoint at `stop()` reads the head as the ticks do, whatever
  // context `close()` is called from (a per-request database scope must not shrink the head it sees).
  const tick = AsyncResource.bind((): Promise<void> => {
    running = running.then(async () => {
      const head = await readChainHead(db);
      const key = `${head.seq}:${head.rowHash}`;
      if (key === last) return;
      const checkpoint = { ...head, at: options.now().toISOString() };
      await appendCheckpoint(options.file, checkpoint);
      last = key;
      options.onWritten?.(checkpoint);
    }).catch(options.onError);
    return running;
  });
  const timer = options.seconds > 0 ? setInterval(() => void tick(), options.seconds * 1000) : undefined;
  timer?.unref();
  // One at start as well: it pins the history as the server found it, and gives verify-log (which fails
  // closed without checkpoints) something to hold the log against even if the server is killed before the first tick.
  if (timer !== undefined) void tick();
  return {
    async stop() {
      if (timer !== undefined) clearInterval(timer);
      await tick();
    },
  };
}
