/**
 * Reading scenario files from disk: the only I/O of the conformance runner.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseScenarioFile, ScenarioFileError } from './parse.js';
import type { ScenarioFile } from './scenario.js';

/**
 * Reads and validates one file.
 * @throws ScenarioFileError also when the file cannot be read.
 */
export async function loadScenarioFile(file: string): Promise<ScenarioFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
    throw new ScenarioFileError(file, '', `cannot read the file (${code})`);
  }
  return parseScenarioFile(text, file);
}

/** The `.json` files directly inside `dir`, sorted. */
export async function scenarioFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => path.join(dir, e.name)).sort();
}
