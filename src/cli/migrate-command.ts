/** `dossierwijzer migrate`: apply pending migrations and report them. */
import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/open-database.js';
import type { Command } from './command.js';

export const migrateCommand: Command = async () => {
  const { db, migrations } = await openDatabase(loadConfig());
  await db.close();
  process.stdout.write(migrations.applied.length === 0
    ? `Database is up to date (${migrations.alreadyApplied} migrations applied earlier).\n`
    : `Applied ${migrations.applied.length} migration(s): ${migrations.applied.join(', ')}\n`);
  return 0;
};
