/**
 * The gate's handler for an enrolment link being completed (gate.ts): no
 * session yet — the link is the proof of who is enrolling — so the context is
 * public, and nothing is decided up front (the link was checked before). The
 * work sets the employee's own password and second factor in one transaction,
 * names who completed it through `completed`, and the gate writes the
 * administration row last in that transaction (NEN 7510-2 A.9.2.4, A.9.4.2):
 * the employee themselves, with the address, so a link used by someone else
 * shows in the hash-chained log.
 */
import type { Database } from '../db/database.js';
import { SCOPE_TX } from '../db/scope-tx.js';
import { AdministrationAct } from '../organisation/administration-acts.js';
import { Citation } from '../rules/citations.js';
import { logAdministration } from './gate-administration.js';
import type { Enrolled, EnrolmentScope, PublicContext } from './gate-scope.js';

export type { Enrolled, EnrolmentScope } from './gate-scope.js';

/** The enrolment subject: the work and its one administration row share a transaction. */
export function enterEnrolment<T>(db: Database, ctx: PublicContext, work: (scope: EnrolmentScope) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    let who: Enrolled | undefined;
    const value = await work({
      [SCOPE_TX]: tx, now: ctx.now,
      completed: (enrolled) => {
        who = enrolled;
      },
    });
    if (who === undefined) throw new Error('enrolment work named no one who completed it');
    await logAdministration(tx, { kind: 'enrolment', ...who, route: ctx.route, address: ctx.address },
      AdministrationAct.completeEnrolment, { employee: who.employeeId }, { citations: [Citation.nen_7510_2_a_9_2_4, Citation.nen_7510_2_a_9_4_2] });
    return value;
  });
}
