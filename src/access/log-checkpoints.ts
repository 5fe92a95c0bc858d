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
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../db/database.js';
import { GENESIS_HASH } from './log-chain.js';

/** One checkpoint: the chain head at `at`. seq 0 with the genesis hash = an empty log. */
export interface Checkpoint {
  seq: number;
  /** row_hash of row `seq`, lower-case hex (64 characters). */
  rowHash: string;
  /** When it was taken (ISO 8601, UTC). */
  at: string;
}

/** A checkpoint file line that is not a checkpoint: the file cannot be trusted as it is. */
export class CheckpointFileError extends Error {}

/** The current chain head: the last row's seq and row_hash (seq 0 and the genesis hash when the log is empty). */
export async function readChainHead(db: Queryable): Promise<{ seq: number; rowHash: string }> {
  const [head] = await db.query<{ seq: string; row_hash: Buffer }>('SELECT seq, row_hash FROM audit.access_log ORDER BY seq DESC LIMIT 1');
  return head === undefined ? { seq: 0, rowHash: GENESIS_HASH.toString('hex') } : { seq: Number(head.seq), rowHash: head.row_hash.toString('hex') };
}

/** Appends one checkpoint line to `file` (created 0600 with its folder) and fsyncs it. */
export async function appendCheckpoint(file: string, checkpoint: Checkpoint): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'a', 0o600);
  try {
    const created = (await handle.stat()).size === 0;
    await handle.appendFile(`${JSON.stringify({ seq: checkpoint.seq, rowHash: checkpoint.rowHash, at: checkpoint.at })}\n`, 'utf8');
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

function parseLine(line: string, number: number, file: string): Checkpoint {
  const bad = (why: string) => new CheckpointFileError(`${file}, line ${number}: ${why}`);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw bad('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not a checkpoint object');
  const { seq, rowHash, at } = value as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) throw bad('"seq" must be a whole number ≥ 0');
  if (typeof rowHash !== 'string' || !/^[0-9a-f]{64}$/.test(rowHash)) throw bad('"rowHash" must be 64 lower-case hex digits');
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw bad('"at" must be an ISO time');
  return { seq, rowHash, at };
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
  options: { file: string; seconds: number; now: () => Date; onError: (error: unknown) => void },
): CheckpointTimer {
  let last: string | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = (): Promise<void> => {
    running = running.then(async () => {
      const head = await readChainHead(db);
      const key = `${head.seq}:${head.rowHash}`;
      if (key === last) return;
      await appendCheckpoint(options.file, { ...head, at: options.now().toISOString() });
      last = key;
    }).catch(options.onError);
    return running;
  };
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
