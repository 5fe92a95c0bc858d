/**
 * `dossierwijzer verify-log`: recomputes the access log's hash chain from the
 * configured database and holds it against the checkpoints file.
 *
 *   dossierwijzer verify-log [--checkpoints FILE|DIR ... | --no-checkpoints] [--checkpoint] [--json]
 *
 * Exit 0: intact (prints rows verified and rows/s). Exit 1: broken (names the
 * first broken row and what is wrong). Exit 2: usage, configuration, or the
 * log could not be read. On PGlite, stop the server first: an embedded
 * database has one user at a time.
 *
 * Fails closed (issue 13): a log with rows and a missing or empty checkpoints
 * file is not intact — a log whose rows were deleted and whose chain was
 * rebuilt end to end passes the chain alone. `--no-checkpoints` verifies the
 * chain alone when asked explicitly, and says why that is weak.
 *
 * A restore recorded by `dossierwijzer restore` / `restored` (issue 17 item 1)
 * is reported as what it is: "restored to the backup of <time>; rows after it
 * were lost with the restore", not as a truncated or rebuilt log. Its marker's
 * signature (migration 0070) is checked under the configured master key
 * (DW_MASTER_KEY or its key file, as the server has it): a bad one fails; without
 * the key the signatures are reported as not checked. `--require-signed` accepts
 * no unsigned marker (one from before 0070, or one staged by someone with the
 * database and the checkpoints file but without the master key): it fails.
 *
 * Several servers (issue 17 item 7): each keeps its own checkpoints stream
 * (`{host}` in DW_LOG_CHECKPOINT_FILE); verify-log holds the one chain against
 * all of them at once. It never migrates and writes nothing unless asked
 * (`--checkpoint`), so it runs on a read-only replica too.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkpointFileOfThisHost, HOST_PLACEHOLDER, loadConfig, type Config } from '../config/config.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import type { Database } from '../db/database.js';
import { openDatabaseAsIs } from '../db/open-database.js';
import { SYSTEM_SCOPE, withDefaultScope } from '../db/organisation-scope.js';
import { CheckpointFileError, readCheckpoints, writeCheckpoint, type Checkpoint } from '../access/log-checkpoints.js';
import { readRestoreMarkers, restoreSigningKey, type RestoreMarker, type RestoreSigningKey } from '../access/log-restores.js';
import { verifyLog, type CheckpointStream, type RestoreReport, type VerifyResult } from '../access/verify-log.js';
import { rotationThatRetired } from '../crypto/master-key-rotation-store.js';
import type { Queryable } from '../db/database.js';
import { configuredMasterKey } from './backup-command.js';
import type { Command } from './command.js';

const usage = `Usage: dossierwijzer verify-log [--checkpoints FILE|DIR ... | --no-checkpoints] [--checkpoint] [--require-signed] [--json]

Recomputes the access log's hash chain (every row, link, seq and time order)
from the configured database and checks it against the checkpoints kept
outside it. A log with rows and no checkpoints (file missing or empty) is
reported as broken: without them a rebuilt chain cannot be told apart.

  --checkpoints FILE  checkpoints file (default DW_LOG_CHECKPOINT_FILE, <data dir>/access-log.checkpoints);
                      repeat it for several servers' files, or name a directory (every *.checkpoints file in it).
                      With {host} in DW_LOG_CHECKPOINT_FILE the default is every server's file that matches it.
  --no-checkpoints    verify the chain alone (weak: a chain rebuilt end to end passes); e.g. once,
                      with --checkpoint, to write the first checkpoint of an existing log
  --checkpoint        after a successful verification, append the current head to the checkpoints file
  --require-signed    fail on a restore marker without a signature (instead of reporting it as unsigned);
                      needs the master key (DW_MASTER_KEY or its key file), as the server has it
  --json              print the result as JSON

Exit status: 0 intact, 1 broken (the first broken row is named), 2 usage or the log could not be read.
`;

class UsageError extends Error {}

/** Why the chain alone is weak: printed (and in the JSON) when --no-checkpoints is given. */
export const NO_CHECKPOINTS_WARNING = 'verified without checkpoints (--no-checkpoints): the chain alone cannot detect a log whose rows were '
  + 'deleted or changed and whose chain was then rebuilt end to end by someone who can write the table; only checkpoints kept '
  + 'outside the database can. Restore the checkpoints file, or write one now with --checkpoint and keep it off the database host.';

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

const CHECKPOINTS_SUFFIX = '.checkpoints';

/** The files a `--checkpoints` argument names: the file itself, or every *.checkpoints file in a directory. */
async function filesNamedBy(argument: string): Promise<string[]> {
  const info = await stat(argument).catch((error: unknown) => {
    if (isNotFound(error)) throw new UsageError(`Checkpoints file not found: ${argument}`);
    throw error;
  });
  if (!info.isDirectory()) return [argument];
  const names = (await readdir(argument)).filter((name) => name.endsWith(CHECKPOINTS_SUFFIX)).sort();
  if (names.length === 0) throw new UsageError(`No *${CHECKPOINTS_SUFFIX} files in ${argument}`);
  return names.map((name) => path.join(argument, name));
}

