/**
 * The facts the gate (gate.ts) loads before it decides: a client's birth date,
 * the caller's care relation, the dossier holder, the facts recorded on the
 * client, an open emergency access — in one round trip for the hot read path —
 * and the same for a page of list candidates or a family's members.
 *
 * The queries live here until their tables' owner stores take them (issue 14,
 * "one table, one owner store"; `db/table-owners.test.ts` lists them). The
 * doors that used to live here (`withClientAccess` and friends) are the gate's
 * subject handlers now; this module keeps re-exporting the scope types that
 * services name.
 */
import type { Queryable } from '../db/database.js';
import type { CareRelation } from '../organisation/employee-roles.js';
import type { Fact } from '../rules/index.js';
import type { ClientFacts, RequestContext } from './gate-scope.js';

export {
  ACTING_FOR_HEADER, EMERGENCY_SUMMARY_PART,
  type AccessOptions, type ClientFacts, type ClientScope, type EmergencyStep, type FamilyScope, type ListScope, type RecordScope,
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

/** The client's facts, the employee's current care relation and emergency access, in one round trip. */
export async function loadClientFacts(tx: Queryable, ctx: RequestContext, clientId: string, today: string): Promise<LoadedFacts | undefined> {
  if (!UUID_LIKE.test(clientId)) return undefined;
  const rows = await tx.query<{
    id: string; organisation_id: string; birth_date: string; relation: CareRelation | null; holder_id: string | null; facts: Fact[]; emergency: boolean; wrapped_key: Buffer | null;
  }>(
    `SELECT c.id, c.organisation_id, c.birth_date, (SELECT k.wrapped_key FROM care.client_keys k WHERE k.client_id = c.id) AS wrapped_key,
            (SELECT relation FROM org.care_team t
              WHERE t.employee_id = $3 AND t.client_id = c.id AND t.starts_on <= $4 AND (t.ends_on IS NULL OR t.ends_on >= $4)
              ORDER BY CASE relation WHEN 'holder' THEN 0 WHEN 'member' THEN 1 WHEN 'substitute' THEN 2 ELSE 3 END
              LIMIT 1) AS relation,
            (SELECT t.employee_id FROM org.care_team t
              WHERE t.client_id = c.id AND t.relation = 'holder' AND t.starts_on <= $4 AND (t.ends_on IS NULL OR t.ends_on >= $4)
              ORDER BY t.starts_on DESC, t.employee_id LIMIT 1) AS holder_id,
            ARRAY(SELECT DISTINCT fact FROM org.client_access_facts f WHERE f.client_id = c.id AND f.withdrawn_at IS NULL
                  UNION SELECT 'processing-restricted' FROM org.processing_restrictions p WHERE p.client_id = c.id AND p.ended_at IS NULL) AS facts,
            EXISTS (SELECT 1 FROM org.emergency_accesses g
                     WHERE g.client_id = c.id AND g.employee_id = $3 AND g.started_at <= $5 AND g.expires_at > $5
                       AND g.confirmed_at IS NOT NULL) AS emergency
       FROM formal.clients c WHERE c.id = $1 AND c.organisation_id = $2`,
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
export async function isResponsibleFor(tx: Queryable, organisationId: string, clientId: string, employeeId: string, today: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM org.care_team t JOIN org.employees e ON e.id = t.employee_id
      WHERE t.client_id = $1 AND t.employee_id = $2 AND e.organisation_id = $3 AND e.active
        AND t.relation IN ('holder', 'member', 'substitute') AND t.starts_on <= $4 AND (t.ends_on IS NULL OR t.ends_on >= $4)
      LIMIT 1`, [clientId, employeeId, organisationId, today]);
  return rows.length > 0;
}

/** The facts recorded on each of these clients that the rules read (as `loadClientFacts` reads them for one), in one query. */
export async function recordedFactsOf(tx: Queryable, clientIds: readonly string[]): Promise<Map<string, Fact[]>> {
  if (clientIds.length === 0) return new Map();
  const rows = await tx.query<{ client_id: string; fact: Fact }>(
    `SELECT DISTINCT f.client_id, f.fact FROM org.client_access_facts f WHERE f.client_id = ANY($1::uuid[]) AND f.withdrawn_at IS NULL
     UNION SELECT DISTINCT p.client_id, 'processing-restricted' FROM org.processing_restrictions p WHERE p.client_id = ANY($1::uuid[]) AND p.ended_at IS NULL`,
    [clientIds]);
  const facts = new Map<string, Fact[]>();
  for (const row of rows) facts.set(row.client_id, [...facts.get(row.client_id) ?? [], row.fact]);
  return facts;
}

/** A family of the caller's organisation and its members in the order they joined; undefined when there is none. */
export async function familyMembers(tx: Queryable, organisationId: string, familyId: string): Promise<string[] | undefined> {
  if (!UUID_LIKE.test(familyId)) return undefined;
  const family = await tx.query('SELECT 1 FROM formal.families WHERE id = $1 AND organisation_id = $2', [familyId, organisationId]);
  if (family.length === 0) return undefined;
  const members = await tx.query<{ client_id: string }>('SELECT client_id FROM formal.family_members WHERE family_id = $1 ORDER BY added_at, client_id', [familyId]);
  return members.map((m) => m.client_id);
}

/** Whether every one of these ids is a client of the organisation (at least one id, none malformed). */
export async function allClientsOf(tx: Queryable, organisationId: string, clientIds: readonly string[]): Promise<boolean> {
  if (clientIds.length === 0 || clientIds.some((id) => !UUID_LIKE.test(id))) return false;
  const found = await tx.query<{ id: string }>('SELECT id FROM formal.clients WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [organisationId, [...clientIds]]);
  return found.length === new Set(clientIds).size;
}
