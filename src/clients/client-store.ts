/**
 * The clients module's store of clients' formal data (issue 14: one owner per
 * table): `formal.clients`, the corrections of it (`formal.data_corrections`)
 * and the identity checks (`formal.identity_checks`). The service reaches a
 * client's rows through {@link formalDataOf}, a registration through
 * {@link newClientOf} and a list through {@link clientCandidatesOf}, each bound
 * to the gate's scope. Others never write SQL on these tables: they call a
 * function here, or — where their own rows name a client — join the
 * projection {@link CLIENTS}, which says which columns leave this module.
 */
import { employeeIdOf, type ClientBoundScope, type ListScope, type NewClientScope } from '../access/gate-scope.js';
import { careRelationOn } from '../care-team/care-team-store.js';
import type { Queryable } from '../db/database.js';
import { txOf, type HoldsTransaction } from '../db/scope-tx.js';
import { DOSSIERS } from '../dossier/dossier-store.js';
import { EMPLOYEES, ORGANISATIONS } from '../organisation/employee-store.js';

// The vocabulary of the tables' columns; clients-service.ts re-exports it for the routes and the other modules.
export const Gender = { female: 'female', male: 'male', other: 'other', unknown: 'unknown' } as const;
export type Gender = (typeof Gender)[keyof typeof Gender];

export const IdentityDocument = {
  passport: 'passport', identityCard: 'identity-card', drivingLicence: 'driving-licence', residencePermit: 'residence-permit', other: 'other',
} as const;
export type IdentityDocument = (typeof IdentityDocument)[keyof typeof IdentityDocument];

/** The formal data a client may have corrected (AVG 16), in the API's words, and their columns. */
export const CORRECTABLE_FIELDS = {
  bsn: 'bsn', familyName: 'family_name', givenNames: 'given_names', birthDate: 'birth_date', gender: 'gender',
  streetAddress: 'street_address', postcode: 'postcode', town: 'town', phone: 'phone', email: 'email',
} as const;
export type CorrectableField = keyof typeof CORRECTABLE_FIELDS;

/**
 * The clients as other modules may join them: who the client is (names, birth
 * date), of which organisation, since when registered. No BSN, address or
 * contact details. A subquery in FROM without aggregates, which PostgreSQL
 * pulls up into the join: one round trip, the same plan.
 * @example `SELECT c.family_name FROM org.requests r JOIN ${CLIENTS} c ON c.id = r.client_id`
 */
export const CLIENTS = '(SELECT id, organisation_id, family_name, given_names, birth_date, created_at FROM formal.clients)';

/** How many of `clientIds` are clients of this organisation. */
export async function countClientsOfOrganisation(tx: Queryable, organisationId: string, clientIds: readonly string[]): Promise<number> {
  const [row] = await tx.query<{ n: string }>('SELECT count(*)::text AS n FROM formal.clients WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [organisationId, clientIds]);
  return Number(row!.n);
}

/** Whether `clientId` is a client of this organisation. */
export async function isClientOfOrganisation(tx: Queryable, clientId: string, organisationId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM formal.clients WHERE id = $1 AND organisation_id = $2', [clientId, organisationId]);
  return rows.length > 0;
}

/**
 * The client's BSN as the dossier holds it (null: none recorded or erased), for the portal's OpenID Connect link
 * (src/portal/portal-oidc-routes.ts, inside the invitation's gate scope): a provider's BSN claim must match it. Not in
 * `CLIENTS`, which names no BSN.
 */
export async function bsnOfClient(scope: HoldsTransaction, clientId: string, organisationId: string): Promise<string | null> {
  const rows = await txOf(scope).query<{ bsn: string | null }>('SELECT bsn FROM formal.clients WHERE id = $1 AND organisation_id = $2', [clientId, organisationId]);
  return rows[0]?.bsn ?? null;
}

/**
 * The next `limit` client ids after `after`, in id order, of one organisation or (null) all: a keyset page
 * for a sweep over every client.
 */
export async function clientIdsAfter(tx: Queryable, after: string, organisationId: string | null, limit: number): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    'SELECT id FROM formal.clients WHERE id > $1 AND ($2::uuid IS NULL OR organisation_id = $2) ORDER BY id LIMIT $3', [after, organisationId, limit]);
  return rows.map((r) => r.id);
}

/**
 * The scope's client's full name and their organisation's name, as a letter or document heads them.
 * @example const { organisation, clientName } = await clientAndOrganisationNameOf(scope);
 */
