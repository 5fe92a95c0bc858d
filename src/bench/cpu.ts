/**
 * CPU time spent by the server (this process) and by the database's server processes, so that runs on a shared
 * machine can be compared by what one operation costs, not only by how many fit in the seconds left to them:
 * ops/s and latency move with everyone else's load, CPU per operation much less.
 *
 * The database's share is read from /proc for the backends of the bench database (pg_stat_activity), so only for a
 * PostgreSQL server on this host; elsewhere (PGlite, a remote server) it is null and only the server's figure counts.
 */
import { readFile } from 'node:fs/promises';
import type { Database } from '../db/database.js';

export interface CpuSnapshot {
  serverMs: number;
  /** CPU ms per backend process id, or null when they cannot be read. */
  backends: Map<number, number> | null;
}

/** The clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

async function backendMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export async function cpuSnapshot(db: Database): Promise<CpuSnapshot> {
  const usage = process.cpuUsage();
  const serverMs = (usage.user + usage.system) / 1000;
  if (db.kind !== 'postgres') return { serverMs, backends: null };
  const rows = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const backends = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = await backendMs(pid);
    if (ms === undefined) return { serverMs, backends: null };
    backends.set(pid, ms);
  }
  return { serverMs, backends };
}

/** CPU ms between two snapshots: the server's, and the database's (null when not readable). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): { serverMs: number; databaseMs: number | null } {
  let databaseMs: number | null = null;
  if (before.backends !== null && after.backends !== null) {
    databaseMs = 0;
    // A backend that started in between counts from zero; one that ended in between is lost (the pool keeps them).
    for (const [pid, ms] of after.backends) databaseMs += ms - (before.backends.get(pid) ?? 0);
  }
  return { serverMs: after.serverMs - before.serverMs, databaseMs };
}
