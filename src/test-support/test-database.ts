/**
 * A fresh, migrated database per test file: in-memory PGlite by default, and a
 * uniquely named database on the PostgreSQL server when DATABASE_URL is set
 * (created here, dropped in `drop()`). Tests never depend on leftovers.
 */
import { createScratchDatabase, type ScratchDatabase } from '../db/scratch-database.js';

export type TestDatabase = ScratchDatabase;

export function createTestDatabase(): Promise<TestDatabase> {
  return createScratchDatabase(process.env.DATABASE_URL, 'dw_test');
}
