/**
 * Every scenario file in `conformance/` and the shared public scenarios
 * (`../shared/conformance/public.json`) must pass against the rules engine.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, scenarioFilesIn } from './load.js';
import { runScenario } from './run.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ownDir = path.join(repoRoot, 'conformance');
const sharedFile = path.resolve(repoRoot, '..', 'shared', 'conformance', 'public.json');

const ownFiles = await scenarioFilesIn(ownDir);

describe('own conformance scenarios', () => {
  it('exist (at least 80)', async () => {
    let count = 0;
    for (const file of ownFiles) count += (await loadScenarioFile(file)).scenarios.length;
    expect(count).toBeGreaterThanOrEqual(80);
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

describe.skipIf(!existsSync(sharedFile))('shared public scenarios', async () => {
  const parsed = existsSync(sharedFile) ? await loadScenarioFile(sharedFile) : { scenarios: [] };
  it.each(parsed.scenarios.map((s) => [s.id, s] as const))('%s', (_id, scenario) => {
    expect(runScenario(scenario).line).toBe(`PASS ${scenario.id}`);
  });
});
