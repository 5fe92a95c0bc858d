/**
 * The gate's handler for a download by its token and code (gate.ts): the
 * requester has no session, so the work finds the link and says whether it
 * handed the document over; the gate logs the attempt for the client whatever
 * the outcome, with the employee who prepared the link as the responsible
 * user (NEN 7513), in the work's transaction — so a refused attempt, counted
 * towards the link's lock, is logged with its count.
 */
import { SCOPE_TX } from '../db/scope-tx.js';
import type { Database } from '../db/database.js';
import { Citation } from '../rules/index.js';
import type { AccessLogRow } from './access-log.js';
import { AccessBasis, AccessOutcome, rowOf, writeInWork } from './gate-log.js';
import type { DownloadScope, PublicContext } from './gate-scope.js';

export function enterDownload<T>(db: Database, ctx: PublicContext, work: (scope: DownloadScope) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const rows: AccessLogRow[] = [];
    const value = await work({
      [SCOPE_TX]: tx, now: ctx.now,
      attempted: (link, allowed) => {
        rows.push(rowOf({ kind: 'public', ctx, organisationId: link.organisationId, employeeId: null, employeeRole: 'requester' }, {
          clientId: link.clientId, action: 'download-copy', part: 'dossier', actingForId: link.preparedBy,
          outcome: allowed ? AccessOutcome.allowed : AccessOutcome.denied,
          decision: { basis: AccessBasis.legalDuty, citations: [Citation.jeugdwet_7_3_10, Citation.avg_15] },
        }));
      },
    });
    await writeInWork(tx, rows);
    return value;
  });
}
