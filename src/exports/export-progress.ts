/**
 * Progress of long exports (a copy PDF or data export of a large dossier),
 * so the web application can show how far it is. The caller names a progress
 * id (a UUID of its own) in the header `x-dossierwijzer-progress` when it asks
 * for the export, and polls `GET /api/exports/progress/{id}` meanwhile. Only
 * numbers are kept — never client data — in this process's memory, for the
 * employee who started the export only, and forgotten shortly after.
 *
 * Several servers (issue 17 item 7): the server making the export keeps its
 * progress in memory and answers its own polls from there; given the database
 * (`SharedProgress`), it also writes each change to `org.export_progress`
 * (export-progress-store.ts) — the start, the end, and between them at most
 * once every `SHARE_EVERY_MS` — so a poll that reaches another server is
 * answered from the database (`sharedProgressFor`). The writes are in the
 * background, one at a time per export, in order; a failed one is dropped
 * (progress is a courtesy: it never fails the export).
 *
 * The registry is bounded and cannot be filled for good (issue 13: entries of
 * failed exports never expired, and after 10,000 of them progress stopped for
 * everyone):
 * - when the export's request ends (`settleProgress`, from the app's
 *   onResponse and onRequestAbort hooks), an unfinished entry is forgotten if
 *   the request failed or was abandoned, and marked done if it succeeded;
 * - an entry not reported on for ten minutes is forgotten (a request that
 *   died without an answer); a finished one five minutes after it finished;
 * - one employee follows at most a few exports at a time: a new one pushes out
 *   their own oldest, so no one can crowd out the others;
 * - when the registry is full nonetheless, the oldest entry makes room: a
 *   newcomer is never refused.
 */
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../db/database.js';
import type { HoldsTransaction } from '../db/scope-tx.js';
import { deleteStoredProgress, readStoredProgress, readStoredProgressInScope, startStoredProgress, writeStoredProgress, type ProgressOwner } from './export-progress-store.js';

export const PROGRESS_HEADER = 'x-dossierwijzer-progress';
const KEEP_AFTER_FINISH_MS = 5 * 60_000;
/** An unfinished export that has not reported for this long has been abandoned. */
const ABANDONED_AFTER_MS = 10 * 60_000;
/** How often, at most, the whole registry is swept for expired entries. */
const SWEEP_EVERY_MS = 10_000;
export const MAX_TRACKED = 10_000;
/** Exports one employee may follow at once (several browser tabs). */
export const MAX_TRACKED_PER_EMPLOYEE = 20;
/** How often, at most, an export's progress is written to the database between its start and its end. */
export const SHARE_EVERY_MS = 1_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** read: entries decrypted and put to the rules; render: pages laid out. */
export type ExportPhase = 'read' | 'render' | 'done';

export interface ProgressSnapshot {
  phase: ExportPhase;
  done: number;
  total: number;
}

export interface ProgressReporter {
  report(phase: ExportPhase, done: number, total: number): void;
}

/** The database the progress is shared through, and the organisation of the employee (row-level security). */
export interface SharedProgress {
  db: Queryable;
  organisationId: string;
}

/** Writes one export's progress to the database in the background: in order, one at a time, at most every SHARE_EVERY_MS. */
class ProgressShare {
  private chain: Promise<unknown>;
  private lastWritten = 0;
  private timer: NodeJS.Timeout | undefined;
  private latest: ProgressSnapshot | undefined;
  private ended = false;

  /** `after`: the writes of an earlier export under the same id, which must land first. */
  constructor(private readonly db: Queryable, private readonly owner: ProgressOwner, after: Promise<unknown> = Promise.resolve()) {
    this.chain = after.then(() => startStoredProgress(db, owner)).catch(() => undefined);
  }

  private enqueue(work: () => Promise<unknown>): void {
    this.chain = this.chain.then(work).catch(() => undefined);
  }

