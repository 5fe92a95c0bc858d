/**
 * The retention sweep and the destruction of confirmed dossiers (Jeugdwet
 * 7.3.8–7.3.9; BW 7:454(3); 003 §3.2–3.3; DOMAIN §5).
 *
 * Sweep: walks all clients in batches (keyset on id), lets SQL pre-select the
 * candidates whose last change lies before the legal minimum (no dossier can
 * be due earlier: the engine keeps the latest of the minimum, the
 * organisation's term and the good-care day), and lets the rules engine
 * (`retention()`, through `retentionEnd`) decide each one.
 * Due dossiers go on the privacy officer's review list; the sweep never
 * destroys anything.
 *
 * Destruction: only dossiers the privacy officer confirmed. Each dossier in ONE
 * transaction: re-check it is still due, destroy it through the sanctioned path
 * (`destroyWholeDossier`: key destroyed, content rows removed, destruction record
 * with reason 'retention-expired'), mark its review row 'destroyed' (the
 * progress marker), and write the access-log row. A crash at any moment leaves
 * each dossier either untouched and still 'confirmed', or destroyed, marked and
 * recorded exactly once; a second run picks up where the first stopped.
 */
import type { RecordScope } from '../access/gate-scope.js';
import { clientIdsAfter } from '../clients/client-store.js';
import type { Database, Queryable } from '../db/database.js';
import { purgeExpiredRegisterRecords } from '../registers/register-service.js';
import { decideInDatabase, destroyWholeDossier } from '../requests/destruction.js';
import { destroyExpiredNotes } from '../work-notes/work-note-service.js';
import { destroyExpiredDrafts } from '../drafts/draft-store.js';
import { RETENTION_YEARS } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import { DESTROYED_TEXT, keyUnlessDestroyed, openText, sealText, unwrapClientKeys } from './client-free-text.js';
import { retentionOfDossier, retentionOfRow, termFromRow } from './dossier-retention.js';
import { termWarning, type AgeOf, type OrganisationTerm } from './retention-policy.js';
import {
  confirmedAfter, countConfirmed, dropReview, listDue, lockConfirmed, markDestroyed, namedDossierRetention, organisationRetention, sweepCandidates,
  withdrawPending, type DossierRetentionStore, type DueRow,
} from './retention-store.js';

export const SWEEP_BATCH = 2000;

export type DueDossier = DueRow;

export interface SweepResult {
  scanned: number;
  due: DueDossier[];
  /** Rows newly put on (or refreshed in) the review list; 0 on a dry run. */
  listed: number;
  /** Pending rows taken off the list because the dossier is no longer due (it changed). */
  withdrawn: number;
  seconds: number;
}

export interface SweepProgress {
  scanned: number;
  due: number;
}

function asDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * Finds the dossiers whose retention ended on `now`'s Dutch date and (unless
 * `dryRun`) puts them on the review list. Dossiers already confirmed, held or
 * destroyed keep their state; pending ones that changed since are withdrawn.
 */
export async function sweepRetention(db: Database, options: {
  now: Date; dryRun: boolean; organisationId?: string | undefined;
  batch?: number; onProgress?: (progress: SweepProgress) => void;
  /** Awaited after each batch is committed and reported (the CLI's test-only pause, so a kill lands mid-run). */
  afterBatch?: () => Promise<void>;
}): Promise<SweepResult> {
  const started = performance.now();
  const today = calendarDate(options.now);
  const batch = options.batch ?? SWEEP_BATCH;
  const due: DueDossier[] = [];
  let scanned = 0;
  let listed = 0;
  let withdrawn = 0;
  let cursor = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const keys = await clientIdsAfter(db, cursor, options.organisationId ?? null, batch);
    if (keys.length === 0) break;
    cursor = keys[keys.length - 1]!;
    scanned += keys.length;
    // Which dossiers may be due, and which are pending on the list: the store pre-selects, the engine decides below.
    const candidates = await sweepCandidates(db, keys, options.now, RETENTION_YEARS);
    const toList: DueDossier[] = [];
    const toWithdraw: string[] = [];
    for (const row of candidates) {
      if (row.status === 'confirmed' || row.status === 'destroyed') continue;
      const end = retentionOfRow(row, today);
      if (end.due && end.keptUntil !== null) {
        const dossier = { clientId: row.id, organisationId: row.organisation_id, lastChange: end.lastChange, keptUntil: end.keptUntil };
        due.push(dossier);
        toList.push(dossier);
      } else if (row.status === 'pending') {
        toWithdraw.push(row.id);
      }
    }
    if (!options.dryRun && (toList.length > 0 || toWithdraw.length > 0)) {
      await db.transaction(async (tx) => {
        if (toList.length > 0) await listDue(tx, toList);
        if (toWithdraw.length > 0) await withdrawPending(tx, toWithdraw);
      });
      listed += toList.length;
      withdrawn += toWithdraw.length;
    }
    options.onProgress?.({ scanned, due: due.length });
    await options.afterBatch?.();
  }
  return { scanned, due, listed, withdrawn, seconds: (performance.now() - started) / 1000 };
}

