/**
 * The `dossierwijzer` command line: one entry, subcommands loaded lazily so
 * that a quick command (conformance, explain) does not pay for the server.
 */

import { DatabaseBehindCheckpointsError } from '../access/log-checkpoints.js';
import { ConfigError } from '../config/config.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { asSystem } from '../db/organisation-scope.js';

import type { Command } from './command.js';

export type { Command } from './command.js';

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  'start': { summary: 'migrate, seed the demo when enabled, and serve HTTP', load: async () => (await import('./start-command.js')).startCommand },
  'migrate': { summary: 'apply pending database migrations', load: async () => (await import('./migrate-command.js')).migrateCommand },
  'setup-organisation': { summary: 'create an organisation and its first accounts, each with a one-time enrolment link', load: async () => (await import('./setup-organisation-command.js')).setupOrganisationCommand },
  'seed-demo': { summary: 'create the fictional demo organisation (idempotent)', load: async () => (await import('./seed-demo-command.js')).seedDemoCommand },
  'conformance': { summary: 'run legal conformance scenario files against the rules engine', load: async () => (await import('./conformance-command.js')).conformanceCommand },
  'explain': { summary: 'ask the rules engine one question and print its decision', load: async () => (await import('./explain-command.js')).explainCommand },
  'verify-log': { summary: 'recompute the access log\'s hash chain and check it against the checkpoints', load: async () => (await import('./verify-log-command.js')).verifyLogCommand },
  'rotate-master-key': { summary: 'rewrap everything under the master key with a new key (resumable)', load: async () => (await import('./rotate-master-key-command.js')).rotateMasterKeyCommand },
  'backup': { summary: 'write a consistent backup of the database and its manifest', load: async () => (await import('./backup-command.js')).backupCommand },
  'restore': { summary: 'restore a backup into an empty database and record the restore', load: async () => (await import('./restore-command.js')).restoreCommand },
  'restored': { summary: 'record a restore made by hand (marker, sessions ended, accounts to check)', load: async () => (await import('./restore-command.js')).restoredCommand },
  'retention': { summary: 'retention sweep (review list) and destruction of confirmed dossiers', load: async () => (await import('./retention-command.js')).retentionCommand },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(18)} ${c.summary}`);
  return `Usage: dossierwijzer <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

/**
 * The refusal of a command whose PGlite folder another process holds (data-dir-lock.ts). A backup is pointed at the
 * server's online backup (SIGUSR2 / DW_BACKUP_DIR), everything else at stopping the server first.
 */
export function inUseMessage(command: string, error: DataDirInUseError): string {
  const pid = error.holder.pid;
  if (command === 'start') return `Refusing to start: ${error.message}. Only one server can run on an embedded database: stop the other one first.`;
  if (command === 'backup') {
    return `Refusing to run backup: ${error.message}. Let the running server take it instead — with DW_BACKUP_DIR set, \`kill -USR2 ${pid}\` `
      + 'writes one there now (online backup, docs/operations.md "Backup") — or stop the server first.';
  }
  return `Refusing to run ${command}: ${error.message}. Stop the server first (\`kill ${pid}\`), then run ${command} again.`;
}

/** Runs the CLI with the given arguments (without node and script path). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  try {
    const run = await command.load();
    // The operator's tools work across organisations (row-level security, migration 0056); `start` does not: each
    // request it serves enters its own organisation's scope, and what it does across organisations says so itself.
    return await (name === 'start' ? run(rest) : asSystem(() => run(rest)));
  } catch (error) {
    // Configuration mistakes are the operator's to fix: say what, without a stack trace.
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      return 2;
    }
    // An embedded database another process has open (a running server): one line saying what to do instead.
    if (error instanceof DataDirInUseError) {
      process.stderr.write(`${inUseMessage(name, error)}\n`);
      return 1;
    }
    // A database behind its checkpoints file needs a person (a restore to record, or tampering to look into), not a stack trace.
    if (error instanceof DatabaseBehindCheckpointsError) {
      process.stderr.write(`Refusing to start: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
