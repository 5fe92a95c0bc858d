/**
 * The care-team module's store of `org.care_team` and `org.client_access_facts` (issue 14: one owner per table):
 * who has which care relation with a client, and the facts recorded on a client that change access. The service
 * reaches a client's rows through {@link careTeamOf} and {@link accessFactsOf}, bound to the gate's scope; the
 * other modules call the functions and SQL expressions below.
 */
import { employeeIdOf, type ClientBoundScope, type ClientScope, type NewClientScope } from '../access/gate-scope.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';
import type { CareRelation } from '../organisation/employee-roles.js';
import { EMPLOYEES } from '../organisation/employee-store.js';

/** A care-team membership of the client, with the employee as the team shows them. */
export interface CareTeamRow {
  id: string; employee_id: string; display_name: string; function_title: string; role: string;
  relation: CareRelation; starts_on: string; ends_on: string | null;
}

/** The dossier holder on a day, as a letter names them. */
export interface HolderRow { id: string; display_name: string; function_title: string }

/** A new membership: who, in which relation, for which period (no end: open). */
export interface NewCareTeamMember { employeeId: string; relation: CareRelation; startsOn: string; endsOn: string | null }

/** The period a membership counts, and in which relation. */
export interface MembershipPeriod { relation: CareRelation; starts_on: string; ends_on: string | null }

/** A colleague of the client's organisation who can join its care team. */
export interface CareTeamCandidateRow { id: string; display_name: string; function_title: string; role: 'care-professional' | 'intern' }

/**
 * The care team of the scope's client (`org.care_team`): its memberships, past ones included, and the changes the
 * holder or a manager makes (the gate decided the act). Who changes it and when come from the scope.
 */