export interface DestroyProgress {
  destroyed: number;
  skipped: number;
  total: number;
}

export interface DestroyResult extends DestroyProgress {
  seconds: number;
  dossiersPerSecond: number;
}

/** One confirmed dossier, in one transaction. Returns whether it was destroyed now. */
async function destroyOne(tx: Queryable, clientId: string, now: Date): Promise<'destroyed' | 'skipped'> {
  const review = await lockConfirmed(tx, clientId);
  // Already destroyed (by an earlier, interrupted run or a parallel one), or no longer confirmed.
  if (review === undefined) return 'skipped';
  // Something added since the confirmation, a longer term or a good-care day recorded since: not due.
  const end = retentionOfRow(review, calendarDate(now), false);
  if (!end.due) {
    // Something was added since the confirmation: the term starts again; back to the list.
    await dropReview(tx, clientId);
    return 'skipped';
  }
  await destroyWholeDossier(tx, {
    organisationId: review.organisation_id, clientId, reason: 'retention-expired',
    requestId: null, decidedOn: calendarDate(asDate(review.decided_at)), executedBy: review.decided_by,
  });
  // The period has ended for the whole record: BSN, name, address, relations' names and the
  // correction history go too, in the same transaction (migration 0026; AVG 5(1)(e)).
  await tx.query('SELECT formal.erase_client_identity($1, $2)', [clientId, review.organisation_id]);
  await markDestroyed(tx, clientId);
  // care.destroy_dossier wrote the destruction's log row itself (migration 0055), naming the confirming privacy officer.
  return 'destroyed';
}

/**
 * Destroys every dossier the privacy officer confirmed, one transaction per
 * dossier. Idempotent and resumable (see the module comment).
 */
