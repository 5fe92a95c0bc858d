/**
 * The representation module's store of `org.start_agreements` (issue 14: one
 * owner per table): the agreements made at the start of care with a client of
 * 12–15 about what the parents receive (003 §2.3.5, §3.1). Work on a client
 * reaches them through {@link agreementsOf}, bound to the gate's scope; the
 * rules engine reads the current ones as facts.
 */
import { employeeIdOf, type ClientBoundScope } from '../access/gate-scope.js';
import { txOf } from '../db/scope-tx.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import { Fact } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';

// The vocabulary of the table's `agreement`; representation-service.ts re-exports it for the services.
export const StartAgreement = { noConversationReportsToParents: 'no-conversation-reports-to-parents' } as const;
export type StartAgreement = (typeof StartAgreement)[keyof typeof StartAgreement];

const agreementFact: Record<StartAgreement, Fact> = {
  'no-conversation-reports-to-parents': Fact.agreedNoConversationReportsToParents,
};

/** An agreement as stored, with who recorded it by name. */
export interface AgreementRow { id: string; agreement: StartAgreement; agreed_on: string; ended_on: string | null; display_name: string }

/**
 * The start-of-care agreements of the scope's client: recorded and ended by the scope's actor, ended on the
 * scope's day.
 * @example const facts = await agreementsOf(scope).facts();
 */
export function agreementsOf(scope: ClientBoundScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** Every agreement, past ones included, by the day it was made. */
    list: (): Promise<AgreementRow[]> => tx.query<AgreementRow>(
      `SELECT a.id, a.agreement, a.agreed_on, a.ended_on, e.display_name FROM org.start_agreements a JOIN ${EMPLOYEES} e ON e.id = a.recorded_by
        WHERE a.client_id = $1 ORDER BY a.agreed_on`, [clientId]),

    /** Records an agreement; its id. */
    add: async (agreement: StartAgreement, agreedOn: string): Promise<string> => (await tx.query<{ id: string }>(
      'INSERT INTO org.start_agreements (client_id, agreement, agreed_on, recorded_by) VALUES ($1, $2, $3, $4) RETURNING id',
      [clientId, agreement, agreedOn, employeeIdOf(scope)]))[0]!.id,

    /** Ends a current agreement today; false when there is none with this id. */
    end: async (agreementId: string): Promise<boolean> => (await tx.query(
      'UPDATE org.start_agreements SET ended_on = $3, ended_by = $4 WHERE id = $1 AND client_id = $2 AND ended_on IS NULL RETURNING id',
      [agreementId, clientId, calendarDate(scope.now), employeeIdOf(scope)])).length > 0,

    /** The current agreements as the engine's facts. */
    facts: async (): Promise<Fact[]> => (await tx.query<{ agreement: StartAgreement }>(
      'SELECT DISTINCT agreement FROM org.start_agreements WHERE client_id = $1 AND ended_on IS NULL', [clientId])).map((r) => agreementFact[r.agreement]),
  };
}
