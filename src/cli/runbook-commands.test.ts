/**
 * docs/operations.md cannot drift from the CLI (issue 17, "the runbook's commands work as written"): every
 * `dossierwijzer <command> --option` it names is a command of `dossierwijzer help` whose usage names that option, and
 * every DW_ setting it names is read by the code. Cheap: no database, only the commands' usage texts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { sourceFiles } from '../test-support/source-files.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Commands that take no options at all (their --help says so and they refuse any; help-commands.test.ts): named only. */
const WITHOUT_OPTIONS = new Set(['start', 'migrate', 'seed-demo']);

/** Each `dossierwijzer <command> …` in `text` with the options written after it on the same line (up to a closing backtick). */
function commandsIn(text: string): { command: string; options: string[]; line: string }[] {
  const found: { command: string; options: string[]; line: string }[] = [];
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(/(?<![/\w@:.-])dossierwijzer ([a-z][a-z-]*)([^`\n]*)/g)) {
      const command = match[1]!;
      // Not commands: `…@dbhost/dossierwijzer` (a database name), `dossierwijzer OWNER …` (SQL), `dossierwijzer restore marker v1` (a label).
      if (!/^[a-z]/.test(command) || /\bmarker v1\b/.test(match[0])) continue;
      const options = [...match[2]!.matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)].map((m) => m[1]!);
      found.push({ command, options, line: line.trim() });
    }
  }
  return found;
}

describe('docs/operations.md and the CLI', () => {
  it('reads the commands as written', () => {
    expect(commandsIn('run `npx dossierwijzer restored --backup-time T --by "J. Jansen"` then `dossierwijzer verify-log`')).toEqual([
      { command: 'restored', options: ['--backup-time', '--by'], line: expect.any(String) },
      { command: 'verify-log', options: [], line: expect.any(String) },
    ]);
  });

  it('every command it names exists, and every option it gives one is in that command\'s usage', async () => {
    const runbook = await readFile(path.join(ROOT, 'docs/operations.md'), 'utf8');
    const help = (await runCli(['help'])).out;
    const mentions = commandsIn(runbook).filter((m) => m.command !== 'restore' || !/restore marker/.test(m.line));
    expect(mentions.length).toBeGreaterThan(20);
    const problems: string[] = [];
    const usages = new Map<string, string>();
    for (const { command, options, line } of mentions) {
      if (!new RegExp(`^ {2}${command} `, 'm').test(help)) {
        problems.push(`"${command}" is not a dossierwijzer command: ${line}`);
        continue;
      }
      if (options.length === 0) continue;
      if (WITHOUT_OPTIONS.has(command)) {
        problems.push(`"${command}" takes no options (${options.join(' ')}): ${line}`);
        continue;
      }
      if (!usages.has(command)) {
        const asked = await runCli([command, '--help']);
        usages.set(command, asked.out + asked.err);
      }
      for (const option of options) {
        if (!new RegExp(`${option}(?![a-z-])`).test(usages.get(command)!)) problems.push(`${command} has no option ${option}: ${line}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every DW_ setting it names is read by the code', async () => {
    const runbook = await readFile(path.join(ROOT, 'docs/operations.md'), 'utf8');
    const named = [...new Set(runbook.match(/\bDW_[A-Z0-9_]+\b/g) ?? [])];
    let code = '';
    for (const file of await sourceFiles(path.join(ROOT, 'src'))) code += await readFile(file, 'utf8');
    expect(named.filter((name) => !new RegExp(`\\b${name}\\b`).test(code))).toEqual([]);
  });
});