  private flush(): void {
    this.timer = undefined;
    const snapshot = this.latest;
    if (snapshot === undefined) return;
    this.latest = undefined;
    this.lastWritten = Date.now();
    this.enqueue(() => writeStoredProgress(this.db, this.owner, snapshot));
  }

  report(snapshot: ProgressSnapshot, phaseChanged: boolean): void {
    if (this.ended) return;
    this.latest = snapshot;
    if (snapshot.phase === 'done') {
      this.ended = true;
      clearTimeout(this.timer);
      this.flush();
      return;
    }
    if (this.timer !== undefined) return;
    const wait = phaseChanged ? 0 : this.lastWritten + SHARE_EVERY_MS - Date.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait).unref();
  }

  forget(): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    this.latest = undefined;
    this.enqueue(() => deleteStoredProgress(this.db, this.owner));
  }

  /** Settles once every write so far has been tried (for tests). */
  settled(): Promise<unknown> {
    return this.chain;
  }
}

interface Tracked extends ProgressSnapshot {
  employeeId: string;
  share: ProgressShare | undefined;
  /** Last report (or the start); what "abandoned" is measured from. */
  touchedAt: number;
  finishedAt: number | null;
}

/** In start order (a Map keeps insertion order), so the first entry is the oldest. */
const tracked = new Map<string, Tracked>();
/** How many entries each employee has, so the per-employee bound costs no scan. */
const perEmployee = new Map<string, string[]>();
/** The progress id each request registered, so the end of the request can settle it. */
const byRequest = new WeakMap<object, string>();
/**
 * Ids this server forgot lately, so its own polls answer "unknown" at once: the database row is deleted in the
 * background, and a poll that reached the database before that delete landed still found the start row (a failed
 * export answered 200 after its request had ended). Bounded like the registry; kept only as long as a delete takes.
 */
const recentlyForgotten = new Map<string, number>();
const REMEMBER_FORGOTTEN_MS = 60_000;
let lastSweep = 0;

function rememberForgotten(id: string, now: number): void {
  recentlyForgotten.delete(id);
  recentlyForgotten.set(id, now);
  for (const [oldest, at] of recentlyForgotten) {
    if (recentlyForgotten.size <= MAX_TRACKED && now - at <= REMEMBER_FORGOTTEN_MS) break;
    recentlyForgotten.delete(oldest);
  }
}

function forgottenHere(id: string): boolean {
  const at = recentlyForgotten.get(id);
  return at !== undefined && Date.now() - at <= REMEMBER_FORGOTTEN_MS;
}

function forget(id: string): void {
  const t = tracked.get(id);
  if (t === undefined) return;
  tracked.delete(id);
  if (t.share !== undefined) rememberForgotten(id, Date.now());
  t.share?.forget();
  const ids = perEmployee.get(t.employeeId)?.filter((other) => other !== id) ?? [];
  if (ids.length === 0) perEmployee.delete(t.employeeId);
  else perEmployee.set(t.employeeId, ids);
}

function expired(t: Tracked, now: number): boolean {
  return t.finishedAt !== null ? now - t.finishedAt > KEEP_AFTER_FINISH_MS : now - t.touchedAt > ABANDONED_AFTER_MS;
}

function sweep(now: number): void {
  if (now - lastSweep < SWEEP_EVERY_MS) return;
  lastSweep = now;
  for (const [id, t] of tracked) if (expired(t, now)) forget(id);
}

