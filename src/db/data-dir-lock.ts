/**
 * One process at a time on an embedded database's folder (issue 17): PGlite is
 * PostgreSQL compiled to WASM inside our process, with no postmaster to keep a
 * second process out. A `dossierwijzer backup` (or restore, verify-log,
 * rotate-master-key, …) beside a running server opened a second handle on the
 * live folder: its start-up recovery and checkpoint write pages under the
 * server's feet. So whoever opens a PGlite folder holds its lock file
 * `<folder>.lock` (beside the folder, not in it: a backup of the folder must not
 * carry the lock into the restored copy) and everyone else is refused, with
 * who holds it.
 *
 * The lock file is created atomically (written under a temporary name, then
 * hard-linked to its name, which fails if it exists) and names the holder: pid,
 * host, the kernel's boot id and the process's start time (Linux /proc), the
 * command, since when. It is removed when the handle closes. A holder that died
 * without removing it (kill -9, a power cut) is recognised as gone:
 *
 * - on this host (same host name and boot id), when its pid is not alive, or is
 *   alive with another start time (the pid was reused);
 * - after a reboot (another boot id) at once;
 * - written on another host (a folder shared over the network, a container
 *   recreated under a new name): when the holder stopped refreshing it — the
 *   holder touches the file every 10 s, and one untouched for 60 s is stale.
 *
 * A stale lock is taken over (the takeover says whose it was). Two processes
 * taking over the same stale lock at the same moment is guarded by checking the
 * file is still the stale one (its inode) right before removing it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** What the lock file says about its holder. */
export interface LockHolder {
  pid: number;
  host: string;
  /** /proc/sys/kernel/random/boot_id, when the system has it. */
  bootId: string | null;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22), when the system has it. */
  processStart: string | null;
  /** What holds it, e.g. `dossierwijzer start`. */
  command: string;
  /** ISO time the lock was taken. */
  since: string;
}

/** A held lock on a folder. */
export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file (only if it is still ours); idempotent. */
  release(): Promise<void>;
}

/** How often the holder refreshes the lock file's time, and when an untouched one from another host is stale. */
export const LOCK_REFRESH_MS = 10_000;
export const LOCK_STALE_MS = 60_000;

/** The folder is held by another process that is alive: nothing was opened. */
export class DataDirInUseError extends Error {
  constructor(readonly dir: string, readonly holder: LockHolder, readonly lockFile: string) {
    super(`the embedded database ${dir} is in use by ${describeHolder(holder)}; a second process on a live PGlite folder would damage it`);
    this.name = 'DataDirInUseError';
  }
}

function describeHolder(holder: LockHolder): string {
  const where = holder.host === os.hostname() ? '' : ` on host ${holder.host}`;
  return `process ${holder.pid}${where} (${holder.command}, since ${holder.since})`;
}