export async function destroyConfirmed(db: Database, options: {
  now: Date; organisationId?: string | undefined; onProgress?: (progress: DestroyProgress) => void;
}): Promise<DestroyResult> {
  const started = performance.now();
  const organisationId = options.organisationId ?? null;
  const progress: DestroyProgress = { destroyed: 0, skipped: 0, total: await countConfirmed(db, organisationId) };
  let cursor = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await confirmedAfter(db, cursor, organisationId);
    if (batch.length === 0) break;
    cursor = batch[batch.length - 1]!;
    for (const clientId of batch) {
      const outcome = await db.transaction((tx) => destroyOne(tx, clientId, options.now));
      progress[outcome] += 1;
      options.onProgress?.({ ...progress });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { ...progress, seconds, dossiersPerSecond: seconds > 0 ? progress.destroyed / seconds : 0 };
}

// ---------------------------------------------------------------- the privacy officer's review list

export interface ReviewItem {
  clientId: string;
  name: string;
  birthDate: string;
  lastChange: string;
  keptUntil: string;
  status: 'pending' | 'confirmed' | 'held';
  holdReason: string | null;
  /** The hold's reference (kenmerk) while held, named by a legal-claims reading of the dossier; null otherwise. */
  holdId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** The open review list of the scope's organisation (pending, confirmed, held), oldest first; hold reasons decrypted. */
export async function listReviews(scope: RecordScope, masterKey: Buffer, limit: number): Promise<ReviewItem[]> {
  const reviews = organisationRetention(scope);
  const rows = await reviews.openReviews(limit);
  const keys = unwrapClientKeys(masterKey, await reviews.wrappedKeys(rows.filter((r) => r.hold_reason_ciphertext !== null).map((r) => r.client_id)));
  const holdReason = (r: (typeof rows)[number]): string | null => {
    if (r.hold_reason_ciphertext === null) return r.status === 'held' ? DESTROYED_TEXT : null;
    const key = keys.get(r.client_id);
    return key === undefined ? DESTROYED_TEXT : openText(key, 'retentionHold', r.client_id, r.hold_reason_ciphertext);
  };
  return rows.map((r) => ({
    clientId: r.client_id, name: `${r.given_names} ${r.family_name}`, birthDate: r.birth_date, lastChange: r.last_change, keptUntil: r.kept_until,
    status: r.status, holdReason: holdReason(r), holdId: r.status === 'held' ? r.hold_id : null, decidedBy: r.decided_by, decidedAt: r.decided_at === null ? null : asDate(r.decided_at).toISOString(),
  }));
}

/**
 * Records the privacy officer's decision on one dossier of the scope's organisation, as the scope's employee; false
 * when it is not on the open list. The hold reason is sealed under the client's key (migration 0033): it may say
 * which procedure the child is part of.
 */
export async function decideReview(scope: RecordScope, masterKey: Buffer, clientId: string, decision: 'confirm' | 'hold', holdReason?: string): Promise<boolean> {
  const dossier = namedDossierRetention(scope, clientId);
  // Only the database function confirms (migration 0055; see the store).
  if (decision === 'confirm') return decideInDatabase(() => dossier.confirm());
  // A dossier whose key is gone was destroyed: there is nothing left to hold.
  const key = await keyUnlessDestroyed(dossier.dataKey(masterKey));
  if (key === undefined) return false;
  const sealedReason = sealText(key, 'retentionHold', clientId, holdReason ?? '');
  if (await dossier.hold(sealedReason)) return true;
  // A hold may come before the dossier falls due: the procedure is known now (003 §3.2).
  // Confirming stays possible only for a dossier the sweep found due.
  return holdBeforeDue(dossier, scope.now, sealedReason);
}

/** Holds a dossier that is not (yet) on the review list; false for a client of another organisation or a destroyed dossier. */
async function holdBeforeDue(dossier: ReturnType<typeof namedDossierRetention>, now: Date, sealedReason: Buffer): Promise<boolean> {
  if (await dossier.destroyed()) return false;
  const retention = await retentionOfDossier(dossier, now);
  if (retention === undefined) return false;
  return dossier.holdBeforeDue(retention.lastChange, retention.keptUntil ?? retention.lastChange, sealedReason);
}

/**
 * Ends a hold: the procedure is over. The row goes; the next sweep decides again from the
 * dossier's last change. False when the dossier was not held.
 */
export function releaseHold(scope: RecordScope, clientId: string): Promise<boolean> {
  return namedDossierRetention(scope, clientId).release();
}

// ---------------------------------------------------------------- the organisation's own term

export interface RetentionSetting {
  /** The term's kind (003 §3.2, as the engine knows them); null without a term of the organisation's own. */
  kind: OrganisationTerm['kind'] | null;
  /** For `years-after-last-change`. */
  termYears: number | null;
  /** For `until-age`: the age, and whose. */
  age: number | null;
  ageOf: AgeOf | null;
  reason: string | null;
  legalMinimumYears: number;
  /** The engine's warning, in Dutch, when the term can end before the legal minimum (see `termWarning`). */
  warning: string | null;
}

/** The scope's organisation's own term, with the engine's warning on the scope's day. */
export async function readSetting(scope: RecordScope): Promise<RetentionSetting> {
  const row = await organisationRetention(scope).setting();
  const term = row === undefined ? undefined : termFromRow(row);
  return {
    kind: term?.kind ?? null,
    termYears: term?.kind === 'years-after-last-change' ? term.years : null,
    age: term?.kind === 'until-age' ? term.age : null,
    ageOf: term?.kind === 'until-age' ? term.ageOf : null,
    reason: term?.reason ?? null, legalMinimumYears: RETENTION_YEARS, warning: termWarning(term, calendarDate(scope.now)),
  };
}

/** Sets the scope's organisation's own term, as the scope's employee. */
export async function writeSetting(scope: RecordScope, term: OrganisationTerm): Promise<RetentionSetting> {
  await organisationRetention(scope).setSetting(term);
  return readSetting(scope);
}

// ---------------------------------------------------------------- one dossier: its end, and the good-care extension

export interface DossierRetentionView {
  clientId: string;
  lastChange: string;
  keptUntil: string | null;
  termEnd: string | null;
  warning: boolean;
  held: boolean;
  goodCare: { until: string; reason: string; recordedBy: string; recordedAt: string } | null;
  explanation: string;
}

/**
 * One dossier's retention as the engine gives it on `now`, with the good-care extension (its reason opened);
 * undefined when not found or destroyed.
 * @example const view = await readDossierRetention(retentionOf(scope), masterKey, scope.now);
 */
export async function readDossierRetention(dossier: DossierRetentionStore, masterKey: Buffer, now: Date): Promise<DossierRetentionView | undefined> {
  if (await dossier.destroyed()) return undefined;
  const retention = await retentionOfDossier(dossier, now);
  if (retention === undefined) return undefined;
  const ext = await dossier.goodCare();
  let goodCare: DossierRetentionView['goodCare'] = null;
  if (ext !== undefined) {
    const key = await keyUnlessDestroyed(dossier.dataKey(masterKey));
    goodCare = {
      until: ext.kept_until, reason: key === undefined ? DESTROYED_TEXT : openText(key, 'retentionGoodCare', dossier.clientId, ext.reason_ciphertext),
      recordedBy: ext.recorded_by, recordedAt: asDate(ext.recorded_at).toISOString(),
    };
  }
  return {
    clientId: dossier.clientId, lastChange: retention.lastChange, keptUntil: retention.keptUntil, termEnd: retention.termEnd, warning: retention.warning,
    held: retention.held, goodCare, explanation: retention.explanation,
  };
}

/**
 * Records (or replaces) the good-care extension of one dossier (Jeugdwet 7.3.8: "of zoveel langer als
 * redelijkerwijs uit de zorg van een goed jeugdhulpverlener voortvloeit"): kept until `until`, for the reason
 * given, sealed under the client's key, as the scope's employee. A pending review of a dossier no longer due is
 * withdrawn, and a confirmation is withdrawn too: destruction must be decided again. False when the dossier is
 * not found or destroyed.
 */
export async function recordGoodCare(dossier: DossierRetentionStore, masterKey: Buffer, input: { until: string; reason: string; now: Date }): Promise<boolean> {
  if (await dossier.destroyed()) return false;
  if (!(await dossier.isOfOrganisation())) return false;
  const key = await keyUnlessDestroyed(dossier.dataKey(masterKey));
  if (key === undefined) return false;
  await dossier.keepForGoodCare(input.until, sealText(key, 'retentionGoodCare', dossier.clientId, input.reason));
  const retention = await retentionOfDossier(dossier, input.now);
  if (retention !== undefined && retention.keptUntil !== null && retention.keptUntil >= calendarDate(input.now)) {
    await dossier.withdrawReview();
  }
  return true;
}

/** Ends the good-care extension; the next sweep decides again. False when there was none. */
export function endGoodCare(dossier: DossierRetentionStore): Promise<boolean> {
  return dossier.endGoodCare();
}

// ---------------------------------------------------------------- the daily schedule

export interface RetentionTimer {
  stop(): Promise<void>;
}

export interface ShortTermPurge {
  workNotes: number;
  /** Unfinished drafts past their expiry (issue 15: drafts expire like work notes). */
  drafts: number;
  complaints: number;
  incidents: number;
  prospectiveClients: number;
}

/**
 * Destroys the records beside the dossier whose own, shorter period has ended
 * (004 A): expired personal work notes (003 §2.3.13), complaints two years
 * after closing, incidents and calamities after the organisation's term
 * (default 5 years; never while an inspectorate report is still due),
 * prospective clients' registrations after six months, and drafts their
 * author never finished, once expired (like work notes). These need no review:
 * the period is fixed and nothing in them is the dossier. Each kind is
 * deleted in one statement, so a killed run leaves whole records and a rerun
 * deletes the rest.
 */
export async function purgeShortTermRecords(db: Database, now: Date): Promise<ShortTermPurge> {
  const workNotes = await destroyExpiredNotes(db, now);
  const drafts = await destroyExpiredDrafts(db, now);
  const registers = await db.transaction((tx) => purgeExpiredRegisterRecords(tx, calendarDate(now)));
  return { workNotes, drafts, ...registers };
}

/** The first run after start waits this long, so a server restarted daily still sweeps. */
const FIRST_SWEEP_DELAY_MS = 60_000;

/**
 * Runs the sweep once shortly after start and then every `hours` (0 = never)
 * while the server runs: it purges the short-term records beside the dossier
 * and builds the review list; destruction needs the privacy officer's
 * confirmation and `dossierwijzer retention destroy-confirmed`.
 */
export function startRetentionTimer(db: Database, options: {
  hours: number; now: () => Date; onError: (error: unknown) => void; onDone?: (result: SweepResult) => void;
}): RetentionTimer {
  let running: Promise<void> = Promise.resolve();
  const tick = (): void => {
    running = running.then(async () => {
      const now = options.now();
      await purgeShortTermRecords(db, now);
      const result = await sweepRetention(db, { now, dryRun: false });
      options.onDone?.(result);
    }).catch(options.onError);
  };
  const first = options.hours > 0 ? setTimeout(tick, FIRST_SWEEP_DELAY_MS) : undefined;
  const timer = options.hours > 0 ? setInterval(tick, options.hours * 3_600_000) : undefined;
  first?.unref();
  timer?.unref();
  return {
    async stop() {
      if (first !== undefined) clearTimeout(first);
      if (timer !== undefined) clearInterval(timer);
      await running;
    },
  };
}
