/**
 * A short cache of resolved sessions (issue 18 item 4), so that a busy
 * server does not ask `org.sessions` on every request — without weakening
 * "log-out ends the session at once", across server processes too:
 *
 * - it is used only while this server LISTENs on `dw_sessions`, which the
 *   database's triggers (migrations/0081) notify on commit of every change
 *   that ends or narrows a session: a session ended, its expiry or idle time
 *   set back, a session deleted, an employee changed (disabled, role, approval,
 *   organisation). Each notification drops what was kept of that employee;
 *   a lost listening connection drops everything and turns the cache off until
 *   it listens again;
 * - this server's own log-out and end-of-all-sessions drop the entries at
 *   once, before their transaction commits, so the next request of that
 *   browser here never meets them;
 * - an entry is served for at most `ttlMs` (DW_SESSION_CACHE_MS), and never
 *   once the idle time since its `last_seen_at` nears the point where the
 *   session store refreshes it (then the database is asked and refreshes it),
 *   nor past its expiry or idle limit, all judged by the request's clock;
 * - a look-up that raced with a notification is not kept (a generation count).
 *
 * Off (DW_SESSION_CACHE_MS = 0, the default) or on PGlite (one process, no
 * LISTEN): every request asks the database, as before.
 */
import type { Database } from '../db/database.js';
import type { SessionSettings, SessionState } from './sessions.js';

export const SESSION_CHANNEL = 'dw_sessions';

interface Kept {
  state: SessionState;
  lastSeenAt: number;
  expiresAt: number;
  keptAt: number;
}

/** What one server keeps for one database. */
export class SessionCache {
  private readonly kept = new Map<string, Kept>();
  private listening = false;
  private generation = 0;

  constructor(readonly ttlMs: number, private readonly refreshAfterMs: number, private readonly maxEntries = 10_000) {}

  /** The kept state of this session, if it may be served at `now`. */
  get(key: string, settings: SessionSettings, now: Date): SessionState | undefined {
    if (!this.listening) return undefined;
    const kept = this.kept.get(key);
    if (kept === undefined) return undefined;
    const at = now.getTime();
    const fresh = at >= kept.keptAt && at - kept.keptAt < this.ttlMs
      && at < kept.expiresAt
      && at - kept.lastSeenAt < Math.min(this.refreshAfterMs, settings.idleMinutes * 60_000);
    if (!fresh) {
      this.kept.delete(key);
      return undefined;
    }
    return kept.state;
  }

  /** A token for `put`: a look-up started now may be kept only if nothing was dropped meanwhile. */
  mark(): number {
    return this.generation;
  }

  put(key: string, mark: number, state: SessionState, lastSeenAt: Date, expiresAt: Date, now: Date): void {
    if (!this.listening || mark !== this.generation) return;
    if (this.kept.size >= this.maxEntries) this.kept.clear();
    this.kept.set(key, { state, lastSeenAt: lastSeenAt.getTime(), expiresAt: expiresAt.getTime(), keptAt: now.getTime() });
  }

  /** Drops what was kept of this employee ('*': of everyone). */
  dropEmployee(employeeId: string): void {
    this.generation += 1;
    if (employeeId === '*' || employeeId === '') {
      this.kept.clear();
      return;
    }
    for (const [key, kept] of this.kept) if (kept.state.actor.employeeId === employeeId) this.kept.delete(key);
  }

  setListening(listening: boolean): void {
    this.listening = listening;
    this.generation += 1;
    this.kept.clear();
  }

  get size(): number {
    return this.kept.size;
  }
}

const caches = new WeakMap<object, SessionCache>();
/** Every cache of this process (one per server's database; tests run several servers in one process). */
const live = new Set<SessionCache>();

/**
 * This process's own log-out or end of all sessions: every cache here forgets the employee at once, before the
 * change commits (the database's notification reaches the other processes when it does).
 */
export function forgetSessionsOf(employeeId: string): void {
  for (const cache of live) cache.dropEmployee(employeeId);
}

/** The cache of `db`'s server, if one was started (the auth hook passes its database as a Queryable). */
export function sessionCacheOf(db: object): SessionCache | undefined {
  return caches.get(db);
}

/** How long to wait before listening again after the connection was lost. */
const RELISTEN_MS = 1_000;

/**
 * Starts the cache for `db` if `ttlMs` > 0 and the database can LISTEN; returns the function that stops it.
 * `refreshAfterMs` is the session store's refresh interval for last_seen_at.
 */
export async function startSessionCache(db: Database, ttlMs: number, refreshAfterMs: number): Promise<() => Promise<void>> {
  if (ttlMs <= 0 || db.listen === undefined) return () => Promise.resolve();
  const listen = db.listen.bind(db);
  const cache = new SessionCache(ttlMs, refreshAfterMs);
  caches.set(db, cache);
  live.add(cache);
  let stop: (() => Promise<void>) | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const start = async (): Promise<void> => {
    try {
      stop = await listen(SESSION_CHANNEL, (payload) => cache.dropEmployee(payload), () => {
        cache.setListening(false);
        if (!stopped) retry = setTimeout(() => void start(), RELISTEN_MS).unref();
      });
      if (stopped) await stop();
      else cache.setListening(true);
    } catch {
      cache.setListening(false);
      if (!stopped) retry = setTimeout(() => void start(), RELISTEN_MS).unref();
    }
  };
  await start();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    cache.setListening(false);
    caches.delete(db);
    live.delete(cache);
    await stop?.();
  };
}