export async function clientAndOrganisationNameOf(scope: ClientBoundScope): Promise<{ organisation: string; clientName: string }> {
  const [row] = await txOf(scope).query<{ organisation: string; client_name: string }>(
    `SELECT o.name AS organisation, c.given_names || ' ' || c.family_name AS client_name
       FROM formal.clients c JOIN ${ORGANISATIONS} o ON o.id = c.organisation_id WHERE c.id = $1`, [scope.client.id]);
  return { organisation: row!.organisation, clientName: row!.client_name };
}

/** A client's formal data as stored. */
export interface ClientRow {
  id: string;
  bsn: string | null;
  family_name: string;
  given_names: string;
  birth_date: string;
  gender: Gender;
  street_address: string | null;
  postcode: string | null;
  town: string | null;
  phone: string | null;
  email: string | null;
  created_at: Date;
}

/** A change of formal data after registration, with who made it by name. */
export interface DataCorrectionRow {
  field: CorrectableField; old_value: string | null; new_value: string; corrected_by: string; corrected_at: Date;
  request_id: string | null; reason: string | null;
}

/** Why a formal value changed: the client's request it fulfils (AVG 16), or how the new value became known. */
export type CorrectionGround = { requestId: string } | { reason: string };

/**
 * The formal data of the scope's client: the record, its identity checks and the history of its corrections. A
 * value changes only through `replace`, which keeps the old one in the append-only history, as changed by the
 * scope's actor at the scope's time.
 * @example const row = await formalDataOf(scope).row();
 */
export function formalDataOf(scope: ClientBoundScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** The client's record. */
    row: async (): Promise<ClientRow | undefined> => (await tx.query<ClientRow>('SELECT * FROM formal.clients WHERE id = $1', [clientId]))[0],

    /**
     * The current values of `fields` as text, by the API's names, with the client's row locked to the end of the
     * transaction (FOR UPDATE): two corrections at once cannot both keep the same old value.
     */
    lockedValues: async <F extends CorrectableField>(fields: readonly F[]): Promise<Record<F, string | null> | undefined> => (
      await tx.query<Record<F, string | null>>(`SELECT ${fields.map((f) => `${CORRECTABLE_FIELDS[f]}::text AS "${f}"`).join(', ')} FROM formal.clients WHERE id = $1 FOR UPDATE`, [clientId]))[0],

    /** Whether another client of the organisation has this BSN. */
    bsnTakenByAnother: async (bsn: string): Promise<boolean> => (await tx.query(
      'SELECT 1 FROM formal.clients WHERE organisation_id = $1 AND bsn = $2 AND id <> $3', [scope.client.organisationId, bsn, clientId])).length > 0,

    /**
     * The one way a formal value changes after registration: the new value in the record, and the old one, the new
     * one, when, by whom and why (the request, or how it became known) in the append-only history.
     */
    replace: async (field: CorrectableField, oldValue: string | null, newValue: string, why: CorrectionGround): Promise<void> => {
      await tx.query(`UPDATE formal.clients SET ${CORRECTABLE_FIELDS[field]} = $2 WHERE id = $1`, [clientId, newValue]);
      await tx.query(
        `INSERT INTO formal.data_corrections (client_id, request_id, reason, field, old_value, new_value, corrected_by, corrected_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [clientId, 'requestId' in why ? why.requestId : null, 'reason' in why ? why.reason : null, field, oldValue, newValue, employeeIdOf(scope), scope.now]);
    },

    /** The history of corrections, oldest first. */
    corrections: (): Promise<DataCorrectionRow[]> => tx.query<DataCorrectionRow>(
      `SELECT d.field, d.old_value, d.new_value, e.display_name AS corrected_by, d.corrected_at, d.request_id, d.reason
         FROM formal.data_corrections d JOIN ${EMPLOYEES} e ON e.id = d.corrected_by WHERE d.client_id = $1 ORDER BY d.corrected_at, d.recorded_at, d.id`, [clientId]),

    /** The identity checks, oldest first, with who checked by name. */
    identityChecks: (): Promise<{ document_type: IdentityDocument; checked_by: string; checked_at: Date }[]> => tx.query(
      `SELECT c.document_type, e.display_name AS checked_by, c.checked_at FROM formal.identity_checks c
         JOIN ${EMPLOYEES} e ON e.id = c.checked_by WHERE c.client_id = $1 ORDER BY c.checked_at`, [clientId]),
  };
}

/** A new client's formal data as registered (the service checked it). */
export interface NewClientRow {
  bsn: string | null; familyName: string; givenNames: string; birthDate: string; gender: Gender;
  streetAddress: string | null; postcode: string | null; town: string | null; phone: string | null; email: string | null;
}

/**
 * Registering a client in the organisation of the scope's actor, who is recorded as having registered the client
 * and checked their identity.
 */
export function newClientOf(scope: NewClientScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    /** The organisation's client with this BSN, if any. */
    withBsn: async (bsn: string): Promise<string | undefined> => (await tx.query<{ id: string }>(
      'SELECT id FROM formal.clients WHERE organisation_id = $1 AND bsn = $2', [organisationId, bsn]))[0]?.id,

    register: async (id: string, client: NewClientRow): Promise<void> => {
      await tx.query(
        `INSERT INTO formal.clients (id, organisation_id, bsn, family_name, given_names, birth_date, gender, street_address, postcode, town, phone, email, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [id, organisationId, client.bsn, client.familyName, client.givenNames, client.birthDate, client.gender,
          client.streetAddress, client.postcode, client.town, client.phone, client.email, scope.actor.employeeId],
      );
    },

    recordIdentityCheck: async (clientId: string, check: { documentType: IdentityDocument; checkedAt: string }): Promise<void> => {
      await tx.query('INSERT INTO formal.identity_checks (client_id, document_type, checked_by, checked_at) VALUES ($1, $2, $3, $4)',
        [clientId, check.documentType, scope.actor.employeeId, check.checkedAt]);
    },
  };
}

