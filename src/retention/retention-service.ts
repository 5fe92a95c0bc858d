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
import { CLIENTS, clientIdsAfter, isClientOfOrganisation } from '../clients/client-store.js';
import type { Database, Queryable } from '../db/database.js';
import { purgeExpiredRegisterRecords } from '../registers/register-service.js';
import { decideInDatabase, destroyWholeDossier } from '../requests/destruction.js';
import { destroyExpiredNotes } from '../work-notes/work-note-service.js';
import { destroyExpiredDrafts } from '../drafts/draft-store.js';
import { RETENTION_YEARS } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import { clientKeyIfAny, clientKeys, DESTROYED_TEXT, openText, sealText } from './client-free-text.js';
import { dossierRetention, retentionOfRow, RETENTION_FACTS_SQL, RETENTION_JOINS_SQL, termFromRow, type RetentionFactsRow } from './dossier-retention.js';
import { termWarning, type AgeOf, type OrganisationTerm } from './retention-policy.js';

export const SWEEP_BATCH = 2000;

export interface DueDossier {
  clientId: string;
  organisationId: string;
  lastChange: string;
  keptUntil: string;
}

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

interface CandidateRow extends RetentionFactsRow {
  id: string;
  organisation_id: string;
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
    // Candidates: last change before today minus the legal minimum, plus two days' slack for the time
    // zone and month ends; the engine decides exactly (a longer term or a good-care day keeps a candidate
    // off the list). Whole dossiers already destroyed are skipped.
    const candidates = await db.query<CandidateRow>(
      `SELECT * FROM (
         SELECT c.id, c.organisation_id, ${RETENTION_FACTS_SQL}
           FROM ${CLIENTS} c ${RETENTION_JOINS_SQL}
          WHERE c.id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM org.destruction_records dr WHERE dr.client_id = c.id AND dr.scope = 'whole-dossier')
       ) t
       WHERE t.last_change_at < $2::timestamptz - make_interval(years => $3::int) + interval '2 days'
          OR t.status = 'pending'`,
      [keys, options.now.toISOString(), RETENTION_YEARS]);
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
        if (toList.length > 0) {
          await tx.query(
            `INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status)
             SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[], $5::text[])
             ON CONFLICT (client_id) DO UPDATE SET last_change = EXCLUDED.last_change, kept_until = EXCLUDED.kept_until
               WHERE org.retention_reviews.status = 'pending'`,
            [toList.map((d) => d.clientId), toList.map((d) => d.organisationId), toList.map((d) => d.lastChange), toList.map((d) => d.keptUntil), toList.map(() => 'pending')]);
        }
        if (toWithdraw.length > 0) {
          await tx.query(`DELETE FROM org.retention_reviews WHERE client_id = ANY($1::uuid[]) AND status = 'pending'`, [toWithdraw]);
        }
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
  const [review] = await tx.query<RetentionFactsRow & { organisation_id: string; decided_by: string; decided_at: Date | string }>(
    `SELECT r.organisation_id, r.decided_by, r.decided_at, ${RETENTION_FACTS_SQL}
       FROM ${CLIENTS} c ${RETENTION_JOINS_SQL}
      WHERE c.id = $1 AND r.status = 'confirmed'
      FOR UPDATE OF r`, [clientId]);
  // Already destroyed (by an earlier, interrupted run or a parallel one), or no longer confirmed.
  if (review === undefined) return 'skipped';
  // Something added since the confirmation, a longer term or a good-care day recorded since: not due.
  const end = retentionOfRow(review, calendarDate(now), false);
  if (!end.due) {
    // Something was added since the confirmation: the term starts again; back to the list.
    await tx.query(`DELETE FROM org.retention_reviews WHERE client_id = $1`, [clientId]);
    return 'skipped';
  }
  await destroyWholeDossier(tx, {
    organisationId: review.organisation_id, clientId, reason: 'retention-expired',
    requestId: null, decidedOn: calendarDate(asDate(review.decided_at)), executedBy: review.decided_by,
  });
  // The period has ended for the whole record: BSN, name, address, relations' names and the
  // correction history go too, in the same transaction (migration 0026; AVG 5(1)(e)).
  await tx.query('SELECT formal.erase_client_identity($1, $2)', [clientId, review.organisation_id]);
  await tx.query(`UPDATE org.retention_reviews SET status = 'destroyed', destroyed_at = clock_timestamp() WHERE client_id = $1`, [clientId]);
  await tx.query('DELETE FROM org.retention_extensions WHERE client_id = $1', [clientId]);
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
  const [count] = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM org.retention_reviews WHERE status = 'confirmed' AND ($1::uuid IS NULL OR organisation_id = $1)`, [options.organisationId ?? null]);
  const progress: DestroyProgress = { destroyed: 0, skipped: 0, total: Number(count!.n) };
  let cursor = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db.query<{ client_id: string }>(
      `SELECT client_id FROM org.retention_reviews WHERE status = 'confirmed' AND client_id > $1 AND ($2::uuid IS NULL OR organisation_id = $2)
        ORDER BY client_id LIMIT 100`, [cursor, options.organisationId ?? null]);
    if (batch.length === 0) break;
    cursor = batch[batch.length - 1]!.client_id;
    for (const { client_id: clientId } of batch) {
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
  decidedBy: string | null;
  decidedAt: string | null;
}

/** The open review list of one organisation (pending, confirmed, held), oldest first; hold reasons decrypted. */
export async function listReviews(tx: Queryable, masterKey: Buffer, organisationId: string, limit: number): Promise<ReviewItem[]> {
  const rows = await tx.query<{
    client_id: string; family_name: string; given_names: string; birth_date: string; last_change: string; kept_until: string;
    status: ReviewItem['status']; hold_reason_ciphertext: Buffer | null; decided_by: string | null; decided_at: Date | string | null;
  }>(
    `SELECT r.client_id, c.family_name, c.given_names, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date,
            to_char(r.last_change, 'YYYY-MM-DD') AS last_change, to_char(r.kept_until, 'YYYY-MM-DD') AS kept_until,
            r.status, r.hold_reason_ciphertext, r.decided_by, r.decided_at
       FROM org.retention_reviews r JOIN ${CLIENTS} c ON c.id = r.client_id
      WHERE r.organisation_id = $1 AND r.status <> 'destroyed'
      ORDER BY r.kept_until, r.client_id LIMIT $2`, [organisationId, limit]);
  const keys = await clientKeys(tx, masterKey, rows.filter((r) => r.hold_reason_ciphertext !== null).map((r) => r.client_id));
  const holdReason = (r: (typeof rows)[number]): string | null => {
    if (r.hold_reason_ciphertext === null) return r.status === 'held' ? DESTROYED_TEXT : null;
    const key = keys.get(r.client_id);
    return key === undefined ? DESTROYED_TEXT : openText(key, 'retentionHold', r.client_id, r.hold_reason_ciphertext);
  };
  return rows.map((r) => ({
    clientId: r.client_id, name: `${r.given_names} ${r.family_name}`, birthDate: r.birth_date, lastChange: r.last_change, keptUntil: r.kept_until,
    status: r.status, holdReason: holdReason(r), decidedBy: r.decided_by, decidedAt: r.decided_at === null ? null : asDate(r.decided_at).toISOString(),
  }));
}

/**
 * Records the privacy officer's decision on one listed dossier; false when it is not on the open list. The hold
 * reason is sealed under the client's key (migration 0033): it may say which procedure the child is part of.
 */
export async function decideReview(tx: Queryable, masterKey: Buffer, input: {
  organisationId: string; clientId: string; decidedBy: string; now: Date; decision: 'confirm' | 'hold'; holdReason?: string;
}): Promise<boolean> {
  if (input.decision === 'confirm') {
    // Only the database function confirms (migration 0055): it checks that the confirmer is a privacy officer of the
    // organisation and writes its own log row; the application role cannot set 'confirmed' itself.
    const [row] = await decideInDatabase(() => tx.query<{ found: boolean }>('SELECT org.confirm_retention_destruction($1, $2, $3, $4, $5, $6, $7) AS found',
      [input.clientId, input.organisationId, input.decidedBy, input.now.toISOString(), 'retention confirm', null, null]));
    return row?.found === true;
  }
  let sealedReason: Buffer | null = null;
  if (input.decision === 'hold') {
    // A dossier whose key is gone was destroyed: there is nothing left to hold.
    const key = await clientKeyIfAny(tx, masterKey, input.clientId);
    if (key === undefined) return false;
    sealedReason = sealText(key, 'retentionHold', input.clientId, input.holdReason ?? '');
  }
  const rows = await tx.query<{ client_id: string }>(
    `UPDATE org.retention_reviews SET status = $4, hold_reason = NULL, hold_reason_ciphertext = $5, decided_by = $3, decided_at = $6
      WHERE client_id = $2 AND organisation_id = $1 AND status IN ('pending', 'confirmed', 'held')
      RETURNING client_id`,
    [input.organisationId, input.clientId, input.decidedBy, 'held',
      sealedReason, input.now.toISOString()]);
  if (rows.length === 1 || sealedReason === null) return rows.length === 1;
  // A hold may come before the dossier falls due: the procedure is known now (003 §3.2).
  // Confirming stays possible only for a dossier the sweep found due.
  return holdBeforeDue(tx, { ...input, sealedReason });
}

/** Holds a dossier that is not (yet) on the review list; false for a client of another organisation or a destroyed dossier. */
async function holdBeforeDue(
  tx: Queryable, input: { organisationId: string; clientId: string; decidedBy: string; now: Date; sealedReason: Buffer },
): Promise<boolean> {
  const destroyed = await tx.query(`SELECT 1 FROM org.destruction_records WHERE client_id = $1 AND scope = 'whole-dossier'`, [input.clientId]);
  if (destroyed.length > 0) return false;
  const retention = await dossierRetention(tx, input.clientId, input.organisationId, input.now);
  if (retention === undefined) return false;
  const rows = await tx.query<{ client_id: string }>(
    `INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status, decided_by, decided_at, hold_reason_ciphertext)
     VALUES ($1, $2, $3, $4, 'held', $5, $6, $7)
     ON CONFLICT (client_id) DO NOTHING RETURNING client_id`,
    [input.clientId, input.organisationId, retention.lastChange, retention.keptUntil ?? retention.lastChange, input.decidedBy, input.now.toISOString(),
      input.sealedReason]);
  return rows.length === 1;
}

/**
 * Ends a hold: the procedure is over. The row goes; the next sweep decides again from the
 * dossier's last change. False when the dossier was not held.
 */
export async function releaseHold(tx: Queryable, input: { organisationId: string; clientId: string }): Promise<boolean> {
  const rows = await tx.query<{ client_id: string }>(
    `DELETE FROM org.retention_reviews WHERE client_id = $1 AND organisation_id = $2 AND status = 'held' RETURNING client_id`,
    [input.clientId, input.organisationId]);
  return rows.length === 1;
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

export async function readSetting(tx: Queryable, organisationId: string, now: Date): Promise<RetentionSetting> {
  const [row] = await tx.query<{ term_kind: string; term_years: number | null; term_age: number | null; age_of: string | null; term_reason: string }>(
    'SELECT term_kind, term_years, term_age, age_of, reason AS term_reason FROM org.retention_settings WHERE organisation_id = $1', [organisationId]);
  const term = row === undefined ? undefined : termFromRow(row);
  return {
    kind: term?.kind ?? null,
    termYears: term?.kind === 'years-after-last-change' ? term.years : null,
    age: term?.kind === 'until-age' ? term.age : null,
    ageOf: term?.kind === 'until-age' ? term.ageOf : null,
    reason: term?.reason ?? null, legalMinimumYears: RETENTION_YEARS, warning: termWarning(term, calendarDate(now)),
  };
}

export async function writeSetting(tx: Queryable, input: { organisationId: string; term: OrganisationTerm; setBy: string; now: Date }): Promise<RetentionSetting> {
  const t = input.term;
  await tx.query(
    `INSERT INTO org.retention_settings (organisation_id, term_kind, term_years, term_age, age_of, reason, set_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (organisation_id) DO UPDATE
       SET term_kind = EXCLUDED.term_kind, term_years = EXCLUDED.term_years, term_age = EXCLUDED.term_age, age_of = EXCLUDED.age_of,
           reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = clock_timestamp()`,
    [input.organisationId, t.kind, t.kind === 'years-after-last-change' ? t.years : null, t.kind === 'until-age' ? t.age : null,
      t.kind === 'until-age' ? t.ageOf : null, t.reason, input.setBy]);
  return readSetting(tx, input.organisationId, input.now);
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

/** One dossier's retention as the engine gives it, with the good-care extension (its reason opened); undefined when not found. */
export async function readDossierRetention(tx: Queryable, masterKey: Buffer, organisationId: string, clientId: string, now: Date): Promise<DossierRetentionView | undefined> {
  const destroyed = await tx.query(`SELECT 1 FROM org.destruction_records WHERE client_id = $1 AND scope = 'whole-dossier'`, [clientId]);
  if (destroyed.length > 0) return undefined;
  const retention = await dossierRetention(tx, clientId, organisationId, now);
  if (retention === undefined) return undefined;
  const [ext] = await tx.query<{ kept_until: string; reason_ciphertext: Buffer; recorded_by: string; recorded_at: Date | string }>(
    `SELECT to_char(kept_until, 'YYYY-MM-DD') AS kept_until, reason_ciphertext, recorded_by, recorded_at
       FROM org.retention_extensions WHERE client_id = $1 AND organisation_id = $2`, [clientId, organisationId]);
  let goodCare: DossierRetentionView['goodCare'] = null;
  if (ext !== undefined) {
    const key = await clientKeyIfAny(tx, masterKey, clientId);
    goodCare = {
      until: ext.kept_until, reason: key === undefined ? DESTROYED_TEXT : openText(key, 'retentionGoodCare', clientId, ext.reason_ciphertext),
      recordedBy: ext.recorded_by, recordedAt: asDate(ext.recorded_at).toISOString(),
    };
  }
  return {
    clientId, lastChange: retention.lastChange, keptUntil: retention.keptUntil, termEnd: retention.termEnd, warning: retention.warning,
    held: retention.held, goodCare, explanation: retention.explanation,
  };
}

/**
 * Records (or replaces) the good-care extension of one dossier (Jeugdwet 7.3.8: "of zoveel langer als
 * redelijkerwijs uit de zorg van een goed jeugdhulpverlener voortvloeit"): kept until `until`, for the reason
 * given, sealed under the client's key. A pending review of a dossier no longer due is withdrawn, and a
 * confirmation is withdrawn too: destruction must be decided again. False when the dossier is not found or destroyed.
 */
export async function recordGoodCare(tx: Queryable, masterKey: Buffer, input: {
  organisationId: string; clientId: string; until: string; reason: string; recordedBy: string; now: Date;
}): Promise<boolean> {
  const destroyed = await tx.query(`SELECT 1 FROM org.destruction_records WHERE client_id = $1 AND scope = 'whole-dossier'`, [input.clientId]);
  if (destroyed.length > 0) return false;
  if (!(await isClientOfOrganisation(tx, input.clientId, input.organisationId))) return false;
  const key = await clientKeyIfAny(tx, masterKey, input.clientId);
  if (key === undefined) return false;
  await tx.query(
    `INSERT INTO org.retention_extensions (client_id, organisation_id, kept_until, reason_ciphertext, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (client_id) DO UPDATE SET kept_until = EXCLUDED.kept_until, reason_ciphertext = EXCLUDED.reason_ciphertext,
       recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [input.clientId, input.organisationId, input.until, sealText(key, 'retentionGoodCare', input.clientId, input.reason), input.recordedBy, input.now.toISOString()]);
  const retention = await dossierRetention(tx, input.clientId, input.organisationId, input.now);
  if (retention !== undefined && retention.keptUntil !== null && retention.keptUntil >= calendarDate(input.now)) {
    await tx.query(`DELETE FROM org.retention_reviews WHERE client_id = $1 AND status IN ('pending', 'confirmed')`, [input.clientId]);
  }
  return true;
}

/** Ends the good-care extension; the next sweep decides again. False when there was none. */
export async function endGoodCare(tx: Queryable, input: { organisationId: string; clientId: string }): Promise<boolean> {
  const rows = await tx.query('DELETE FROM org.retention_extensions WHERE client_id = $1 AND organisation_id = $2 RETURNING client_id', [input.clientId, input.organisationId]);
  return rows.length === 1;
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
