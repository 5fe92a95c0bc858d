/**
 * Versioned SQL migrations from `migrations/NNNN_name.sql`, applied in order,
 * each in its own transaction, recorded in `public.schema_migrations` with the
 * SHA-256 of the file as applied. An advisory lock keeps two starting servers
 * from migrating at once.
 *
 * Why checksums: 0029 was edited after it had been applied, and a migrator that
 * records only names never applies a changed file again — a database migrated
 * in between silently kept the old function bodies. Now a changed applied file
 * stops start-up with `MigrationChecksumError` naming it; a fix goes in a new
 * migration (as 0040 does for 0029), never in an applied file.
 *
 * Databases migrated before checksums existed get them on first use: the
 * current file bodies are trusted (trust on first use), except where a known
 * revision tells us the database may hold an older body — 0029, whose old
 * bodies 0040 replaces.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './database.js';

/** The folder beside `src/` and `dist/`, so it resolves from both. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
const LOCK_KEY = 7_310_311; // arbitrary, fixed: "7.3.11"

/**
 * Files that were changed after release, with the checksums of their earlier
 * bodies and the migration that brings a database holding such a body up to
 * the current one. A recorded checksum listed here is accepted (and replaced
 * by the current one) once the repair is applied; any other difference stops.
 */
const KNOWN_REVISIONS: Readonly<Record<string, { earlier: readonly string[]; repairedBy: string }>> = {
  '0029_destruction_needs_a_decision.sql': {
    // The body of commit 5fc2d4a, changed in cfcffd9 (src/db/fixtures/0029_…before-cfcffd9.sql).
    earlier: ['c0ee780bece406c90f711cc44934bdd3fbfbd083fb69dbdd5f0ba44afd76a0bb'],
    repairedBy: '0040_repair_0029_drift.sql',
  },
};

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
  /** Applied migrations that had no checksum yet (migrated before checksums) and got the current file's. */
  backfilled: string[];
  /** Known drift found and repaired, in words for the operator (e.g. the old 0029 bodies). */
  repaired: string[];
}

/** A migration that was applied differs from its file now: start-up must stop. */
export class MigrationChecksumError extends Error {
  constructor(readonly file: string, readonly recorded: string, readonly current: string) {
    super(`Migration ${file} was changed after it had been applied to this database `
      + `(recorded sha256 ${recorded.slice(0, 12)}…, file now ${current.slice(0, 12)}…). `
      + 'An applied migration must never be edited: restore the file as released and put the change in a new migration. '
      + 'The server does not start on a schema that may differ from what the code expects.');
  }
}

/** SHA-256 of a migration's text; line endings do not count (a Windows checkout must not look changed). */
export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

export interface MigrationFile {
  file: string;
  script: string;
  checksum: string;
}

/** The migration files in `dir`, in order, with their checksums. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const base = `file://${dir.endsWith('/') ? dir : `${dir}/`}`;
  const files = (await readdir(dir)).filter((f) => MIGRATION_FILE.test(f)).sort();
  return Promise.all(files.map(async (file) => {
    const script = await readFile(new URL(file, base), 'utf8');
    return { file, script, checksum: migrationChecksum(script) };
  }));
}

/** What the database records: applied versions and their checksums (null = applied before checksums). */
async function recorded(db: Queryable): Promise<Map<string, string | null>> {
  const rows = await db.query<{ version: string; checksum: string | null }>('SELECT version, checksum FROM public.schema_migrations');
  return new Map(rows.map((r) => [r.version, r.checksum]));
}

/**
 * Whether the database holds the bodies of the 0029 as first released: that
 * `care.destroy_dossier` asked for no part (`…, p_request, NULL, NULL)`) and
 * `care.part_of_entry_kind` does not exist. The current 0029 (and 0040) pass
 * `'dossier'` and create the function.
 */
async function hasEarly0029(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ prosrc: string }>(
    `SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'care' AND p.proname IN ('destroy_dossier', 'part_of_entry_kind')`);
  const dossier = rows.find((r) => r.prosrc.includes('assert_destruction_decided'));
  return dossier !== undefined && (dossier.prosrc.includes('p_request, NULL, NULL)') || rows.length < 2);
}

