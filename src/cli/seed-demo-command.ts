/** `dossierwijzer seed-demo`: create the fictional demo organisation (idempotent). */
import { loadConfig } from '../config/config.js';
import { loadMasterKey } from '../crypto/master-key.js';
import { openDatabase } from '../db/open-database.js';
import { SYSTEM_SCOPE, withDefaultScope } from '../db/organisation-scope.js';
import { seedDemo } from '../demo/seed-demo.js';
import { withoutArguments, type Command } from './command.js';

const usage = `Usage: dossierwijzer seed-demo

Creates the fictional demo organisation, its employees and clients (nothing
changes when it is already there). For trying Dossierwijzer out: never in a
database with real data. Takes no options: the database is the one of the
environment (DATABASE_URL, else the embedded database in DW_DATA_DIR).

Exit status: 0 done, 2 usage or configuration errors.
`;

export const seedDemoCommand: Command = async (args) => {
  const asked = withoutArguments(args, usage);
  if (asked !== undefined) return asked;
  const config = loadConfig();
  // The demo organisation is made before any organisation scope exists (row-level security, migration 0056).
  const db = withDefaultScope((await openDatabase(config)).db, SYSTEM_SCOPE);
  try {
    const result = await seedDemo(db, await loadMasterKey(config), new Date());
    process.stdout.write(result.created ? 'Demo organisation created.\n' : 'Demo organisation already present; nothing changed.\n');
    return 0;
  } finally {
    await db.close();
  }
};
