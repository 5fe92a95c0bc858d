/**
 * The retention module's store (issue 14: one owner per table): the privacy
 * officer's review list (`org.retention_reviews`), the organisation's own term
 * (`org.retention_settings`), the good-care extensions
 * (`org.retention_extensions`) and the records the database's destruction
 * functions leave (`org.destruction_records`, read here, written only by
 * `care.destroy_dossier` and friends).
 *
 * The work reaches them through functions bound to its scope: one dossier
 * (`retentionOf` for a client scope, `namedDossierRetention` for a dossier the
 * privacy officer names) and the privacy officer's organisation
 * (`organisationRetention`). They act as the scope's employee at the scope's
 * moment, so a service cannot record someone else's decision. The sweep, the
 * destruction of confirmed dossiers, the gate and start-up take the database.
 */
import type { ClientScope, RecordScope } from '../access/gate-scope.js';
import { CLIENTS, isClientOfOrganisation } from '../clients/client-store.js';
import { wrappedClientKeys } from '../crypto/client-key-store.js';
import { clientDataKey } from '../crypto/client-keys.js';
import type { Database, Queryable } from '../db/database.js';
import { withAdvisoryLock } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';
import { DOSSIERS, lastAnnotationRecordedAt, lastEntryRecordedAt } from '../dossier/dossier-store.js';
import { lastFamilyEntryRecordedAt, youngestFamilyMemberBorn } from '../families/family-store.js';
import type { LegacyTextColumn } from './legacy-text-columns.js';
import type { OrganisationTerm } from './retention-policy.js';

// ---------------------------------------------------------------- one dossier's facts, as columns

/**
 * The last change of one dossier: its latest entry or annotation, or the recording of the end of care (issue 15
 * item 4; 000: "tot 20 jaar na afloop van de hulpverlening"), else when the dossier (or client) was
 * created. An entry in a family part the client belongs to counts too: the family part belongs to each
 * member's dossier (003 §2.3.4) and is destroyed with the last member's dossier (migration 0022), so it
 * is never destroyed before 20 years after its own last change. Expects `c` (the clients) and `d`
 * (the dossiers, left-joined) in scope; the owners of entries and family parts give the subqueries.
 */
const LAST_CHANGE_SQL = `GREATEST(c.created_at, d.created_at, d.care_ended_at,
  ${lastEntryRecordedAt('c.id')},
  ${lastAnnotationRecordedAt('c.id')},
  ${lastFamilyEntryRecordedAt('c.id')})`;

/**
 * Everything the engine needs about one dossier, as columns. Expects `c` (the clients), `d` (the dossiers),
 * `s` (org.retention_settings), `r` (org.retention_reviews) and `x` (org.retention_extensions), the last four
 * left-joined: see {@link RETENTION_JOINS_SQL}.
 */
const RETENTION_FACTS_SQL = `${LAST_CHANGE_SQL} AS last_change_at,
  to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date,
  to_char(GREATEST(c.birth_date, ${youngestFamilyMemberBorn('c.id')}), 'YYYY-MM-DD') AS youngest_born,
  s.term_kind, s.term_years, s.term_age, s.age_of, s.reason AS term_reason, r.status,
  to_char(x.kept_until, 'YYYY-MM-DD') AS good_care_until`;

/** The joins {@link RETENTION_FACTS_SQL} expects after `${CLIENTS} c` (the clients store's projection). */
const RETENTION_JOINS_SQL = `LEFT JOIN ${DOSSIERS} d ON d.client_id = c.id
  LEFT JOIN org.retention_settings s ON s.organisation_id = c.organisation_id
  LEFT JOIN org.retention_reviews r ON r.client_id = c.id
  LEFT JOIN org.retention_extensions x ON x.client_id = c.id`;

/** One row of {@link RETENTION_FACTS_SQL}: what the engine decides one dossier's end from. */
export interface RetentionFactsRow {
  last_change_at: Date | string;
  birth_date: string;
  youngest_born: string | null;
  term_kind: string | null;
  term_years: number | null;
  term_age: number | null;
  age_of: string | null;
  term_reason: string | null;
  status: string | null;
  good_care_until: string | null;
}

