/**
 * The facts the gate (gate.ts) loads before it decides: a client's birth date,
 * the caller's care relation, the dossier holder, the facts recorded on the
 * client, an open emergency access — in one round trip for the hot read path —
 * and the same for a page of list candidates or a family's members.
 *
 * Every table read here belongs to another module (issue 14, "one table, one
 * owner store"; `db/table-owners.test.ts`): the client fact load is still one
 * query on the hot read path, made of the owners' projections and SQL
 * expressions, which PostgreSQL pulls up into the same plan as the plain
 * join; the rest are the owners' store functions. The doors that used to live
 * here (`withClientAccess` and friends) are the gate's subject handlers now;
 * this module keeps re-exporting the scope types that services name.
 */
import { ACCESS_FACTS_IN_FORCE, careTeamHolderOn, isCareProfessionalOn, strongestCareRelationOn } from '../care-team/care-team-store.js';
import { CLIENTS, countClientsOfOrganisation } from '../clients/client-store.js';
import { WRAPPED_CLIENT_KEYS } from '../crypto/client-key-store.js';
import type { Queryable } from '../db/database.js';
import { emergencyAccessOpen } from '../emergency/emergency-store.js';
import { familyMemberIds } from '../families/family-store.js';
import type { CareRelation } from '../organisation/employee-roles.js';
import { RESTRICTIONS_IN_FORCE } from '../requests/restriction-store.js';
import type { Fact } from '../rules/index.js';
import type { ClientFacts, RequestContext } from './gate-scope.js';

export {
  ACTING_FOR_HEADER, EMERGENCY_SUMMARY_PART,
  type AccessOptions, type ClientBoundScope, type ClientFacts, type ClientScope, type EmergencyStep, type FamilyScope, type ListScope, type RecordScope,
  type RegistrationOutcome, type RequestContext,
} from './gate-scope.js';

export interface LoadedFacts extends ClientFacts {
  relation: CareRelation | undefined;
  /** The client's current dossier holder: the responsible user an intern works under. */
  holderId: string | null;
  /** Facts recorded on the client that the rules read (e.g. `client-objects-to-interns`). */
  recordedFacts: Fact[];
  /** This employee holds an unexpired, confirmed emergency access to this client (the summary alone opens nothing more). */
  emergency: boolean;
  wrappedKey: Buffer | null;
}

const UUID_LIKE = /^[0-9a-f-]{36}$/i;

/** The facts recorded on the client `c` that the rules read: the care team's recorded facts in force, and a restriction of processing. */
const RECORDED_FACTS_OF_C = `SELECT DISTINCT f.fact FROM ${ACCESS_FACTS_IN_FORCE} f WHERE f.client_id = c.id
                  UNION SELECT 'processing-restricted' FROM ${RESTRICTIONS_IN_FORCE} p WHERE p.client_id = c.id`;

/** The client's facts, the employee's current care relation and emergency access, in one round trip. */
export async function loadClientFacts(tx: Queryable, ctx: RequestContext, clientId: string, today: string): Promise<LoadedFacts | undefined> {
  if (!UUID_LIKE.test(clientId)) return undefined;
  const rows = await tx.query<{
    id: string; organisation_id: string; birth_date: string; relation: CareRelation | null; holder_id: string | null; facts: Fact[]; emergency: boolean; wrapped_key: Buffer | null;
  }>(
    `SELECT c.id, c.organisation_id, c.birth_date, (SELECT k.wrapped_key FROM ${WRAPPED_CLIENT_KEYS} k WHERE k.client_id = c.id) AS wrapped_key,
            ${strongestCareRelationOn('c.id', '$3', '$4')} AS relation,
            ${careTeamHolderOn('c.id', '$4')} AS holder_id,
            ARRAY(${RECORDED_FACTS_OF_C}) AS facts,
            ${emergencyAccessOpen('c.id', '$3', '$5')} AS emergency
       FROM ${CLIENTS} c WHERE c.id = $1 AND c.organisation_id = $2`,
    [clientId, ctx.actor.organisationId, ctx.actor.employeeId, today, ctx.now],
  );
  const row = rows[0];
  return row === undefined
    ? undefined
    : {
        id: row.id, organisationId: row.organisation_id, birthDate: row.birth_date, relation: row.relation ?? undefined, holderId: row.holder_id,
        recordedFacts: row.facts, emergency: row.emergency, wrappedKey: row.wrapped_key,
      };
}

/** Whether `employeeId` may be named as the responsible user for this client: same organisation, a current care relation. */
export function isResponsibleFor(tx: Queryable, organisationId: string, clientId: string, employeeId: string, today: string): Promise<boolean> {
  return isCareProfessionalOn(tx, organisationId, clientId, employeeId, today);
}

/** The facts recorded on each of these clients that the rules read (as `loadClientFacts` reads them for one), in one query. */
export async function recordedFactsOf(tx: Queryable, clientIds: readonly string[]): Promise<Map<string, Fact[]>> {
  if (clientIds.length === 0) return new Map();
  const rows = await tx.query<{ client_id: string; fact: Fact }>(
    `SELECT DISTINCT f.client_id, f.fact FROM ${ACCESS_FACTS_IN_FORCE} f WHERE f.client_id = ANY($1::uuid[])
     UNION SELECT DISTINCT p.client_id, 'processing-restricted' FROM ${RESTRICTIONS_IN_FORCE} p WHERE p.client_id = ANY($1::uuid[])`,
    [clientIds]);
  const facts = new Map<string, Fact[]>();
  for (const row of rows) facts.set(row.client_id, [...facts.get(row.client_id) ?? [], row.fact]);
  return facts;
}

/** A family of the caller's organisation and its members in the order they joined; undefined when there is none. */
export async function familyMembers(tx: Queryable, organisationId: string, familyId: string): Promise<string[] | undefined> {
  if (!UUID_LIKE.test(familyId)) return undefined;
  return familyMemberIds(tx, organisationId, familyId);
}

/** Whether every one of these ids is a client of the organisation (at least one id, none malformed). */
export async function allClientsOf(tx: Queryable, organisationId: string, clientIds: readonly string[]): Promise<boolean> {
  if (clientIds.length === 0 || clientIds.some((id) => !UUID_LIKE.test(id))) return false;
  return await countClientsOfOrganisation(tx, organisationId, [...clientIds]) === new Set(clientIds).size;
}
