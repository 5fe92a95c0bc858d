/**
 * Group commit for the log rows of reads. Every log row takes the log-wide
 * chain lock (migrations/0003) until its transaction commits, so one commit
 * per read makes all reads queue on that lock and on a disk flush each.
 * Reads change nothing, so their rows need not share a transaction with
 * anything: while one batch commits, the rows of the reads that arrive queue
 * up and go into the next batch — one lock, one INSERT and one flush for
 * many reads. Each read still answers only after its own row is committed;
 * if the write fails, that read fails (no unlogged access).
 *
 * A batch is one INSERT statement outside any BEGIN/COMMIT (issue 18): a
 * single statement is its own transaction, so PostgreSQL commits it — and,
 * with synchronous_commit on, flushes it — before it answers; its rows are
 * in the log, under the chain lock its trigger takes, or none is. One round
 * trip for the batch instead of three (BEGIN, INSERT, COMMIT).
 *
 * Changes never come here: their log row is written in the change's own
 * transaction (gate-log.ts).
 */
import type { Database } from '../db/database.js';
import type { AccessLogRow } from './access-log.js';
import { appendAccessLog } from './access-log-store.js';

interface Waiting {
  rows: readonly AccessLogRow[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Rows per INSERT: 15 parameters a row stays well below PostgreSQL's 65,535. */
const MAX_ROWS_PER_BATCH = 500;

class GroupCommit {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(private readonly db: Database) {}

  append(rows: readonly AccessLogRow[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.takeBatch();
        try {
          const rows = batch.flatMap((w) => w.rows);
          await appendAccessLog(this.db, rows);
          observers.get(this.db)?.(rows.length);
          for (const w of batch) w.resolve();
        } catch {
          // Do not let one request's bad row fail the others: write each on its own.
          for (const w of batch) {
            try {
              await appendAccessLog(this.db, w.rows);
              w.resolve();
            } catch (error) {
              w.reject(error);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private takeBatch(): Waiting[] {
    let rows = 0;
    let count = 0;
    while (count < this.waiting.length && (count === 0 || rows + this.waiting[count]!.rows.length <= MAX_ROWS_PER_BATCH)) {
      rows += this.waiting[count]!.rows.length;
      count += 1;
    }
    return this.waiting.splice(0, count);
  }
}

const perDatabase = new WeakMap<Database, GroupCommit>();
const observers = new WeakMap<Database, (rows: number) => void>();

/** Tells `observer` the number of rows in each batch committed together for `db` (the server's metrics, http/metrics.ts). */
export function observeGroupCommit(db: Database, observer: (rows: number) => void): void {
  observers.set(db, observer);
}

/** Appends the log rows of a read, group-committed with other reads; resolves once they are committed. */
export function appendReadLog(db: Database, rows: readonly AccessLogRow[]): Promise<void> {
  let group = perDatabase.get(db);
  if (group === undefined) {
    group = new GroupCommit(db);
    perDatabase.set(db, group);
  }
  return group.append(rows);
}