/** The organisation's own term, as stored (`org.retention_settings`). */
export type RetentionSettingRow = Pick<RetentionFactsRow, 'term_kind' | 'term_years' | 'term_age' | 'age_of' | 'term_reason'>;

// ---------------------------------------------------------------- one dossier, bound to a scope

/** A dossier's good-care extension as stored: its reason sealed under the client's key. */
export interface GoodCareRow {
  kept_until: string;
  reason_ciphertext: Buffer;
  recorded_by: string;
  recorded_at: Date | string;
}

function dossierRetentionStore(tx: Queryable, organisationId: string, clientId: string, actor: { employeeId: string }, now: Date) {
  return {
    clientId,
    /** Whether the whole dossier was destroyed (its destruction record). */
    destroyed: async (): Promise<boolean> => {
      const destroyed = await tx.query(`SELECT 1 FROM org.destruction_records WHERE client_id = $1 AND scope = 'whole-dossier'`, [clientId]);
      return destroyed.length > 0;
    },
    /** Whether the client is one of this organisation's. */
    isOfOrganisation: () => isClientOfOrganisation(tx, clientId, organisationId),
    /** The client's data key, which seals the hold and good-care reasons; throws `content-destroyed` once it is gone. */
    dataKey: (masterKey: Buffer) => clientDataKey(tx, masterKey, clientId),
    /** The facts the engine decides the dossier's end from; undefined for a client of another organisation. */
    facts: async (): Promise<RetentionFactsRow | undefined> => {
      const [row] = await tx.query<RetentionFactsRow>(
        `SELECT ${RETENTION_FACTS_SQL} FROM ${CLIENTS} c ${RETENTION_JOINS_SQL} WHERE c.id = $1 AND c.organisation_id = $2`, [clientId, organisationId]);
      return row;
    },
    /** The good-care extension, if one is recorded. */
    goodCare: async (): Promise<GoodCareRow | undefined> => {
      const [ext] = await tx.query<GoodCareRow>(
        `SELECT to_char(kept_until, 'YYYY-MM-DD') AS kept_until, reason_ciphertext, recorded_by, recorded_at
           FROM org.retention_extensions WHERE client_id = $1 AND organisation_id = $2`, [clientId, organisationId]);
      return ext;
    },
    /** Records (or replaces) the good-care extension, as the scope's employee at the scope's moment. */
    keepForGoodCare: async (until: string, sealedReason: Buffer): Promise<void> => {
      await tx.query(
        `INSERT INTO org.retention_extensions (client_id, organisation_id, kept_until, reason_ciphertext, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (client_id) DO UPDATE SET kept_until = EXCLUDED.kept_until, reason_ciphertext = EXCLUDED.reason_ciphertext,
           recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
        [clientId, organisationId, until, sealedReason, actor.employeeId, now.toISOString()]);
    },
    /** Takes the dossier off the review list unless held: a pending review, and a confirmation too (destruction must be decided again). */
    withdrawReview: async (): Promise<void> => {
      await tx.query(`DELETE FROM org.retention_reviews WHERE client_id = $1 AND status IN ('pending', 'confirmed')`, [clientId]);
    },
    /** Ends the good-care extension; false when there was none. */
    endGoodCare: async (): Promise<boolean> => {
      const rows = await tx.query('DELETE FROM org.retention_extensions WHERE client_id = $1 AND organisation_id = $2 RETURNING client_id', [clientId, organisationId]);
      return rows.length === 1;
    },
  };
}

/** One dossier's retention rows, as the work on it may read and change them. */
export type DossierRetentionStore = ReturnType<typeof dossierRetentionStore>;

/**
 * The retention of the scope's client's dossier: its facts, the good-care extension the holder records.
 * @example const facts = await retentionOf(scope).facts();
 */
export function retentionOf(scope: ClientScope): DossierRetentionStore {
  return dossierRetentionStore(txOf(scope), scope.client.organisationId, scope.client.id, scope.actor, scope.now);
}

/**
 * The retention of one dossier of the privacy officer's organisation, named by its client: the same as
 * {@link retentionOf}, and the decisions on the review list (confirm, hold, release). A client of another
 * organisation has no facts and no rows to change (and row-level security hides them).
 * @example const held = await namedDossierRetention(scope, clientId).hold(sealedReason);
 */
export function namedDossierRetention(scope: RecordScope, clientId: string) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    ...dossierRetentionStore(tx, organisationId, clientId, scope.actor, scope.now),
    /**
     * Confirms the destruction. Only the database function confirms (migration 0055): it checks that the confirmer
     * is a privacy officer of the organisation and writes its own log row; the application role cannot set
     * 'confirmed' itself. False when the dossier is not on the open list.
     */
    confirm: async (): Promise<boolean> => {
      const [row] = await tx.query<{ found: boolean }>('SELECT org.confirm_retention_destruction($1, $2, $3, $4, $5, $6, $7) AS found',
        [clientId, organisationId, scope.actor.employeeId, scope.now.toISOString(), 'retention confirm', null, null]);
      return row?.found === true;
    },
    /** Holds a dossier on the open list, with the sealed reason; false when it is not on the list. */
    hold: async (sealedReason: Buffer): Promise<boolean> => {
      const rows = await tx.query<{ client_id: string }>(
        `UPDATE org.retention_reviews SET status = $4, hold_reason = NULL, hold_reason_ciphertext = $5, decided_by = $3, decided_at = $6
          WHERE client_id = $2 AND organisation_id = $1 AND status IN ('pending', 'confirmed', 'held')
          RETURNING client_id`,
        [organisationId, clientId, scope.actor.employeeId, 'held',
          sealedReason, scope.now.toISOString()]);
      return rows.length === 1;
    },
    /** Puts a dossier not (yet) on the list on it as held, from its last change and end; false when a row was there already. */
    holdBeforeDue: async (lastChange: string, keptUntil: string, sealedReason: Buffer): Promise<boolean> => {
      const rows = await tx.query<{ client_id: string }>(
        `INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status, decided_by, decided_at, hold_reason_ciphertext)
         VALUES ($1, $2, $3, $4, 'held', $5, $6, $7)
         ON CONFLICT (client_id) DO NOTHING RETURNING client_id`,
        [clientId, organisationId, lastChange, keptUntil, scope.actor.employeeId, scope.now.toISOString(),
          sealedReason]);
      return rows.length === 1;
    },
    /**
     * The current hold's reference (kenmerk), or null when the dossier is not held: what the privacy officer passes
     * to whoever defends the procedure, who names it to read the restricted dossier (AVG 18(2); {@link isCurrentHold}).
     */
    currentHoldId: async (): Promise<string | null> => {
      const [row] = await tx.query<{ hold_id: string }>(
        `SELECT hold_id FROM org.retention_reviews WHERE client_id = $1 AND organisation_id = $2 AND status = 'held'`, [clientId, organisationId]);
      return row?.hold_id ?? null;
    },
    /** Ends a hold: the row goes. False when the dossier was not held. */
    release: async (): Promise<boolean> => {
      const rows = await tx.query<{ client_id: string }>(
        `DELETE FROM org.retention_reviews WHERE client_id = $1 AND organisation_id = $2 AND status = 'held' RETURNING client_id`,
        [clientId, organisationId]);
      return rows.length === 1;
    },
  };
}

// ---------------------------------------------------------------- the privacy officer's organisation

/** A row of the open review list, with the client's name. */
export interface ReviewRow {
  client_id: string;
  family_name: string;
  given_names: string;
  birth_date: string;
  last_change: string;
  kept_until: string;
  status: 'pending' | 'confirmed' | 'held';
  /** The hold's reference (kenmerk), which a legal-claims reading names (see {@link isCurrentHold}). */
  hold_id: string;
  hold_reason_ciphertext: Buffer | null;
  decided_by: string | null;
  decided_at: Date | string | null;
}

/**
 * The review list and the own retention term of the privacy officer's organisation.
 * @example const rows = await organisationRetention(scope).openReviews(500);
 */
export function organisationRetention(scope: RecordScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    /** The open review list (pending, confirmed, held), oldest end first. */
    openReviews: (limit: number) => tx.query<ReviewRow>(
      `SELECT r.client_id, c.family_name, c.given_names, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date,
              to_char(r.last_change, 'YYYY-MM-DD') AS last_change, to_char(r.kept_until, 'YYYY-MM-DD') AS kept_until,
              r.status, r.hold_id, r.hold_reason_ciphertext, r.decided_by, r.decided_at
         FROM org.retention_reviews r JOIN ${CLIENTS} c ON c.id = r.client_id
        WHERE r.organisation_id = $1 AND r.status <> 'destroyed'
        ORDER BY r.kept_until, r.client_id LIMIT $2`, [organisationId, limit]),
    /** The wrapped data keys of these clients (to open their hold reasons), in one query; a destroyed client has none. */
    wrappedKeys: async (clientIds: readonly string[]) => clientIds.length === 0 ? [] : wrappedClientKeys(tx, [...new Set(clientIds)]),
    /** The organisation's own term; undefined without one. */
    setting: async (): Promise<RetentionSettingRow | undefined> => {
      const [row] = await tx.query<{ term_kind: string; term_years: number | null; term_age: number | null; age_of: string | null; term_reason: string }>(
        'SELECT term_kind, term_years, term_age, age_of, reason AS term_reason FROM org.retention_settings WHERE organisation_id = $1', [organisationId]);
      return row;
    },
    /** Sets the organisation's own term, as the scope's employee. */
    setSetting: async (t: OrganisationTerm): Promise<void> => {
      await tx.query(
        `INSERT INTO org.retention_settings (organisation_id, term_kind, term_years, term_age, age_of, reason, set_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (organisation_id) DO UPDATE
           SET term_kind = EXCLUDED.term_kind, term_years = EXCLUDED.term_years, term_age = EXCLUDED.term_age, age_of = EXCLUDED.age_of,
               reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = clock_timestamp()`,
        [organisationId, t.kind, t.kind === 'years-after-last-change' ? t.years : null, t.kind === 'until-age' ? t.age : null,
          t.kind === 'until-age' ? t.ageOf : null, t.reason, scope.actor.employeeId]);
    },
  };
}

// ---------------------------------------------------------------- the gate: a procedure hold as a purpose's record

/**
 * Whether `holdId` is the current hold on this client's dossier in this organisation: the recorded procedure a
 * legal-claims reading must name (AVG 18(2); issue 14: purposes are references; migration 0050). The gate asks
 * in its access transaction.
 */
export async function isCurrentHold(tx: Queryable, organisationId: string, clientId: string, holdId: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM org.retention_reviews WHERE hold_id = $1 AND organisation_id = $2 AND client_id = $3 AND status = 'held'`,
    [holdId, organisationId, clientId]);
  return rows.length > 0;
}

// ---------------------------------------------------------------- the sweep and the destruction (system work)

/** The advisory lock key of the sweep (fixed, distinct from the migrator's 7_310_311). */
export const RETENTION_SWEEP_LOCK = 7_310_312;

/** Runs `work` only if no other server is sweeping, holding the sweep's session-level advisory lock meanwhile. */
export function underSweepLock<T>(db: Database, work: () => Promise<T>): Promise<{ acquired: boolean; value?: T }> {
  return withAdvisoryLock(db, RETENTION_SWEEP_LOCK, work);
}

/** A client the sweep looks at, with the facts of its dossier. */
export interface SweepCandidateRow extends RetentionFactsRow {
  id: string;
  organisation_id: string;
}

/**
 * Of these clients, the dossiers that may be due on `now`, and those pending on the list. Candidates: last change
 * before today minus the legal minimum, plus two days' slack for the time zone and month ends; the engine decides
 * exactly (a longer term or a good-care day keeps a candidate off the list). Whole dossiers already destroyed are
 * skipped.
 */
export function sweepCandidates(db: Queryable, clientIds: readonly string[], now: Date, legalMinimumYears: number): Promise<SweepCandidateRow[]> {
  return db.query<SweepCandidateRow>(
    `SELECT * FROM (
       SELECT c.id, c.organisation_id, ${RETENTION_FACTS_SQL}
         FROM ${CLIENTS} c ${RETENTION_JOINS_SQL}
        WHERE c.id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM org.destruction_records dr WHERE dr.client_id = c.id AND dr.scope = 'whole-dossier')
     ) t
     WHERE t.last_change_at < $2::timestamptz - make_interval(years => $3::int) + interval '2 days'
        OR t.status = 'pending'`,
    [clientIds, now.toISOString(), legalMinimumYears]);
}

/** A dossier the sweep found due. */
export interface DueRow {
  clientId: string;
  organisationId: string;
  lastChange: string;
  keptUntil: string;
}

/** Puts due dossiers on the review list as pending, or refreshes a pending row; confirmed, held and destroyed rows keep their state. */
export async function listDue(tx: Queryable, due: readonly DueRow[]): Promise<void> {
  await tx.query(
    `INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[], $5::text[])
     ON CONFLICT (client_id) DO UPDATE SET last_change = EXCLUDED.last_change, kept_until = EXCLUDED.kept_until
       WHERE org.retention_reviews.status = 'pending'`,
    [due.map((d) => d.clientId), due.map((d) => d.organisationId), due.map((d) => d.lastChange), due.map((d) => d.keptUntil), due.map(() => 'pending')]);
}

/** Takes these clients' pending rows off the list (their dossiers changed and are no longer due). */
export async function withdrawPending(tx: Queryable, clientIds: readonly string[]): Promise<void> {
  await tx.query(`DELETE FROM org.retention_reviews WHERE client_id = ANY($1::uuid[]) AND status = 'pending'`, [clientIds]);
}

/** How many confirmed dossiers wait for destruction, of one organisation or (null) all. */
export async function countConfirmed(db: Queryable, organisationId: string | null): Promise<number> {
  const [count] = await db.query<{ n: number | string }>(
    `SELECT count(*) AS n FROM org.retention_reviews WHERE status = 'confirmed' AND ($1::uuid IS NULL OR organisation_id = $1)`, [organisationId]);
  return Number(count!.n);
}

/** The next 100 confirmed dossiers after `after`, in client id order (a keyset page), of one organisation or (null) all. */
export async function confirmedAfter(db: Queryable, after: string, organisationId: string | null): Promise<string[]> {
  const batch = await db.query<{ client_id: string }>(
    `SELECT client_id FROM org.retention_reviews WHERE status = 'confirmed' AND client_id > $1 AND ($2::uuid IS NULL OR organisation_id = $2)
      ORDER BY client_id LIMIT 100`, [after, organisationId]);
  return batch.map((r) => r.client_id);
}

/** A confirmed review, locked, with its dossier's facts and who confirmed it when. */
export interface ConfirmedReviewRow extends RetentionFactsRow {
  organisation_id: string;
  decided_by: string;
  decided_at: Date | string;
}

/** Locks the confirmed review of this client; undefined when it is gone (destroyed meanwhile) or no longer confirmed. */
export async function lockConfirmed(tx: Queryable, clientId: string): Promise<ConfirmedReviewRow | undefined> {
  const [review] = await tx.query<ConfirmedReviewRow>(
    `SELECT r.organisation_id, r.decided_by, r.decided_at, ${RETENTION_FACTS_SQL}
       FROM ${CLIENTS} c ${RETENTION_JOINS_SQL}
      WHERE c.id = $1 AND r.status = 'confirmed'
      FOR UPDATE OF r`, [clientId]);
  return review;
}

/** Takes a dossier off the list whatever its state: the sweep decides again. */
export async function dropReview(tx: Queryable, clientId: string): Promise<void> {
  await tx.query(`DELETE FROM org.retention_reviews WHERE client_id = $1`, [clientId]);
}

/** Marks a destroyed dossier's review 'destroyed' (the progress marker) and removes its good-care extension. */
export async function markDestroyed(tx: Queryable, clientId: string): Promise<void> {
  await tx.query(`UPDATE org.retention_reviews SET status = 'destroyed', destroyed_at = clock_timestamp() WHERE client_id = $1`, [clientId]);
  await tx.query('DELETE FROM org.retention_extensions WHERE client_id = $1', [clientId]);
}

// ---------------------------------------------------------------- start-up sealing

/** A hold's reason, in clear before migration 0033, sealed under the client's key at start-up (`client-free-text.ts`). */
export const RETENTION_HOLD_REASON: LegacyTextColumn = {
  table: 'org.retention_reviews', id: 'client_id', column: 'hold_reason', ciphertext: 'hold_reason_ciphertext', kind: 'retentionHold',
};