export function careTeamOf(scope: ClientBoundScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /**
     * The dossier holder on `day` ({@link careTeamHolderOn}: the holder membership running that day, the latest to
     * start); undefined without one — the holder who signs a letter.
     */
    holderOn: async (day: string): Promise<HolderRow | undefined> => (await tx.query<HolderRow>(
      `SELECT e.id, e.display_name, e.function_title FROM ${EMPLOYEES} e WHERE e.id = ${careTeamHolderOn('$1::uuid', '$2::date')}`, [clientId, day]))[0],

    /** Every membership, by start and name. */
    members: (): Promise<CareTeamRow[]> => tx.query<CareTeamRow>(
      `SELECT t.id, t.employee_id, e.display_name, e.function_title, e.role, t.relation, t.starts_on, t.ends_on
         FROM org.care_team t JOIN ${EMPLOYEES} e ON e.id = t.employee_id
        WHERE t.client_id = $1 ORDER BY t.starts_on, e.display_name`, [clientId]),

    /** The active care professionals and interns of the client's organisation, by name: who can join. */
    candidates: (): Promise<CareTeamCandidateRow[]> => tx.query<CareTeamCandidateRow>(
      `SELECT e.id, e.display_name, e.function_title, e.role FROM ${EMPLOYEES} e
        WHERE e.organisation_id = $1 AND e.active AND e.role IN ('care-professional', 'intern') ORDER BY e.display_name, e.id`, [scope.client.organisationId]),

    /** The role of an employee of the client's organisation, and whether they are active; undefined for anyone else. */
    colleague: async (employeeId: string): Promise<{ role: string; active: boolean } | undefined> => (await tx.query<{ role: string; active: boolean }>(
      `SELECT e.role, e.active FROM ${EMPLOYEES} e WHERE e.id = $1 AND e.organisation_id = $2`, [employeeId, scope.client.organisationId]))[0],

    /** Adds a membership, recorded as made by the scope's actor; its id. */
    add: async (member: NewCareTeamMember): Promise<string> => (await tx.query<{ id: string }>(
      `INSERT INTO org.care_team (client_id, employee_id, relation, starts_on, ends_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [clientId, member.employeeId, member.relation, member.startsOn, member.endsOn, employeeIdOf(scope)]))[0]!.id,

    /** The relation and period of one of the client's memberships; undefined when it is not theirs. */
    period: async (memberId: string): Promise<MembershipPeriod | undefined> => (await tx.query<MembershipPeriod>(
      'SELECT relation, starts_on, ends_on FROM org.care_team WHERE id = $1 AND client_id = $2', [memberId, clientId]))[0],

    /**
     * The end of care (issue 15 item 4): ends on `endedOn` every membership that would still count after it (kept for
     * history; one planned to start later ends on its first day), except the holder's on that day — the holder keeps
     * the closed dossier (003 §2.1) to answer the client's requests. How many memberships it ended.
     */
    closeAfter: async (endedOn: string): Promise<number> => (await tx.query(
      `UPDATE org.care_team SET ends_on = GREATEST(starts_on, $2::date), ended_by = $3
        WHERE client_id = $1 AND (ends_on IS NULL OR ends_on > $2::date) AND NOT (relation = 'holder' AND starts_on <= $2::date)
       RETURNING id`, [clientId, endedOn, employeeIdOf(scope)])).length,

    /** Ends one of the client's memberships on `endsOn` (kept for history), as ended by the scope's actor. */
    end: async (memberId: string, endsOn: string): Promise<void> => {
      await tx.query('UPDATE org.care_team SET ends_on = $2, ended_by = $3 WHERE id = $1 AND client_id = $4', [memberId, endsOn, employeeIdOf(scope), clientId]);
    },
  };
}

/** A fact recorded on the client that changes access, in force. */
export interface AccessFactRow<F extends string = string> { id: string; fact: F; display_name: string; recorded_at: Date }

/**
 * The facts recorded on the scope's client that change access (`org.client_access_facts`), such as an objection to
 * interns: in force, recorded and withdrawn by the scope's actor at the scope's time.
 */
export function accessFactsOf<F extends string>(scope: ClientScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** The facts in force, oldest first. */
    inForce: (): Promise<AccessFactRow<F>[]> => tx.query<AccessFactRow<F>>(
      `SELECT f.id, f.fact, e.display_name, f.recorded_at FROM org.client_access_facts f JOIN ${EMPLOYEES} e ON e.id = f.recorded_by
        WHERE f.client_id = $1 AND f.withdrawn_at IS NULL ORDER BY f.recorded_at`, [clientId]),

    record: async (fact: F): Promise<void> => {
      await tx.query('INSERT INTO org.client_access_facts (client_id, fact, recorded_by) VALUES ($1, $2, $3)', [clientId, fact, scope.actor.employeeId]);
    },

    /** Withdraws a fact in force (the record stays); false when there is none with this id. */
    withdraw: async (factId: string): Promise<boolean> => (await tx.query(
      'UPDATE org.client_access_facts SET withdrawn_at = $3, withdrawn_by = $4 WHERE id = $1 AND client_id = $2 AND withdrawn_at IS NULL RETURNING id',
      [factId, clientId, scope.now, scope.actor.employeeId])).length > 0,
  };
}

/** Care relations strongest first (holder, member, substitute, intern), as SQL for ORDER BY. */
const RELATION_STRENGTH = `CASE relation WHEN 'holder' THEN 0 WHEN 'member' THEN 1 WHEN 'substitute' THEN 2 ELSE 3 END`;

/**
 * A LATERAL subquery giving the employee's care relation with the client on a day (column `relation`; no row
 * without one), for a list query that shows each client's relation to the caller in the same round trip.
 * The arguments are SQL expressions (a column or a `$n` parameter).
 * @example `FROM formal.clients c LEFT JOIN ${careRelationOn('c.id', '$2', '$3')} t ON true`
 */
export function careRelationOn(clientId: string, employeeId: string, day: string): string {
  // The strongest, as the gate decides on (strongestCareRelationOn): a list must not show a relation the gate does not use.
  return `LATERAL (SELECT relation FROM org.care_team t WHERE t.client_id = ${clientId} AND t.employee_id = ${employeeId}
                     AND t.starts_on <= ${day} AND (t.ends_on IS NULL OR t.ends_on >= ${day})
                     ORDER BY ${RELATION_STRENGTH} LIMIT 1)`;
}

/** The registering employee (the scope's actor) joins the new client's care team from `startsOn`, without end. */
export async function joinCareTeamOfNewClient(scope: NewClientScope, clientId: string, relation: CareRelation, startsOn: string): Promise<void> {
  await joinCareTeam(txOf(scope), clientId, scope.actor.employeeId, relation, startsOn);
}

/** Adds the employee to the client's care team from `startsOn`, without end (registration, the demo seed). */
export async function joinCareTeam(tx: Queryable, clientId: string, employeeId: string, relation: CareRelation, startsOn: string): Promise<void> {
  await tx.query('INSERT INTO org.care_team (client_id, employee_id, relation, starts_on) VALUES ($1, $2, $3, $4)', [clientId, employeeId, relation, startsOn]);
}

/**
 * SQL expression: the employee's strongest care relation with the client on a day (holder before member before
 * substitute before intern; NULL without one), for a query that loads it beside the client's own row in the same
 * round trip — the access path's facts. The arguments are SQL expressions (a column or a `$n` parameter).
 * @example `SELECT c.id, ${strongestCareRelationOn('c.id', '$2', '$3')} AS relation FROM …`
 */
export function strongestCareRelationOn(clientId: string, employeeId: string, day: string): string {
  return `(SELECT relation FROM org.care_team t
              WHERE t.employee_id = ${employeeId} AND t.client_id = ${clientId} AND t.starts_on <= ${day} AND (t.ends_on IS NULL OR t.ends_on >= ${day})
              ORDER BY ${RELATION_STRENGTH}
              LIMIT 1)`;
}

/**
 * SQL expression: the client's dossier holder in the care team on a day (the latest to start; NULL without one):
 * the responsible user an intern works under. The arguments are SQL expressions.
 */
export function careTeamHolderOn(clientId: string, day: string): string {
  return `(SELECT t.employee_id FROM org.care_team t
              WHERE t.client_id = ${clientId} AND t.relation = 'holder' AND t.starts_on <= ${day} AND (t.ends_on IS NULL OR t.ends_on >= ${day})
              ORDER BY t.starts_on DESC, t.employee_id LIMIT 1)`;
}

/**
 * SQL expression: the client's dossier holder as of a day — the holder in the care team on that day, or, when no
 * holder membership runs on that day (one ended without a successor, or care starting later), the last holder who
 * started before it; NULL without any. For whoever must name a responsible holder (the dossier's overview, the
 * responsible author of a portal user's message): derived from the dated memberships, so a hand-over dated later
 * counts from its day without anything being written on that day.
 */
export function careTeamHolderAsOf(clientId: string, day: string): string {
  return `(SELECT t.employee_id FROM org.care_team t
              WHERE t.client_id = ${clientId} AND t.relation = 'holder' AND t.starts_on <= ${day}
              ORDER BY (t.ends_on IS NULL OR t.ends_on >= ${day}) DESC, t.starts_on DESC, t.ends_on DESC NULLS FIRST, t.employee_id LIMIT 1)`;
}

/**
 * The facts recorded on clients that the rules read (e.g. `client-objects-to-interns`) and that are in force
 * (not withdrawn), as other modules may join them: `client_id`, `fact`. A subquery in FROM, pulled up by
 * PostgreSQL: one round trip, the same plan.
 * @example `ARRAY(SELECT DISTINCT f.fact FROM ${ACCESS_FACTS_IN_FORCE} f WHERE f.client_id = c.id)`
 */
export const ACCESS_FACTS_IN_FORCE = '(SELECT client_id, fact FROM org.client_access_facts WHERE withdrawn_at IS NULL)';

/**
 * Whether the employee, active in the organisation, is the client's holder, member or substitute on `day` (an
 * intern is none of these): who may be named as the responsible user.
 */
export async function isCareProfessionalOn(tx: Queryable, organisationId: string, clientId: string, employeeId: string, day: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM org.care_team t JOIN ${EMPLOYEES} e ON e.id = t.employee_id
      WHERE t.client_id = $1 AND t.employee_id = $2 AND e.organisation_id = $3 AND e.active
        AND t.relation IN ('holder', 'member', 'substitute') AND t.starts_on <= $4 AND (t.ends_on IS NULL OR t.ends_on >= $4)
      LIMIT 1`, [clientId, employeeId, organisationId, day]);
  return rows.length > 0;
}
