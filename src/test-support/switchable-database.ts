/**
 * Two databases behind one, for outage tests: `first` answers until `switchOver()`, then `second` —
 * the test database then a pool at a closed port (the database goes down), or the reverse (it comes back).
 */
import { withAdvisoryLock, type Database } from '../db/database.js';

export function switchableDatabase(first: Database, second: Database): { db: Database; switchOver: () => void } {
  let switched = false;
  const current = () => (switched ? second : first);
  return {
    db: {
      kind: first.kind,
      query: (text, params) => current().query(text, params),
      transaction: (work) => current().transaction(work),
      exec: (script) => current().exec(script),
      close: () => Promise.resolve(),
      withSessionLock: (key, work) => withAdvisoryLock(current(), key, work),
      ...(first.poolStatus === undefined ? {} : { poolStatus: () => current().poolStatus!() }),
    },
    switchOver: () => { switched = true; },
  };
}
