/**
 * `dossierwijzer retention`: the retention sweep and the destruction of the
 * dossiers the privacy officer confirmed (Jeugdwet 7.3.8–7.3.9; 003 §3.2–3.3).
 *
 *   dossierwijzer retention sweep [--dry-run]
 *   dossierwijzer retention destroy-confirmed
 *
 * The work is split in two on purpose. `sweep` finds the dossiers whose
 * retention ended and puts them on the privacy officer's review list (the
 * server does the same daily); with --dry-run it only lists them. It never
 * destroys a dossier (it does delete the short-term records beside it whose
 * own period ended). `destroy-confirmed` destroys what the privacy officer
 * confirmed, one transaction per dossier. Both are idempotent and resumable:
 * kill either and run it again (src/cli/retention-command.test.ts does, with
 * SIGKILL). On PGlite, stop the server first.
 *
 * Environment (read here, not in the server's config, because only this
 * command uses them): DW_RETENTION_SWEEP_BATCH, dossiers per sweep batch
 * (default SWEEP_BATCH); DW_TEST_PAUSE_AFTER_BATCH, milliseconds to pause after
 * each committed batch — for the crash test only, so its kill lands mid-run.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import { SYSTEM_SCOPE, withDefaultScope } from '../db/organisation-scope.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { destroyConfirmed, purgeShortTermRecords, SWEEP_BATCH, sweepRetention } from '../retention/retention-service.js';
import type { Command } from './command.js';
import { withProgressLine } from './progress-line.js';

const usage = `Usage: dossierwijzer retention sweep [--dry-run]
       dossierwijzer retention destroy-confirmed

  sweep              find dossiers whose retention period ended (20 years after the last
                     change, or the organisation's longer term; none while held for a
                     procedure) and put them on the privacy officer's review list;
                     also deletes the records beside the dossier whose own period ended
                     (work notes, complaints, incidents, prospective clients). Never
                     destroys a dossier: that waits for the privacy officer's confirmation
    --dry-run        only list them (client id, last change, kept until); change nothing
  destroy-confirmed  destroy the dossiers the privacy officer confirmed: key destroyed,
                     content removed, one destruction record each. Safe to interrupt and rerun.

Progress goes to stderr (sweep) or stdout (destroy-confirmed): redrawn in place on a terminal,
a line every 5 s otherwise. Exit 0 done, 2 usage or database error.
Environment: DW_RETENTION_SWEEP_BATCH dossiers per sweep batch (default ${SWEEP_BATCH}).
`;

/** A positive integer from the environment, else the fallback. */
function envPositive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? '');
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export const retentionCommand: Command = async (args) => {
  let parsed: { values: { 'dry-run'?: boolean | undefined; 'help'?: boolean | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { 'dry-run': { type: 'boolean' }, 'help': { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    process.stdout.write(usage);
    return 0;
  }
  const [sub, ...extra] = positionals;
  if ((sub !== 'sweep' && sub !== 'destroy-confirmed') || extra.length > 0 || (sub === 'destroy-confirmed' && values['dry-run'] === true)) {
    process.stderr.write(usage);
    return 2;
  }
  const config = loadConfig();
  let db: Database | undefined;
  try {
    // The sweep and the destruction of confirmed dossiers span organisations (row-level security, migration 0056).
    db = withDefaultScope((await openDatabase(config)).db, SYSTEM_SCOPE);
    if (sub === 'sweep') {
      const dryRun = values['dry-run'] === true;
      const pause = envPositive('DW_TEST_PAUSE_AFTER_BATCH', 0);
      const open = db;
      const result = await withProgressLine(process.stderr, (progress) => sweepRetention(open, {
        now: new Date(), dryRun, batch: envPositive('DW_RETENTION_SWEEP_BATCH', SWEEP_BATCH),
        onProgress: (p) => progress.update(`scanned ${p.scanned} dossiers, ${p.due} due`),
        ...(pause > 0 ? { afterBatch: () => sleep(pause) } : {}),
      }));
      if (dryRun) {
        for (const d of result.due) process.stdout.write(`${d.clientId}  last change ${d.lastChange}  kept until ${d.keptUntil}\n`);
      }
      if (!dryRun) {
        const purged = await purgeShortTermRecords(db, new Date());
        process.stdout.write(`Destroyed after their own period: ${purged.workNotes} personal work notes, ${purged.drafts} unfinished drafts, ${purged.complaints} complaints, ${purged.incidents} incidents, ${purged.prospectiveClients} prospective clients.\n`);
      }
      process.stdout.write(`${result.due.length} of ${result.scanned} dossiers due for destruction review${dryRun ? ' (dry run: nothing changed)' : `; ${result.listed} on the review list, ${result.withdrawn} withdrawn`}; ${result.seconds.toFixed(1)} s.\n`);
    } else {
      const open = db;
      const result = await withProgressLine(process.stdout, (progress) => destroyConfirmed(open, {
        now: new Date(),
        onProgress: (p) => progress.update(`progress ${p.destroyed + p.skipped}/${p.total}: ${p.destroyed} destroyed, ${p.skipped} skipped`),
      }));
      process.stdout.write(`Destroyed ${result.destroyed} confirmed dossiers (${result.skipped} skipped); ${Math.round(result.dossiersPerSecond)} dossiers/s.\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DataDirInUseError) throw error; // main.ts says what to do instead
    process.stderr.write(`Retention ${sub} failed: ${(error as Error).message}\n`);
    return 2;
  } finally {
    await db?.close().catch(() => undefined);
  }
};
