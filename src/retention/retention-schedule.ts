/**
 * The retention sweep as the server runs it (issue 17 items 4 and 7): shortly
 * after start and then every DW_RETENTION_SWEEP_HOURS, it purges the short-term
 * records beside the dossier and builds the privacy officer's review list. It
 * never destroys a dossier: that needs the privacy officer's confirmation and
 * `dossierwijzer retention destroy-confirmed`.
 *
 * - **One server at a time.** Several servers on one database each keep the
 *   schedule, but a sweep runs only under a session-level advisory lock; a
 *   server that finds it taken skips that turn (and says so).
 * - **A failed sweep is retried** after 1, 2, 4 … minutes (at most an hour, and
 *   never later than the next regular turn) instead of waiting a whole interval:
 *   a sweep that fell in a database outage used to be lost for 24 hours.
 * - **Every sweep logs its counts**, so an operator can see it ran.
 * - Timers are one `setTimeout` at a time, each checked against Node's limit
 *   (2^31-1 ms; above it Node fires after 1 ms) — the configuration's range
 *   already keeps the interval far below it.
 */
import type { Database } from '../db/database.js';
import { purgeShortTermRecords, sweepRetention, type ShortTermPurge, type SweepResult } from './retention-service.js';
import { underSweepLock } from './retention-store.js';

export { RETENTION_SWEEP_LOCK } from './retention-store.js';

/** The first run after start waits this long, so a server restarted daily still sweeps. */
export const FIRST_SWEEP_DELAY_MS = 60_000;

const NODE_TIMER_MAX_MS = 2 ** 31 - 1;

/** Where the schedule reports: the server's logger (pino's object-first signature). */
export interface SweepLog {
  info(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface RetentionSchedule {
  /** Ends the schedule and waits for a sweep in progress. */
  stop(): Promise<void>;
}

export interface RetentionScheduleOptions {
  /** Hours between sweeps; 0 = never. */
  hours: number;
  now: () => Date;
  log: SweepLog;
  /** Test hooks: the first delay and the first retry delay (default 60 s and 1 min). */
  firstDelayMs?: number;
  retryBaseMs?: number;
  onDone?: (result: { purged: ShortTermPurge; sweep: SweepResult } | 'skipped') => void;
}

/** The wait before retry `n` (n ≥ 1) after a failed sweep: base, 2×, 4× … at most an hour and at most the interval. */
export function sweepRetryMs(n: number, baseMs: number, intervalMs: number): number {
  return Math.min(baseMs * 2 ** Math.min(n - 1, 20), 3_600_000, intervalMs);
}

/**
 * Starts the schedule. Returns at once; the first sweep runs after `firstDelayMs`.
 * @example const schedule = startRetentionSchedule(db, { hours: 24, now: () => new Date(), log: server.log });
 */
export function startRetentionSchedule(db: Database, options: RetentionScheduleOptions): RetentionSchedule {
  const intervalMs = options.hours * 3_600_000;
  if (intervalMs > NODE_TIMER_MAX_MS) throw new RangeError(`a retention sweep every ${options.hours} hours exceeds what a timer can hold`);
  const retryBaseMs = options.retryBaseMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let failures = 0;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweep();
    }, ms);
    timer.unref();
  };

  async function sweep(): Promise<void> {
    const started = Date.now();
    try {
      const outcome = await underSweepLock(db, async () => {
        const now = options.now();
        const purged = await purgeShortTermRecords(db, now);
        const result = await sweepRetention(db, { now, dryRun: false });
        return { purged, sweep: result };
      });
      failures = 0;
      if (!outcome.acquired || outcome.value === undefined) {
        options.log.info({ event: 'retention-sweep-skipped' }, 'retention sweep skipped: another server is sweeping');
        options.onDone?.('skipped');
      } else {
        const { purged, sweep: result } = outcome.value;
        options.log.info({
          event: 'retention-sweep', scanned: result.scanned, due: result.due.length, listed: result.listed, withdrawn: result.withdrawn,
          purged, seconds: result.seconds,
        }, `retention sweep done: ${result.scanned} dossiers scanned, ${result.due.length} due, ${result.listed} listed, ${result.withdrawn} withdrawn`);
        options.onDone?.(outcome.value);
      }
      schedule(Math.max(0, intervalMs - (Date.now() - started)));
    } catch (error) {
      failures += 1;
      const retryMs = sweepRetryMs(failures, retryBaseMs, intervalMs);
      options.log.error({ err: error, event: 'retention-sweep-failed', attempt: failures, retryInSeconds: retryMs / 1000 },
        `retention sweep failed; retrying in ${retryMs / 1000} s`);
      schedule(retryMs);
    }
  }

  if (options.hours > 0) schedule(options.firstDelayMs ?? FIRST_SWEEP_DELAY_MS);
  return {
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
    },
  };
}
