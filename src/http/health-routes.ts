/**
 * Health for load balancers, orchestrators and operators (issue 17 item 4).
 *
 * - `GET /health/live`: the process answers (its event loop turns). Restart the
 *   process when this fails; never because the database is down.
 * - `GET /health/ready`: this server can do its work now. 200 only when every
 *   check passes; 503 with the failing checks' reasons otherwise, so a load
 *   balancer sends no traffic here and an operator reads why:
 *     database     answers `SELECT 1` within DW_READY_TIMEOUT_MS;
 *     commit       a write transaction commits within that time (a real commit, which waits for a
 *                  synchronous standby when one is configured; a read-only one would not);
 *     pool         not exhausted (requests waiting with every connection in use);
 *     disk         the data folder takes a small file, fsync'd (a full disk fails every request, reads
 *                  too, because each read writes its log row);
 *     checkpoints  the checkpoint file (the access log's tamper anchor) can be written, and a checkpoint
 *                  was written within twice DW_LOG_CHECKPOINT_SECONDS of the log moving on;
 *     migrations   the database has exactly this version's migrations, unchanged.
 * - `GET /health`: as before (compatibility): the process and `SELECT 1`.
 *
 * No check names a client, an employee or a path outside the server's own settings.
 */
import { constants } from 'node:fs';
import { access, open, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { readChainHead } from '../access/access-log-store.js';
import { readMigrations, migrationStatus, type MigrationFile } from '../db/migrate.js';
import type { AppDeps } from './app-deps.js';
import { commitHealthProbe } from './health-store.js';

const CHECK_NAMES = ['database', 'commit', 'pool', 'disk', 'checkpoints', 'migrations'] as const;
type CheckName = (typeof CHECK_NAMES)[number];

interface CheckResult {
  ok: boolean;
  /** Why it failed, or what was not checked and why; absent when it simply passed. */
  reason?: string;
  ms: number;
}

/** Below this much free space the data folder counts as full: PostgreSQL and PGlite need room to write. */
const MIN_FREE_BYTES = 64 * 1024 * 1024;

class CheckFailed extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CheckFailed(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function describeError(error: unknown): string {
  if (error instanceof CheckFailed) return error.message;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message.replace(/"[^"\n]*"/g, '"…"').slice(0, 200) : String(error);
  return typeof code === 'string' ? `${code}: ${text}` : text;
}

/** Reads the last line of the checkpoint file without reading the whole (ever-growing) file. */
async function lastCheckpoint(file: string): Promise<{ seq: number; at: string } | undefined> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 4096);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const line = buffer.toString('utf8').trimEnd().split('\n').at(-1);
    if (line === undefined || line === '') return undefined;
    const parsed = JSON.parse(line) as { seq?: unknown; at?: unknown };
    if (typeof parsed.seq !== 'number' || typeof parsed.at !== 'string') throw new CheckFailed('the last line of the checkpoint file is not a checkpoint');
    return { seq: parsed.seq, at: parsed.at };
  } finally {
    await handle.close();
  }
}

/** Whether a file can be created in `folder`: a small file written, fsync'd and removed. */
async function probeWrite(folder: string): Promise<void> {
  const probe = path.join(folder, `.ready-probe-${process.pid}`);
  const handle = await open(probe, 'w', 0o600);
  try {
    await handle.writeFile('ready\n');
    await handle.sync();
  } finally {
    await handle.close();
    await rm(probe, { force: true });
  }
}