/**
 * Checks that every applied migration still has its file's checksum, without
 * changing anything. Returns the files not yet applied and applied versions
 * with no file here (a newer release migrated this database).
 */
export async function migrationStatus(
  db: Queryable, from: string | readonly MigrationFile[] = MIGRATIONS_DIR,
): Promise<{ pending: string[]; unknown: string[]; changed: string[] }> {
  const files = typeof from === 'string' ? await readMigrations(from) : from;
  const done = await recorded(db);
  const names = new Set(files.map((f) => f.file));
  const changed = files.filter((f) => {
    const sum = done.get(f.file);
    return sum !== undefined && sum !== null && sum !== f.checksum && !KNOWN_REVISIONS[f.file]?.earlier.includes(sum);
  }).map((f) => f.file);
  return {
    pending: files.filter((f) => !done.has(f.file)).map((f) => f.file),
    unknown: [...done.keys()].filter((v) => !names.has(v)).sort(),
    changed,
  };
}

/** Applies pending migrations with `owner` (a single-connection handle as the schema owner). */
export async function migrate(owner: Database, dir: string = MIGRATIONS_DIR): Promise<MigrationResult> {
  const files = await readMigrations(dir);
  // Nothing is written when nothing is pending: `ALTER TABLE … ADD COLUMN IF NOT EXISTS` takes an exclusive lock
  // (WAL-logged, so the transaction commits a record) even when the column is there, and that commit waits for a
  // synchronous standby. On a promoted standby that still names its old standby (issue 17 item 8) `start` hung
  // here for ever, on a connection without timeouts, before it had said anything.
  await owner.exec(`SELECT pg_advisory_lock(${LOCK_KEY});
    DO $$ BEGIN
      IF to_regclass('public.schema_migrations') IS NULL THEN
        CREATE TABLE public.schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_attribute
                      WHERE attrelid = 'public.schema_migrations'::regclass AND attname = 'checksum' AND NOT attisdropped) THEN
        ALTER TABLE public.schema_migrations ADD COLUMN checksum text;
      END IF;
    END $$;`);
  try {
    const done = await recorded(owner);
    const backfilled: string[] = [];
    const repaired: string[] = [];
    // First check everything applied, so nothing is applied on top of a changed history.
    for (const { file, checksum } of files) {
      const sum = done.get(file);
      if (sum === undefined || sum === checksum) continue;
      const revision = KNOWN_REVISIONS[file];
      if (sum === null) {
        // Applied before checksums: trust the current body, unless the database shows a known earlier one.
        if (file === '0029_destruction_needs_a_decision.sql' && revision !== undefined && await hasEarly0029(owner)) {
          repaired.push(`${file}: the database had the bodies of its first release; ${revision.repairedBy} applies the current ones`);
        }
        backfilled.push(file);
        continue;
      }
      if (revision?.earlier.includes(sum) === true) {
        repaired.push(`${file}: applied in an earlier body; ${revision.repairedBy} applies the current one`);
        continue;
      }
      throw new MigrationChecksumError(file, sum, checksum);
    }
    const applied: string[] = [];
    for (const { file, script, checksum } of files) {
      if (done.has(file)) continue;
      try {
        // The file name is checked against MIGRATION_FILE and the checksum is hex, so both are safe to inline.
        await owner.exec(`BEGIN;\n${script}\n;INSERT INTO public.schema_migrations (version, checksum) VALUES ('${file}', '${checksum}');\nCOMMIT;`);
      } catch (error) {
        await owner.exec('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${file} failed: ${(error as Error).message}`);
      }
      applied.push(file);
    }
    // Only now, with the repairs applied, do the recorded checksums become the current files'.
    for (const { file, checksum } of files) {
      const sum = done.get(file);
      if (sum === undefined || sum === checksum) continue;
      const revision = KNOWN_REVISIONS[file];
      if (sum !== null && revision === undefined) continue;
      if (revision !== undefined && !(applied.includes(revision.repairedBy) || done.has(revision.repairedBy))) continue;
      await owner.query('UPDATE public.schema_migrations SET checksum = $1 WHERE version = $2', [checksum, file]);
    }
    return { applied, alreadyApplied: done.size, backfilled, repaired };
  } finally {
    await owner.exec(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
  }
}