/** A reporter for the export this request asked to follow; a silent one when it asked for none. */
export function progressOf(request: Pick<FastifyRequest, 'headers'>, employeeId: string, shared?: SharedProgress): ProgressReporter {
  const header = request.headers[PROGRESS_HEADER];
  const id = typeof header === 'string' && UUID.test(header) ? header.toLowerCase() : undefined;
  if (id === undefined) return { report: () => undefined };
  const now = Date.now();
  sweep(now);
  const existing = tracked.get(id);
  // Someone else's id is theirs until it expires: never overwritten, never revealed.
  if (existing !== undefined && existing.employeeId !== employeeId && !expired(existing, now)) return { report: () => undefined };
  forget(id);
  recentlyForgotten.delete(id);
  const before = existing?.share?.settled();
  const own = perEmployee.get(employeeId) ?? [];
  while (own.length >= MAX_TRACKED_PER_EMPLOYEE) forget(own.shift()!);
  while (tracked.size >= MAX_TRACKED) forget(tracked.keys().next().value!);
  const share = shared === undefined ? undefined : new ProgressShare(shared.db, { id, organisationId: shared.organisationId, employeeId }, before);
  tracked.set(id, { employeeId, share, phase: 'read', done: 0, total: 0, touchedAt: now, finishedAt: null });
  perEmployee.set(employeeId, [...perEmployee.get(employeeId) ?? [], id]);
  byRequest.set(request, id);
  const entry = tracked.get(id)!;
  return {
    report(phase, done, total) {
      // Forgotten meanwhile (expired, pushed out, or the request ended): nothing to update.
      if (tracked.get(id) !== entry) return;
      const at = Date.now();
      const phaseChanged = entry.phase !== phase;
      Object.assign(entry, { phase, done, total, touchedAt: at, finishedAt: phase === 'done' ? at : null });
      entry.share?.report({ phase, done, total }, phaseChanged);
    },
  };
}

/**
 * The export's request has ended (`failed`: an error answer, or the caller
 * went away). A failed export's progress is forgotten at once; a successful
 * one that did not say so is marked done.
 */
export function settleProgress(request: object, failed: boolean): void {
  const id = byRequest.get(request);
  if (id === undefined) return;
  byRequest.delete(request);
  const t = tracked.get(id);
  if (t === undefined || t.phase === 'done') return;
  if (failed) {
    forget(id);
    return;
  }
  t.phase = 'done';
  t.finishedAt = Date.now();
  t.share?.report({ phase: 'done', done: t.done, total: t.total }, true);
}

/** The progress of one export, for the employee who started it; undefined for anyone else. */
export function progressFor(id: string, employeeId: string): ProgressSnapshot | undefined {
  const t = tracked.get(id.toLowerCase());
  if (t === undefined || t.employeeId !== employeeId || expired(t, Date.now())) return undefined;
  return { phase: t.phase, done: t.done, total: t.total };
}

/**
 * The progress of one export for the employee who started it, wherever it runs: this server's memory when it makes
 * the export, else the database (another server makes it); undefined for anyone else.
 */
export async function sharedProgressFor(id: string, employeeId: string, shared: SharedProgress): Promise<ProgressSnapshot | undefined> {
  const local = tracked.get(id.toLowerCase());
  if (local !== undefined && !expired(local, Date.now())) return progressFor(id, employeeId);
  if (forgottenHere(id.toLowerCase())) return undefined;
  return readStoredProgress(shared.db, { id: id.toLowerCase(), organisationId: shared.organisationId, employeeId });
}

/**
 * `sharedProgressFor` for a route whose gate scope holds a transaction (the portal's door): the stored progress is read
 * through that transaction. With `deps.db` beside it, PGlite's one connection waited for ever and the server with it.
 */
export async function sharedProgressInScope(id: string, ownerId: string, scope: HoldsTransaction, organisationId: string): Promise<ProgressSnapshot | undefined> {
  const local = tracked.get(id.toLowerCase());
  if (local !== undefined && !expired(local, Date.now())) return progressFor(id, ownerId);
  if (forgottenHere(id.toLowerCase())) return undefined;
  return readStoredProgressInScope(scope, { id: id.toLowerCase(), organisationId, employeeId: ownerId });
}

/** Settles once this server's database writes of the export's progress so far have been tried (for tests). */
export async function progressShared(id: string): Promise<void> {
  await tracked.get(id.toLowerCase())?.share?.settled();
}

/** Lets a long synchronous loop give the event loop a turn, so progress polls are answered meanwhile. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
