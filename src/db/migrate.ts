/**
 * Versioned SQL migrations from `migrations/NNNN_name.sql`, applied in order,
 * each in its own transaction, recorded in `public.schema_migrations`. An
 * advisory lock keeps two starting servers from migrating at once.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/** The folder beside `src/` and `dist/`, so it resolves from both. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
const LOCK_KEY = 7_310_311; // arbitrary, fixed: "7.3.11"

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Applies pending migrations with `owner` (a single-connection handle as the schema owner). */
export async function migrate(owner: Database, dir: string = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = (await readdir(dir)).filter((f) => MIGRATION_FILE.test(f)).sort();
  await owner.exec(`SELECT pg_advisory_lock(${LOCK_KEY});
    CREATE TABLE IF NOT EXISTS public.schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());`);
  try {
    const done = new Set((await owner.query<{ version: string }>('SELECT version FROM public.schema_migrations')).map((r) => r.version));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const script = await readFile(new URL(file, `file://${dir.endsWith('/') ? dir : `${dir}/`}`), 'utf8');
      try {
        // The file name is checked against MIGRATION_FILE, so it is safe to inline.
        await owner.exec(`BEGIN;\n${script}\n;INSERT INTO public.schema_migrations (version) VALUES ('${file}');\nCOMMIT;`);
      } catch (error) {
        await owner.exec('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${file} failed: ${(error as Error).message}`);
      }
      applied.push(file);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await owner.exec(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
  }
}
