/** Embedded PostgreSQL (PGlite, WASM) adapter: the default for `npm start` and tests. */
import { PGlite } from '@electric-sql/pglite';
import { mkdir } from 'node:fs/promises';
import { lockForOpen } from './data-dir-lock.js';
import type { Database, Queryable } from './database.js';
import { TypeOid } from './database.js';
import { makeTreePrivate, restrictUmask } from './file-permissions.js';
import { NO_SCOPE, SET_SCOPE_SQL, wantedScope } from './organisation-scope.js';
import { parseBytea } from './type-parsers.js';

const parsers = {
  [TypeOid.date]: (value: string) => value,
  [TypeOid.int8]: (value: string) => value,
  // PGlite's own parser takes a parseInt per byte; this gives the same bytes as a Buffer (type-parsers.ts; issue 18).
  [TypeOid.bytea]: parseBytea,
};

function toBuffers<Row>(rows: Row[]): Row[] {
  // PGlite returns bytea as Uint8Array; node-postgres as Buffer. Normalise to Buffer.
  for (const row of rows) {
    for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
      if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
        (row as Record<string, unknown>)[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      }
    }
  }
  return rows;
}

interface PgliteQueryable {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

function queryable(target: PgliteQueryable): Queryable {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(text, [...params]);
      return toBuffers(result.rows);
    },
  };
}

/** A PGlite handle that can also hand out its data directory (test-support/template-database.ts keeps a migrated one). */
export interface PgliteDatabase extends Database {
  /** The data directory as an uncompressed tarball, after a checkpoint, for `loadDataDir`. */
  dumpDataDir(): Promise<Blob>;
  /**
   * Runs `work` alone on the handle: no query or transaction of anyone else starts until it ends (they queue, as they
   * queue behind each other). For the server's online backup (cli/backup-schedule.ts): the database described and its
   * data directory dumped at one moment, between transactions, while the server keeps serving.
   */
  exclusive<T>(work: (handle: ExclusiveHandle) => Promise<T>): Promise<T>;
}

/** What `exclusive` work may do on the handle. */
export interface ExclusiveHandle extends Queryable {
  /** The data directory as a tarball after a checkpoint (gzip: what `dossierwijzer backup` writes for PGlite). */
  dumpDataDir(compression: 'gzip' | 'none'): Promise<Blob>;
}

export interface PgliteOpenOptions {
  /** Start from this data directory (a `dumpDataDir` tarball) instead of an empty cluster: no initdb. */
  loadDataDir?: Blob;
  /** Server settings added to PGlite's start parameters (`-c name=value`), e.g. a smaller shared_buffers for tests. */
  settings?: Readonly<Record<string, string>>;
}

/**
 * Opens PGlite with data in `dataDir`, or in memory when `dataDir` is undefined.
 * The folder and everything in it is made owner-only (file-permissions.ts):
 * before the open for files an earlier version left readable, after it for
 * the initial database PGlite unpacks with mode 0666.
 */
export async function openPglite(dataDir: string | undefined, options: PgliteOpenOptions = {}): Promise<PgliteDatabase> {
  // One process at a time on a folder (data-dir-lock.ts): a second handle beside a running server is refused here,
  // before PGlite touches a file. Released when the handle closes.
  const lock = dataDir === undefined ? undefined : await lockForOpen(dataDir);
  let pg: PGlite;
  try {
    if (dataDir !== undefined) {
      restrictUmask();
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
      await makeTreePrivate(dataDir);
    }
    const settings = Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
    pg = new PGlite({
      ...(dataDir === undefined ? {} : { dataDir }),
      ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
      ...(settings.length === 0 ? {} : { startParams: [...PGlite.defaultStartParams, ...settings] }),
      parsers,
    });
    await pg.waitReady;
    if (dataDir !== undefined) await makeTreePrivate(dataDir);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const base = queryable(pg);
  // The organisation scope (organisation-scope.ts) on the one connection: requests of several organisations take
  // turns on it, so setting the scope and the work it is for must not be interleaved with another's. PGlite runs one
  // statement or transaction at a time anyway; this queue makes "set if needed, then run" one turn.
  let held = NO_SCOPE;
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const wanted = wantedScope();
    const turn = queue.then(async () => {
      if (held !== wanted) {
        await pg.query(SET_SCOPE_SQL, [wanted]);
        held = wanted;
      }
      return work();
    });
    queue = turn.catch(() => undefined);
    return turn;
  };
  return {
    kind: 'pglite',
    query: (text, params) => inTurn(() => base.query(text, params)),
    transaction: (work) => inTurn(() => pg.transaction((tx) => work(queryable(tx)))),
    exec: (script) => inTurn(async () => {
      await pg.exec(script);
    }),
    async close() {
      try {
        await pg.close();
      } finally {
        await lock?.release();
      }
    },
    exclusive: (work) => inTurn(() => work({
      query: (text, params) => base.query(text, params),
      async dumpDataDir(compression) {
        // CHECKPOINT needs the superuser the handle was opened as; the server's requests run as the application
        // role (SET ROLE). Nobody else runs in this turn: leave the role for the checkpoint and take it up again.
        const [{ role } = { role: '' }] = (await pg.query<{ role: string }>('SELECT current_user AS role')).rows;
        const [{ session } = { session: '' }] = (await pg.query<{ session: string }>('SELECT session_user AS session')).rows;
        if (role !== session) await pg.exec('RESET ROLE');
        try {
          await pg.exec('CHECKPOINT');
        } finally {
          if (role !== session) await pg.query(`SELECT set_config('role', $1, false)`, [role]);
        }
        return pg.dumpDataDir(compression);
      },
    })),
    async dumpDataDir() {
      // The checkpoint writes every dirty page out, so the copy starts without replaying the log.
      await pg.exec('CHECKPOINT');
      return pg.dumpDataDir('none');
    },
  };
}
