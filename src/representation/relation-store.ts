/**
 * The representation module's store of a client's registered relations
 * (`formal.client_relations`; issue 14: one owner per table): parents,
 * guardians and others, with custody and the period they count. Work on a
 * client reaches them through {@link relationsOfScope}, bound to the gate's
 * scope; where other rows name a relation, a query joins the projection
 * {@link RELATION_NAMES}.
 */
import { employeeIdOf, type ClientBoundScope } from '../access/gate-scope.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';

// The vocabulary of the table's columns; representation-service.ts re-exports it for the services.
export const RelationKind = {
  parent: 'parent', guardian: 'guardian', familyGuardian: 'family-guardian', fosterParent: 'foster-parent', confidentialAdvisor: 'confidential-advisor', other: 'other',
  // The representatives of an adult who is not competent (BW 7:465 lid 3; migration 0044): never holding custody.
  curator: 'curator', mentor: 'mentor', authorised: 'authorised', partner: 'partner', child: 'child', sibling: 'sibling',
} as const;
export type RelationKind = (typeof RelationKind)[keyof typeof RelationKind];

/** The custody kinds of the BRP (DOMAIN §1). */
export const CustodyKind = {
  twoHeadedParental: 'two-headed-parental', singleHeadedParental: 'single-headed-parental', jointWithNonParent: 'joint-with-non-parent',
  guardianship: 'guardianship', guardianshipInstitution: 'guardianship-institution', temporarilyNone: 'temporarily-none', undeterminable: 'undeterminable',
} as const;
export type CustodyKind = (typeof CustodyKind)[keyof typeof CustodyKind];

/**
 * How custody was established (003 §2.3.5: "na een zorgvuldige vaststelling"; migration 0048): by law because the
 * parents were married or registered partners at the birth (BW 1:251), by law the mother alone (BW 1:253b), by
 * recognition with an entry in the custody register (BW 1:252), by a court decision (BW 1:251a, 1:253c, 1:253t), a
 * court's guardianship order (BW 1:295, 1:302) or a guardian appointed by will or in the register (BW 1:292).
 */
export const CustodyBasis = {
  byLawMarriage: 'by-law-marriage', byLawMother: 'by-law-mother', recognition: 'recognition', courtDecision: 'court-decision',
  guardianshipOrder: 'guardianship-order', appointedByWill: 'appointed-by-will',
} as const;
export type CustodyBasis = (typeof CustodyBasis)[keyof typeof CustodyBasis];

/**
 * A relation as other modules may join it: id, client and full name. A subquery in FROM without aggregates,
 * which PostgreSQL pulls up into the join: one round trip, the same plan. Left-joined, `name` is NULL when
 * no relation is named (names are NOT NULL).
 * @example `SELECT rel.name FROM org.requests r LEFT JOIN ${RELATION_NAMES} rel ON rel.id = r.requester_relation_id`
 */
export const RELATION_NAMES = `(SELECT id, client_id, given_names || ' ' || family_name AS name FROM formal.client_relations)`;

/** A relation of the client, as registered. */
export interface RelationRow {
  id: string; relation: string; has_custody: boolean; custody_kind: string | null; family_name: string; given_names: string;
  established_how: string; valid_from: string; valid_to: string | null;
  /** How custody came about (migration 0048); NULL without custody, and for custody recorded before 0048. */
  custody_established_by: CustodyBasis | null;
}

/** Registers a relation as found in the custody register, without the checks of `addRelation` (the demo seed). */
export async function insertRegisteredRelation(tx: Queryable, clientId: string, relation: {
  relation: RelationKind; hasCustody: boolean; custodyKind: CustodyKind | null; familyName: string; givenNames: string;
  establishedHow: string; validFrom: string; createdBy: string; custodyEstablishedBy: CustodyBasis | null;
}): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO formal.client_relations (client_id, relation, has_custody, custody_kind, family_name, given_names, established_how, valid_from, created_by,
                                          custody_established_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [clientId, relation.relation, relation.hasCustody, relation.custodyKind, relation.familyName, relation.givenNames, relation.establishedHow,
      relation.validFrom, relation.createdBy, relation.custodyEstablishedBy]);
  return rows[0]!.id;
}

/** What a new relation records (the service checked it). */
export interface NewRelationRow {
  relation: RelationKind; hasCustody: boolean; custodyKind: CustodyKind | null; custodyEstablishedBy: CustodyBasis | null;
  familyName: string; givenNames: string; institution: string | null; phone: string | null; email: string | null; establishedHow: string; validFrom: string;
}

/** The period a relation counts. */
export interface RelationPeriod { valid_from: string; valid_to: string | null }

/** What a relation is on a day: its kind, and whether it holds custody. */
export interface RelationStanding { relation: RelationKind; has_custody: boolean }

/** A relation holding custody, by name. */
export interface CustodianRow { id: string; given_names: string; family_name: string }

/** A relation as the engine's `persons` are made from it. */
export interface PersonRelationRow {
  id: string; relation: RelationKind; has_custody: boolean; custody_kind: CustodyKind | null; valid_from: string; valid_to: string | null;
}

/**
 * The relations of the scope's client (`formal.client_relations`): no other client's relation is reached, and a
 * relation is added or ended as by the scope's actor.
 * @example const custodians = await relationsOfScope(scope).custodiansOn(today);
 */
