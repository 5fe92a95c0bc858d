/**
 * Every scenario file in `conformance/` and the shared public scenarios
 * (`../shared/conformance/public.json`, `public-v2.json`) must pass against
 * the rules engine; `npm test` runs them all.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, scenarioFilesIn } from './load.js';
import { runScenario } from './run.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ownDir = path.join(repoRoot, 'conformance');
const sharedFiles = ['public.json', 'public-v2.json'].map((name) => path.resolve(repoRoot, '..', 'shared', 'conformance', name));

const ownFiles = await scenarioFilesIn(ownDir);

describe('own conformance scenarios', () => {
  it('exist (at least 210), all in format 2', async () => {
    let count = 0;
    for (const file of ownFiles) {
      const parsed = await loadScenarioFile(file);
      expect(parsed.format).toBe('dossierwijzer-conformance/2');
      count += parsed.scenarios.length;
    }
    expect(count).toBeGreaterThanOrEqual(210);
  });

  for (const file of ownFiles) {
    describe(path.basename(file), async () => {
      const parsed = await loadScenarioFile(file);
      it.each(parsed.scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
        expect(runScenario(scenario).line).toBe(`PASS ${scenario.id}`);
      });
    });
  }
});

for (const sharedFile of sharedFiles) {
  describe.skipIf(!existsSync(sharedFile))(`shared public scenarios ${path.basename(sharedFile)}`, async () => {
    const parsed = existsSync(sharedFile) ? await loadScenarioFile(sharedFile) : { scenarios: [] };
    it.each(parsed.scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
      expect(runScenario(scenario).line).toBe(`PASS ${scenario.id}`);
    });
  });
}