/**
 * Every server's stream when DW_LOG_CHECKPOINT_FILE has `{host}` in its file name: the files in that directory that
 * match it (this server's own among them, even if it has none yet); otherwise the one configured file.
 */
async function defaultFiles(config: Pick<Config, 'logCheckpointFile' | 'logCheckpointPattern'>): Promise<string[]> {
  const pattern = config.logCheckpointPattern;
  const base = path.basename(pattern);
  if (!base.includes(HOST_PLACEHOLDER) || path.dirname(pattern).includes(HOST_PLACEHOLDER)) return [config.logCheckpointFile];
  const [before, after] = [base.slice(0, base.indexOf(HOST_PLACEHOLDER)), base.slice(base.indexOf(HOST_PLACEHOLDER) + HOST_PLACEHOLDER.length)];
  let names: string[] = [];
  try {
    names = await readdir(path.dirname(pattern));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const hostOf = (name: string) => name.slice(before.length, name.length - after.length);
  const matching = names
    .filter((name) => name.length > before.length + after.length && name.startsWith(before) && name.endsWith(after) && !hostOf(name).includes(HOST_PLACEHOLDER))
    .map((name) => path.join(path.dirname(pattern), name));
  const own = checkpointFileOfThisHost(pattern);
  return [...new Set([...matching, own])].sort();
}

/** The streams to verify against; undefined when the one default file does not exist (fail closed later). */
async function loadStreams(files: readonly string[], explicit: boolean): Promise<CheckpointStream[] | undefined> {
  const streams: CheckpointStream[] = [];
  for (const file of files) {
    const checkpoints = await loadCheckpoints(file, explicit);
    if (checkpoints !== undefined) streams.push({ name: file, checkpoints });
  }
  return streams.length === 0 ? undefined : streams;
}

/** The fingerprints, among those the markers were signed under, of master keys a finished rotation retired. */
async function retiredKeysOf(db: Queryable, markers: readonly RestoreMarker[], signing: RestoreSigningKey | undefined): Promise<Set<string>> {
  const retired = new Set<string>();
  const others = new Set(markers.map((m) => m.signedWith).filter((f): f is string => f !== null && f !== signing?.fingerprint));
  for (const fingerprint of others) if (await rotationThatRetired(db, fingerprint) !== undefined) retired.add(fingerprint);
  return retired;
}

const SIGNATURE_WORDS: Record<RestoreReport['signature'], string> = {
  'valid': 'signature valid',
  'invalid': 'signature INVALID',
  'retired-key': 'signed under a master key retired by a rotation (not checked)',
  'unsigned': 'unsigned (recorded before restore markers were signed; not checked)',
  'not-checked': 'signature not checked (no master key configured here)',
};

/** One restore as the operator reads it. */
export function describeRestore(r: RestoreReport): string {
  const what = `Restored on ${r.restoredAt} to the backup of ${r.backupTakenAt} (log row ${r.headSeq}) by ${r.restoredBy}, from ${r.source} [${SIGNATURE_WORDS[r.signature]}]`;
  if (!r.inCheckpointsFile) return `${what}: recorded in the database but not in this checkpoints file.`;
  return r.lostUpToSeq === null
    ? `${what}; no checkpointed rows were lost with it (rows written after the last checkpoint before the backup may have been).`
    : `${what}; rows ${r.headSeq + 1}–${r.lostUpToSeq} (at least) written before the restore were lost with it `
      + `(${r.lostCheckpoints} earlier checkpoint(s) pin that lost history and no longer apply).`;
}

function rate(result: VerifyResult): string {
  return `${Math.round(result.rowsPerSecond).toLocaleString('en-US')} rows/s`;
}

export const verifyLogCommand: Command = async (args) => {
  let options: {
    'checkpoints'?: string[] | undefined; 'no-checkpoints'?: boolean | undefined; 'checkpoint'?: boolean | undefined; 'json'?: boolean | undefined; 'help'?: boolean | undefined;
    'require-signed'?: boolean | undefined;
  };
  try {
    ({ values: options } = parseArgs({
      args, allowPositionals: false, strict: true,
      options: {
        'checkpoints': { type: 'string', multiple: true }, 'no-checkpoints': { type: 'boolean' }, 'checkpoint': { type: 'boolean' }, 'json': { type: 'boolean' },
        'require-signed': { type: 'boolean' }, 'help': { type: 'boolean', short: 'h' },
      },
    }));
    if (options.checkpoints !== undefined && options['no-checkpoints'] === true) throw new Error('--checkpoints and --no-checkpoints exclude each other');
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (options.help === true) {
    process.stdout.write(usage);
    return 0;
  }
  const config = loadConfig();
  const explicit = options.checkpoints !== undefined;
  const withoutCheckpoints = options['no-checkpoints'] === true;
  const requireSigned = options['require-signed'] === true;
  // Where `--checkpoint` writes: this server's own stream (or the one file named).
  let file = config.logCheckpointFile;

  let streams: CheckpointStream[] | undefined;
  let files: string[] = [file];
  try {
    if (!withoutCheckpoints) {
      files = explicit ? (await Promise.all(options.checkpoints!.map(filesNamedBy))).flat() : await defaultFiles(config);
      if (explicit && files.length === 1) file = files[0]!;
      streams = await loadStreams(files, explicit);
    }
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
    process.stderr.write(`Could not read the checkpoints file ${files.join(', ')}: ${(error as Error).message}\n`);
    return 2;
  }
  const checkpoints: Checkpoint[] | undefined = streams?.flatMap((stream) => stream.checkpoints);

  let db: Database | undefined;
  let result: VerifyResult;
  let written: Checkpoint | undefined;
  try {
    // The chain runs through every organisation's rows (row-level security, migration 0056).
    // As is: no migration, nothing written (a read-only replica will do); a database not migrated fails to read.
    db = withDefaultScope(await openDatabaseAsIs(config), SYSTEM_SCOPE);
    const restores = await readRestoreMarkers(db);
    const masterKey = await configuredMasterKey(config);
    const restoreSigning = masterKey === undefined ? undefined : restoreSigningKey(masterKey);
    if (requireSigned && restoreSigning === undefined) {
      throw new UsageError('--require-signed checks every restore marker\'s signature and needs the master key: configure DW_MASTER_KEY or its key file as the server has it');
    }
    const retiredKeys = await retiredKeysOf(db, restores, restoreSigning);
    result = await verifyLog(db, {
      ...(streams === undefined ? {} : { streams }), requireCheckpoints: !withoutCheckpoints, restores,
      ...(restoreSigning === undefined ? {} : { restoreSigning }), retiredKeys, requireSigned,
    });
    if (result.ok && options.checkpoint === true) written = await writeCheckpoint(db, file, new Date());
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    if (error instanceof DataDirInUseError) throw error; // main.ts says what to do instead
    process.stderr.write(`Could not verify the access log: ${(error as Error).message}\n`);
    return 2;
  } finally {
    await db?.close().catch(() => undefined);
  }

  if (options.json === true) {
    process.stdout.write(`${JSON.stringify({
      ok: result.ok, rows: result.rows, lastSeq: result.lastSeq, headHash: result.lastHash,
      checkpoints: {
        file, files: streams?.map((stream) => stream.name) ?? [], used: !withoutCheckpoints, found: checkpoints !== undefined,
        count: checkpoints?.length ?? 0, matched: result.checkpointsMatched,
        warning: withoutCheckpoints ? NO_CHECKPOINTS_WARNING : null,
      },
      seconds: Number(result.seconds.toFixed(3)), rowsPerSecond: Math.round(result.rowsPerSecond),
      restores: result.restores, problem: result.ok ? null : result.problem, checkpointWritten: written ?? null,
    })}\n`);
  } else if (result.ok) {
    process.stdout.write(withoutCheckpoints
      ? `Access log chain intact (no checkpoints used): ${result.rows} rows verified; ${rate(result)}.\n`
      : `Access log intact: ${result.rows} rows verified, ${result.checkpointsMatched} of ${checkpoints?.length ?? 0} checkpoints matched`
        + `${(streams?.length ?? 0) > 1 ? ` (${streams!.length} checkpoints files)` : ''}; ${rate(result)}.\n`);
    for (const restore of result.restores) process.stdout.write(`${describeRestore(restore)}\n`);
    if (written !== undefined) process.stdout.write(`Checkpoint written: row ${written.seq} to ${file}\n`);
  } else {
    for (const restore of result.restores) process.stderr.write(`${describeRestore(restore)}\n`);
    process.stderr.write(`Access log BROKEN at row ${result.problem.seq} (${result.problem.kind}): ${result.problem.message}.\n`);
    process.stderr.write(`${result.rows} rows recomputed before the problem was found; ${rate(result)}.\n`);
  }
  if (options.json !== true) {
    if (result.restores.some((r) => r.signature === 'not-checked')) {
      process.stderr.write('Warning: the restore markers\' signatures were not checked: no master key is configured here (DW_MASTER_KEY or its key file). '
        + 'Run verify-log where the server runs to check them.\n');
    }
    if (withoutCheckpoints) process.stderr.write(`Warning: ${NO_CHECKPOINTS_WARNING}\n`);
    else if (checkpoints === undefined) process.stderr.write(`No checkpoints file at ${files.join(', ')}.\n`);
  }
  return result.ok ? 0 : 1;
};
