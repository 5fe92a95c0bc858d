/** `dossierwijzer migrate`: apply pending migrations and report them. */
import { loadConfig } from '../config/config.js';
import { MigrationChecksumError } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { withoutArguments, type Command } from './command.js';

const usage = `Usage: dossierwijzer migrate

Applies the pending database migrations and prints what it applied; refuses
when a migration was changed after it had been applied. Takes no options: the
database is the one of the environment (DATABASE_URL, else the embedded
database in DW_DATA_DIR).

Exit status: 0 up to date, 1 refused, 2 usage or configuration errors.
`;

export const migrateCommand: Command = async (args) => {
  const asked = withoutArguments(args, usage);
  if (asked !== undefined) return asked;
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