export function healthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { config, db } = deps;
  const startedAt = deps.now().getTime();
  let migrationFiles: Promise<readonly MigrationFile[]> | undefined;

  const checks: Record<CheckName, () => Promise<string | undefined>> = {
    async database() {
      await withTimeout(db.query('SELECT 1'), config.readyTimeoutMs, 'the database');
      return undefined;
    },
    async commit() {
      await withTimeout(commitHealthProbe(db), config.readyTimeoutMs, 'a commit');
      return undefined;
    },
    pool() {
      const status = db.poolStatus?.();
      if (status === undefined) return Promise.resolve('not applicable (PGlite: one connection in the process)');
      if (status.waiting > 0 && status.size >= status.max) {
        throw new CheckFailed(`pool exhausted: ${status.waiting} request(s) waiting for one of ${status.max} connections`);
      }
      return Promise.resolve(undefined);
    },
    async disk() {
      await withTimeout(probeWrite(config.dataDir), config.readyTimeoutMs, 'the data folder');
      const space = await statfs(config.dataDir);
      const free = space.bavail * space.bsize;
      if (free < MIN_FREE_BYTES) throw new CheckFailed(`the data folder has ${Math.floor(free / 1024 / 1024)} MiB free (less than ${MIN_FREE_BYTES / 1024 / 1024} MiB)`);
      return undefined;
    },
    async checkpoints() {
      if (config.logCheckpointSeconds === 0) return 'not checked: DW_LOG_CHECKPOINT_SECONDS=0 (checkpoints only at shutdown)';
      const file = config.logCheckpointFile;
      const exists = await stat(file).then(() => true, () => false);
      if (exists) {
        // Opening for appending is what the checkpoint writer does; it fails on a file that cannot be written.
        const handle = await open(file, 'a');
        await handle.close();
      } else {
        await access(path.dirname(file), constants.W_OK).catch(() => {
          throw new CheckFailed('the checkpoint file does not exist and its folder cannot be written');
        });
        await probeWrite(path.dirname(file));
      }
      const head = await withTimeout(readChainHead(db), config.readyTimeoutMs, 'the access log head');
      const last = exists ? await lastCheckpoint(file) : undefined;
      if (last !== undefined && last.seq >= head.seq) return undefined;
      const limitMs = 2 * config.logCheckpointSeconds * 1000;
      const now = deps.now().getTime();
      const since = last === undefined ? startedAt : Math.max(Date.parse(last.at), startedAt);
      if (now - since > limitMs) {
        throw new CheckFailed(`no checkpoint of the access log for ${Math.round((now - since) / 1000)} s while it moved on`
          + ` (last checkpointed row ${last?.seq ?? 'none'}, head ${head.seq}; limit twice DW_LOG_CHECKPOINT_SECONDS = ${limitMs / 1000} s)`);
      }
      return undefined;
    },
    async migrations() {
      migrationFiles ??= readMigrations();
      const status = await withTimeout(migrationStatus(db, await migrationFiles), config.readyTimeoutMs, 'the migration record');
      const problems = [
        status.pending.length > 0 ? `not applied: ${status.pending.join(', ')}` : undefined,
        status.changed.length > 0 ? `changed after they were applied: ${status.changed.join(', ')}` : undefined,
        status.unknown.length > 0 ? `applied by a newer version: ${status.unknown.join(', ')}` : undefined,
      ].filter((p) => p !== undefined);
      if (problems.length > 0) throw new CheckFailed(`migrations ${problems.join('; ')}`);
      return undefined;
    },
  };

  async function run(name: CheckName): Promise<CheckResult> {
    const started = performance.now();
    try {
      const note = await checks[name]();
      return { ok: true, ...(note === undefined ? {} : { reason: note }), ms: Math.round(performance.now() - started) };
    } catch (error) {
      return { ok: false, reason: describeError(error), ms: Math.round(performance.now() - started) };
    }
  }

  const checkSchema = Type.Object({ ok: Type.Boolean(), reason: Type.Optional(Type.String()), ms: Type.Integer() });
  const checksSchema = Type.Object(Object.fromEntries(CHECK_NAMES.map((n) => [n, checkSchema])) as Record<CheckName, typeof checkSchema>);

  app.get('/health/live', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Liveness: the process answers (restart it when this fails)',
      response: { 200: Type.Object({ status: Type.Literal('live'), uptimeSeconds: Type.Integer() }) },
    },
  }, (_request, reply) => {
    void reply.header('cache-control', 'no-store');
    return Promise.resolve({ status: 'live' as const, uptimeSeconds: Math.floor(process.uptime()) });
  });

  app.get('/health/ready', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Readiness: database, commit, pool, disk, checkpoints and migrations, each with the reason it fails',
      response: {
        200: Type.Object({ status: Type.Literal('ready'), checks: checksSchema }),
        503: Type.Object({ status: Type.Literal('not-ready'), failing: Type.Array(Type.String()), checks: checksSchema }),
      },
    },
  }, async (_request, reply) => {
    const results = await Promise.all(CHECK_NAMES.map(async (name) => [name, await run(name)] as const));
    const checked = Object.fromEntries(results) as Record<CheckName, CheckResult>;
    const failing = results.filter(([, r]) => !r.ok).map(([name]) => name);
    void reply.header('cache-control', 'no-store');
    if (failing.length === 0) return { status: 'ready' as const, checks: checked };
    return reply.code(503).header('retry-after', '5').send({ status: 'not-ready' as const, failing, checks: checked });
  });

  app.get('/health', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Health and database status (kept for existing monitors; prefer /health/live and /health/ready)',
      response: {
        200: Type.Object({ status: Type.Literal('ok'), database: Type.Object({ kind: Type.String(), status: Type.String() }) }),
        503: Type.Object({ status: Type.Literal('unavailable'), database: Type.Object({ kind: Type.String(), status: Type.String() }) }),
      },
    },
  }, async (_request, reply) => {
    try {
      await withTimeout(db.query('SELECT 1'), config.readyTimeoutMs, 'the database');
      return { status: 'ok' as const, database: { kind: db.kind, status: 'up' } };
    } catch {
      return reply.code(503).send({ status: 'unavailable' as const, database: { kind: db.kind, status: 'down' } });
    }
  });
}
