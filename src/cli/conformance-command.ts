/**
 * `dossierwijzer conformance FILE... [--json]`: runs legal conformance
 * scenario files of format 1 or 2 against the rules engine
 * (shared/conformance/README.md, README-v2.md). Every file is validated
 * before any scenario runs. Exit 0 when every scenario passed, 1 when some
 * failed, 2 for bad usage or an invalid file — then stderr holds the one line
 * `FILE: scenario "ID" (#N), field "FIELD": PROBLEM`, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { loadScenarioFile } from '../conformance/load.js';
import { ScenarioFileError } from '../conformance/parse.js';
import { runFiles, summaryLine, toJsonReport } from '../conformance/run.js';
import type { ScenarioFile } from '../conformance/scenario.js';
import type { Command } from './command.js';

const usage = 'Usage: dossierwijzer conformance FILE... [--json]\n\n'
  + 'Runs scenario files of format dossierwijzer-conformance/1 or /2 and prints PASS/FAIL per scenario,\n'
  + 'then "N passed, N failed". --json prints the engine\'s full answers as one JSON document.\n'
  + 'Exit status: 0 all passed, 1 some failed, 2 bad usage or invalid file.\n';

export const conformanceCommand: Command = async (args) => {
  let values: { json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(usage);
    return 0;
  }
  if (positionals.length === 0) {
    process.stderr.write(`No scenario file given.\n\n${usage}`);
    return 2;
  }
  const files: ScenarioFile[] = [];
  for (const file of positionals) {
    try {
      files.push(await loadScenarioFile(file));
    } catch (error) {
      if (error instanceof ScenarioFileError) {
        process.stderr.write(`${error.message}\n`);
        return 2;
      }
      throw error;
    }
  }
  let summary: ReturnType<typeof runFiles>;
  try {
    summary = runFiles(files);
  } catch (error) {
    process.stderr.write(`The rules engine failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (values.json === true) {
    process.stdout.write(`${JSON.stringify(toJsonReport(summary), null, 2)}\n`);
  } else {
    const lines = summary.files.flatMap((f) => f.results.map((r) => r.line));
    process.stdout.write(`${[...lines, summaryLine(summary)].join('\n')}\n`);
  }
  return summary.failed === 0 ? 0 : 1;
};
