/**
 * `dossierwijzer <command> --help` prints the command's usage and changes nothing (issue 17's runbook, left at its
 * end: `start --help` started a server, `migrate --help` migrated, `seed-demo --help` seeded the demo organisation).
 * The commands without options refuse any other argument with their usage (exit 2) instead of ignoring it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { unusedPort } from '../test-support/network.js';
import { runCli } from '../test-support/run-cli.js';

let dataDir: string;
let port: number;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dw-help-'));
  port = await unusedPort();
  // Where each command would work if it ran: an embedded database in an empty folder, a free port.
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('DW_DATA_DIR', dataDir);
  vi.stubEnv('DW_MASTER_KEY', randomBytes(32).toString('base64'));
  vi.stubEnv('HOST', '127.0.0.1');
  vi.stubEnv('PORT', String(port));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

/** The command's answer, or 'still running' when it has not answered within `ms` (a server that started). */
async function answerOf(args: string[], ms = 20_000): Promise<Awaited<ReturnType<typeof runCli>> | 'still running'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>((resolve) => {
    timer = setTimeout(() => resolve('still running'), ms);
  });
  try {
    return await Promise.race([runCli(args), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether something listens on the port. */
function listening(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

describe('--help', () => {
  for (const command of ['start', 'migrate', 'seed-demo']) {
    for (const flag of ['--help', '-h']) {
      it(`${command} ${flag} prints the usage and exits 0, without a database or a server`, async () => {
        const answer = await answerOf([command, flag]);
        expect(answer, `${command} ${flag} did not answer: it started working`).not.toBe('still running');
        if (answer === 'still running') return;
        expect(answer.code).toBe(0);
        expect(answer.out).toMatch(new RegExp(`^Usage: dossierwijzer ${command}\\n`));
        expect(answer.out).toContain('Exit status');
        expect(answer.err).toBe('');
        expect(await readdir(dataDir), 'nothing was written to the data folder').toEqual([]);
        expect(await listening()).toBe(false);
      }, 60_000);
    }

    it(`${command} refuses an argument it does not take, with the usage (exit 2)`, async () => {
      const answer = await answerOf([command, '--port', '8080']);
      expect(answer).not.toBe('still running');
      if (answer === 'still running') return;
      expect(answer.code).toBe(2);
      expect(answer.err).toContain('This command takes no arguments, got: --port 8080');
      expect(answer.err).toContain(`Usage: dossierwijzer ${command}`);
      expect(await readdir(dataDir)).toEqual([]);
    }, 60_000);
  }

  it('setup-organisation --help prints its usage on stdout and exits 0', async () => {
    const answer = await runCli(['setup-organisation', '--help']);
    expect(answer).toMatchObject({ code: 0, err: '' });
    expect(answer.out).toMatch(/^Usage: dossierwijzer setup-organisation --by/);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('every command answers --help with its usage and exit 0', async () => {
    const help = (await runCli(['help'])).out;
    const commands = [...help.matchAll(/^ {2}([a-z][a-z-]*) /gm)].map((m) => m[1]!);
    expect(commands).toContain('start');
    for (const command of commands) {
      const answer = await answerOf([command, '--help']);
      expect(answer, command).not.toBe('still running');
      if (answer === 'still running') return;
      expect(answer.code, `${command} --help: ${answer.err}`).toBe(0);
      expect(answer.out, command).toMatch(/Usage: dossierwijzer/);
    }
    expect(await readdir(dataDir)).toEqual([]);
  }, 120_000);
});
