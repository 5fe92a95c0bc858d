/**
 * The PostgreSQL adapter names its parameterised statements (planned once per
 * connection). A migration that adds a column under a running server makes
 * such a statement stale; the adapter must recover instead of failing every
 * later query on that text.
 */
import { describe, expect, it } from 'vitest';
import { openPostgres } from './postgres-database.js';
import { createScratchDatabase } from './scratch-database.js';

describe.runIf(process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '')('named statements on PostgreSQL', () => {
  it('survive a column added under them: the query is prepared again, outside and inside a transaction', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'dw_prepared', 1);
    const owner = openPostgres(scratch.url!, { maxConnections: 1 });
    try {
      await owner.exec('CREATE TABLE org.prepared_probe (a int); INSERT INTO org.prepared_probe VALUES (1); GRANT SELECT ON org.prepared_probe TO dossierwijzer_app');
      const select = 'SELECT * FROM org.prepared_probe WHERE a = $1';
      expect(await scratch.db.query(select, [1])).toEqual([{ a: 1 }]);
      await owner.exec('ALTER TABLE org.prepared_probe ADD COLUMN b int DEFAULT 2');
      // Outside a transaction: retried at once under a new name.
      expect(await scratch.db.query(select, [1])).toEqual([{ a: 1, b: 2 }]);

      await owner.exec('ALTER TABLE org.prepared_probe ADD COLUMN c int DEFAULT 3');
      // Inside one: that transaction fails (it is aborted), the next one works.
      await expect(scratch.db.transaction((tx) => tx.query(select, [1]))).rejects.toMatchObject({ code: '0A000' });
      expect(await scratch.db.transaction((tx) => tx.query(select, [1]))).toEqual([{ a: 1, b: 2, c: 3 }]);
    } finally {
      await owner.close();
      await scratch.drop();
    }
  });
});
