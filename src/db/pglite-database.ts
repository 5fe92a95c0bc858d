/** Embedded PostgreSQL (PGlite, WASM) adapter: the default for `npm start` and tests. */
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';
import { TypeOid } from './database.js';

const parsers = {
  [TypeOid.date]: (value: string) => value,
  [TypeOid.int8]: (value: string) => value,
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

/** Opens PGlite with data in `dataDir`, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const pg = new PGlite({ ...(dataDir === undefined ? {} : { dataDir }), parsers });
  await pg.waitReady;
  const base = queryable(pg);
  return {
    kind: 'pglite',
    query: (text, params) => base.query(text, params),
    transaction: (work) => pg.transaction((tx) => work(queryable(tx))),
    exec: async (script) => {
      await pg.exec(script);
    },
    close: () => pg.close(),
  };
}
