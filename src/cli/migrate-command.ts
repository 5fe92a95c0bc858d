/** `dossierwijzer migrate`: apply pending migrations and report them. */
import { loadConfig } from '../config/config.js';
import { MigrationChecksumError } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import type { Command } from './command.js';

export const migrateCommand: Command = async () => {
  let opened;
  try {
    opened = await openDatabase(loadConfig());
  } catch (error) {
    if (!(error instanceof MigrationChecksumError)) throw error;
    process.stderr.write(`Refusing to migrate: ${error.message}\n`);
    return 1;
  }
  const { db, migrations } = opened;
  await db.close();
  for (const repair of migrations.repaired) process.stdout.write(`Repaired: ${repair}.\n`);
  if (migrations.backfilled.length > 0) {
    process.stdout.write(`Recorded checksums for ${migrations.backfilled.length} migration(s) applied before checksums were kept.\n`);
  }
  process.stdout.write(migrations.applied.length === 0
    ? `Database is up to date (${migrations.alreadyApplied} migrations applied earlier).\n`
    : `Applied ${migrations.applied.length} migration(s): ${migrations.applied.join(', ')}\n`);
  return 0;
};