/** The lock file of a PGlite folder: beside it, so a copy of the folder never carries it. */
export function dataDirLockFile(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

function readOptional(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

const bootId = (): string | null => readOptional('/proc/sys/kernel/random/boot_id');

/** Field 22 of /proc/<pid>/stat (after the command name in parentheses, which may hold spaces). */
function processStart(pid: number): string | null {
  const stat = readOptional(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandName(): string {
  const script = process.argv[1] === undefined ? 'node' : path.basename(process.argv[1]).replace(/\.js$/, '');
  const sub = process.argv[2];
  return sub === undefined || sub.startsWith('-') ? script : `${script} ${sub}`;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? value as LockHolder : undefined;
  } catch {
    return undefined;
  }
}

/** Why `holder` no longer holds the lock, or undefined when it does. `ageMs`: since the file was last touched. */
export function staleReason(holder: LockHolder, ageMs: number): string | undefined {
  const here = holder.host === os.hostname();
  const boot = bootId();
  if (here && holder.bootId !== null && boot !== null && holder.bootId !== boot) return 'the machine was restarted since';
  if (here && (boot === null || holder.bootId === boot)) {
    if (!alive(holder.pid)) return `process ${holder.pid} is gone`;
    const start = processStart(holder.pid);
    if (holder.processStart !== null && start !== null && start !== holder.processStart) return `process ${holder.pid} is gone (its number was reused)`;
    return undefined;
  }
  return ageMs > LOCK_STALE_MS ? `it was not refreshed for ${Math.round(ageMs / 1000)} s` : undefined;
}

/**
 * Takes the lock on `dir` for this process, or throws DataDirInUseError naming the live holder. A stale lock (its
 * holder gone) is taken over; `onTakeover` hears whose it was.
 */
export async function lockDataDir(
  dir: string, options: { command?: string; onTakeover?: (holder: LockHolder, reason: string) => void } = {},
): Promise<DataDirLock> {
  const file = dataDirLockFile(dir);
  const holder: LockHolder = {
    pid: process.pid, host: os.hostname(), bootId: bootId(), processStart: processStart(process.pid),
    command: options.command ?? commandName(), since: new Date().toISOString(),
  };
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(temporary, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(temporary, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
      }
      let current: Awaited<ReturnType<typeof stat>>;
      let text: string;
      try {
        current = await stat(file);
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // released meanwhile: try again
        throw error;
      }
      const other = parseHolder(text);
      const age = Date.now() - current.mtimeMs;
      // A lock file that cannot be read is being written (a moment) or damaged: stale only when old.
      const reason = other === undefined ? (age > LOCK_STALE_MS ? 'its lock file is unreadable and old' : undefined) : staleReason(other, age);
      if (reason === undefined) throw new DataDirInUseError(path.resolve(dir), other ?? { ...holder, pid: 0, command: 'unknown', since: 'unknown' }, file);
      // Still the same stale file (nobody took it over meanwhile)? Then it goes.
      const again = await stat(file).catch(() => undefined);
      if (again !== undefined && again.ino === current.ino) {
        await unlink(file).catch(() => undefined);
        if (other !== undefined) options.onTakeover?.(other, reason);
      }
    }
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  const mine = await stat(file);
  const refresh = setInterval(() => {
    const now = new Date();
    void utimes(file, now, now).catch(() => undefined);
  }, LOCK_REFRESH_MS);
  refresh.unref();
  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      clearInterval(refresh);
      // Only our own file: never one another process took over meanwhile.
      const now = await stat(file).catch(() => undefined);
      if (now !== undefined && now.ino === mine.ino) await unlink(file).catch(() => undefined);
    },
  };
}

/** The folders the current async context holds (withDataDirLock), so that what it opens inside does not lock again. */
const heldHere = new AsyncLocalStorage<ReadonlySet<string>>();

/**
 * Runs `work` holding the lock on `dir`; PGlite handles `work` opens on that folder (openPglite) take no lock of
 * their own. For a command that works on the folder in several steps (restore: move aside, unpack, migrate, record).
 */
export async function withDataDirLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const lock = await lockDataDir(dir, { onTakeover: reportTakeover(dir) });
  try {
    return await heldHere.run(new Set([...(heldHere.getStore() ?? []), path.resolve(dir)]), work);
  } finally {
    await lock.release();
  }
}

/** The lock on `dir` for a handle about to open it; undefined when this context holds it already (withDataDirLock). */
export async function lockForOpen(dir: string): Promise<DataDirLock | undefined> {
  if (heldHere.getStore()?.has(path.resolve(dir)) === true) return undefined;
  return lockDataDir(dir, { onTakeover: reportTakeover(dir) });
}

function reportTakeover(dir: string): (holder: LockHolder, reason: string) => void {
  return (holder, reason) => process.stderr.write(`Note: the lock on ${path.resolve(dir)} of process ${holder.pid} (${holder.command}, since ${holder.since}) `
    + `was left behind (${reason}); taken over.\n`);
}