/** A client proposed for a list, with the caller's care relation on the day (null without one). */
export interface CandidateRow {
  id: string; family_name: string; given_names: string; birth_date: string; relation: string | null;
  /** The recorded end of care (issue 15 item 4): a caseload shows such a client as ended, after the active ones. */
  care_ended_on?: string | null;
}

/** Which page of candidates: the whole organisation or the caseload on `today`, and a part of the name if searched. */
export interface CandidatePage { wholeOrganisation: boolean; today: string; limit: number; offset: number; nameContains?: string | undefined }

/**
 * The clients of the scope's actor's organisation a list may propose (the gate decides each): their caseload on
 * `today`, or with `wholeOrganisation` every client; a page in name order, narrowed by a part of the name.
 */
export function clientCandidatesOf(scope: ListScope) {
  const tx = txOf(scope);
  const { organisationId, employeeId } = scope.actor;
  return {
    page: (options: CandidatePage): Promise<CandidateRow[]> => {
      // A name search narrows the same candidates; LIKE wildcards in the search text are taken literally.
      const pattern = options.nameContains === undefined ? null : `%${options.nameContains.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      return tx.query<CandidateRow>(
        `SELECT c.id, c.family_name, c.given_names, c.birth_date, t.relation, d.care_ended_on
           FROM formal.clients c
           LEFT JOIN ${careRelationOn('c.id', '$2', '$3')} t ON true
           LEFT JOIN ${DOSSIERS} d ON d.client_id = c.id
          WHERE c.organisation_id = $1 AND ($4 OR t.relation IS NOT NULL)
            AND ($7::text IS NULL OR c.given_names || ' ' || c.family_name ILIKE $7)
          ORDER BY d.care_ended_on IS NOT NULL, c.family_name, c.given_names, c.id
          LIMIT $5 OFFSET $6`,
        [organisationId, employeeId, options.today, options.wholeOrganisation, options.limit, options.offset, pattern],
      );
    },

    /**
     * Finding a client in the whole organisation (issue 15): by a part of the name, or exactly by birth date or BSN;
     * at most `limit`, in name order, each with the caller's care relation on `today`. The gate decides what of each
     * may be shown (`scope.find`); the BSN itself never leaves this query.
     */
    find: (by: ClientFinder, today: string, limit: number): Promise<CandidateRow[]> => {
      const pattern = by.name === undefined ? null : `%${by.name.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      return tx.query<CandidateRow>(
        `SELECT c.id, c.family_name, c.given_names, c.birth_date, t.relation
           FROM formal.clients c
           LEFT JOIN ${careRelationOn('c.id', '$2', '$3')} t ON true
          WHERE c.organisation_id = $1
            AND ($4::text IS NULL OR c.given_names || ' ' || c.family_name ILIKE $4)
            AND ($5::date IS NULL OR c.birth_date = $5::date)
            AND ($6::text IS NULL OR c.bsn = $6)
          ORDER BY c.family_name, c.given_names, c.id
          LIMIT $7`,
        [organisationId, employeeId, today, pattern, by.birthDate ?? null, by.bsn ?? null, limit],
      );
    },
  };
}

/** What a search for a client names: a part of the name, a birth date (YYYY-MM-DD) or a BSN — one of them. */
export type ClientFinder = { name: string; birthDate?: undefined; bsn?: undefined }
  | { birthDate: string; name?: undefined; bsn?: undefined }
  | { bsn: string; name?: undefined; birthDate?: undefined };