export function relationsOfScope(scope: ClientBoundScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** Every relation, past ones included, by start and name. */
    all: (): Promise<RelationRow[]> => tx.query<RelationRow>(
      `SELECT id, relation, has_custody, custody_kind, family_name, given_names, established_how, valid_from, valid_to, custody_established_by
         FROM formal.client_relations WHERE client_id = $1 ORDER BY valid_from, family_name`, [clientId]),

    /** The relations by id, as full names. */
    names: async (): Promise<Map<string, string>> => {
      const rows = await tx.query<{ id: string; name: string }>(
        'SELECT id, given_names || \' \' || family_name AS name FROM formal.client_relations WHERE client_id = $1', [clientId]);
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** Which of `relationIds` are relations of the client (at any time). */
    among: async (relationIds: readonly string[]): Promise<string[]> => (await tx.query<{ id: string }>(
      'SELECT id FROM formal.client_relations WHERE client_id = $1 AND id = ANY($2::uuid[])', [clientId, relationIds])).map((r) => r.id),

    /** Whether `relationId` is a relation of the client (at any time). */
    exists: async (relationId: string): Promise<boolean> =>
      (await tx.query('SELECT 1 FROM formal.client_relations WHERE id = $1 AND client_id = $2', [relationId, clientId])).length > 0,

    /** The kind of a relation of the client (at any time); undefined for anyone else. */
    kindOf: async (relationId: string): Promise<RelationKind | undefined> => (await tx.query<{ relation: RelationKind }>(
      'SELECT relation FROM formal.client_relations WHERE id = $1 AND client_id = $2', [relationId, clientId]))[0]?.relation,

    /** The kind and custody of a relation that counts on `on`; undefined when it does not. */
    on: async (relationId: string, on: string): Promise<RelationStanding | undefined> => (await tx.query<RelationStanding>(
      'SELECT relation, has_custody FROM formal.client_relations WHERE id = $1 AND client_id = $2 AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)',
      [relationId, clientId, on]))[0],

    /** Whether the relation held custody on `on` (a parent with custody or a guardian). */
    heldCustodyOn: async (relationId: string, on: string): Promise<boolean> => (await tx.query(
      'SELECT 1 FROM formal.client_relations WHERE id = $1 AND client_id = $2 AND has_custody AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)',
      [relationId, clientId, on])).length > 0,

    /** Whether the relation was the client's guardian with custody on `on`. */
    wasGuardianOn: async (relationId: string, on: string): Promise<boolean> => (await tx.query(
      `SELECT 1 FROM formal.client_relations WHERE id = $1 AND client_id = $2 AND relation = 'guardian' AND has_custody
          AND valid_from <= $3 AND (valid_to IS NULL OR valid_to >= $3)`, [relationId, clientId, on])).length > 0,

    /** The relations holding custody on `on`, by start. */
    custodiansOn: (on: string): Promise<CustodianRow[]> => tx.query<CustodianRow>(
      `SELECT id, given_names, family_name FROM formal.client_relations
        WHERE client_id = $1 AND has_custody AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2) ORDER BY valid_from, id`,
      [clientId, on]),

    /** Every relation begun by `on`, by start: what the engine's `persons` are made from. */
    begunBy: (on: string): Promise<PersonRelationRow[]> => tx.query<PersonRelationRow>(
      'SELECT id, relation, has_custody, custody_kind, valid_from, valid_to FROM formal.client_relations WHERE client_id = $1 AND valid_from <= $2 ORDER BY valid_from, id',
      [clientId, on]),

    /** Whether the relation, not ended, is one of `kinds` (the representatives of an adult who is not competent). */
    isCurrentOfKind: async (relationId: string, kinds: readonly RelationKind[]): Promise<boolean> => (await tx.query(
      'SELECT 1 FROM formal.client_relations WHERE id = $1 AND client_id = $2 AND relation = ANY($3) AND valid_to IS NULL',
      [relationId, clientId, kinds])).length > 0,

    /** Whether the relation, not ended, holds custody: a current legal representative of a minor. */
    isCurrentCustodian: async (relationId: string): Promise<boolean> => (await tx.query(
      'SELECT 1 FROM formal.client_relations WHERE id = $1 AND client_id = $2 AND has_custody AND valid_to IS NULL',
      [relationId, clientId])).length > 0,

    /** The period of a relation of the client; undefined for anyone else. */
    period: async (relationId: string): Promise<RelationPeriod | undefined> => (await tx.query<RelationPeriod>(
      'SELECT valid_from, valid_to FROM formal.client_relations WHERE id = $1 AND client_id = $2', [relationId, clientId]))[0],

    /** Registers a relation as recorded by the scope's actor. */
    add: async (id: string, relation: NewRelationRow): Promise<void> => {
      await tx.query(
        `INSERT INTO formal.client_relations (id, client_id, relation, has_custody, custody_kind, family_name, given_names, institution, phone, email,
           established_how, valid_from, created_by, custody_established_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [id, clientId, relation.relation, relation.hasCustody, relation.custodyKind, relation.familyName, relation.givenNames, relation.institution,
          relation.phone, relation.email, relation.establishedHow, relation.validFrom, employeeIdOf(scope), relation.custodyEstablishedBy]);
    },

    /** Ends a relation of the client on `validTo`, as ended by the scope's actor; the record stays. */
    end: async (relationId: string, validTo: string): Promise<void> => {
      await tx.query('UPDATE formal.client_relations SET valid_to = $2, ended_by = $3 WHERE id = $1 AND client_id = $4', [relationId, validTo, employeeIdOf(scope), clientId]);
    },
  };
}
