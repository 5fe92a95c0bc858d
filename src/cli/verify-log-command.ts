/**
 * `dossierwijzer verify-log`: recomputes the access log's hash chain from the
 * configured database and holds it against the checkpoints file.
 *
 *   dossierwijzer verify-log [--checkpoints FILE] [--checkpoint] [--json]
 *
 * Exit 0: intact (prints rows verified and rows/s). Exit 1: broken (names the
 * first broken row and what is wrong). Exit 2: usage, configuration, or the
 * log could not be read. On PGlite, stop the server first: an embedded
 * database has one user at a time.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import { CheckpointFileError, readCheckpoints, writeCheckpoint, type Checkpoint } from '../access/log-checkpoints.js';
import { verifyLog, type VerifyResult } from '../access/verify-log.js';
import type { Command } from './command.js';

const usage = `Usage: dossierwijzer verify-log [--checkpoints FILE] [--checkpoint] [--json]

Recomputes the access log's hash chain (every row, link and seq) from the
configured database and checks it against the checkpoints kept outside it.

  --checkpoints FILE  checkpoints file (default DW_LOG_CHECKPOINT_FILE, <data dir>/access-log.checkpoints)
  --checkpoint        after a successful verification, append the current head to the checkpoints file
  --json              print the result as JSON

Exit status: 0 intact, 1 broken (the first broken row is named), 2 usage or the log could not be read.
`;

class UsageError extends Error {}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

async function loadCheckpoints(file: string, explicit: boolean): Promise<Checkpoint[] | undefined> {
  try {
    return await readCheckpoints(file);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    if (explicit) throw new UsageError(`Checkpoints file not found: ${file}`);
    return undefined;
  }
}

function rate(result: VerifyResult): string {
  return `${Math.round(result.rowsPerSecond).toLocaleString('en-US')} rows/s`;
}

export const verifyLogCommand: Command = async (args) => {
  let options: { checkpoints?: string | undefined; checkpoint?: boolean | undefined; json?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values: options } = parseArgs({
      args, allowPositionals: false, strict: true,
      options: { checkpoints: { type: 'string' }, checkpoint: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (options.help === true) {
    process.stdout.write(usage);
    return 0;
  }
  const config = loadConfig();
  const file = options.checkpoints ?? config.logCheckpointFile;

  let checkpoints: Checkpoint[] | undefined;
  try {
    checkpoints = await loadCheckpoints(file, options.checkpoints !== undefined);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof CheckpointFileError) {
      // A damaged checkpoints file is itself a finding: the history it pins cannot be confirmed.
      process.stderr.write(`Checkpoints file is damaged: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Could not read the checkpoints file ${file}: ${(error as Error).message}\n`);
    return 2;
  }

  let db: Database | undefined;
  let result: VerifyResult;
  let written: Checkpoint | undefined;
  try {
    db = (await openDatabase(config)).db;
    result = await verifyLog(db, { ...(checkpoints === undefined ? {} : { checkpoints }) });
    if (result.ok && options.checkpoint === true) written = await writeCheckpoint(db, file, new Date());
  } catch (error) {
    process.stderr.write(`Could not verify the access log: ${(error as Error).message}\n`);
    return 2;
  } finally {
    await db?.close().catch(() => undefined);
  }

  if (options.json === true) {
    process.stdout.write(`${JSON.stringify({
      ok: result.ok, rows: result.rows, lastSeq: result.lastSeq, headHash: result.lastHash,
      checkpoints: { file, found: checkpoints !== undefined, count: checkpoints?.length ?? 0, matched: result.checkpointsMatched },
      seconds: Number(result.seconds.toFixed(3)), rowsPerSecond: Math.round(result.rowsPerSecond),
      problem: result.ok ? null : result.problem, checkpointWritten: written ?? null,
    })}\n`);
  } else if (result.ok) {
    process.stdout.write(`Access log intact: ${result.rows} rows verified, ${result.checkpointsMatched} of ${checkpoints?.length ?? 0} checkpoints matched; ${rate(result)}.\n`);
    if (written !== undefined) process.stdout.write(`Checkpoint written: row ${written.seq} to ${file}\n`);
  } else {
    process.stderr.write(`Access log BROKEN at row ${result.problem.seq} (${result.problem.kind}): ${result.problem.message}.\n`);
    process.stderr.write(`${result.rows} rows recomputed before the problem was found; ${rate(result)}.\n`);
  }
  if (checkpoints === undefined && options.json !== true) {
    process.stderr.write(`Warning: no checkpoints file at ${file}; without checkpoints a chain rebuilt end to end cannot be detected.\n`);
  }
  return result.ok ? 0 : 1;
};
