/**
 * Vitest global setup: builds the migrated template (template-database.ts) once, before any test file starts,
 * so that no test file spends its hook timeout on the build on a loaded machine. Test files still check the
 * key themselves and build a new template when a migration changed during the run.
 */
import { testTemplate, templateEnabled } from './template-database.js';

export default async function setup(): Promise<void> {
  if (templateEnabled()) await testTemplate(process.env.DATABASE_URL);
}
