/**
 * A throwaway PostgreSQL cluster for crash tests that need a cluster of their own (restore-fresh-cluster.crash.ts):
 * `initdb` into a temporary folder, started on a free port on 127.0.0.1, stopped and deleted by `remove()`.
 *
 * Runs the server binaries of the shared server's major version (/usr/lib/postgresql/<major>/bin, else the newest
 * there) as the `postgres` operating-system user when the test runs as root (initdb refuses root). The superuser
 * `postgres` connects only through the cluster's socket folder (trust); TCP connections need a password
 * (scram-sha-256), as on an installed server.
 */
import { spawnSync } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ThrowawayCluster {
  port: number;
  /** The folder holding the cluster's socket (the superuser's way in). */
  socketDir: string;
  /** Runs SQL as the superuser through psql (ON_ERROR_STOP); returns its output; throws with psql's error. */
  superuser(sql: string, database?: string): string;
  /** A URL to `database` on 127.0.0.1 for `role` with `password`. */
  url(role: string, password: string, database: string): string;
  /** Stops the cluster (immediately) and deletes its folder. */
  remove(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The binaries folder for PostgreSQL `major`, else the newest installed. */
async function binaries(major: number | undefined): Promise<string> {
  const versions = (await readdir('/usr/lib/postgresql')).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  const chosen = versions.find((v) => Number(v) === major) ?? versions[0];
  if (chosen === undefined) throw new Error('no PostgreSQL server binaries in /usr/lib/postgresql/*/bin');
  return path.join('/usr/lib/postgresql', chosen, 'bin');
}

/** Creates and starts a cluster of PostgreSQL `major` (the shared server's, so that its pg_dump archives restore). */
export async function startThrowawayCluster(major?: number): Promise<ThrowawayCluster> {
  const bin = await binaries(major);
  const root = await mkdtemp(path.join(os.tmpdir(), 'dw-cluster-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: readonly string[]) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    const result = spawnSync(file, argv, { encoding: 'utf8', cwd: root });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
    return result.stdout;
  };
  if (asRoot) {
    const { uid, gid } = idsOf('postgres');
    await chown(root, uid, gid);
  }
  const data = path.join(root, 'data');
  const port = await freePort();
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C.UTF-8']);
  run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(root, 'server.log'), '-w', '-t', '60', 'start',
    '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`]);
  let stopped = false;
  return {
    port,
    socketDir: root,
    superuser(sql, database = 'postgres') {
      const result = spawnSync(path.join(bin, 'psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', root, '-p', String(port), '-U', 'postgres', '-d', database, '-c', sql],
        { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`psql: ${result.stderr}`);
      return result.stdout;
    },
    url(role, password, database) {
      return `postgres://${role}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    },
    async remove() {
      if (!stopped) {
        stopped = true;
        try {
          run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // not running (a failed start): delete it all the same
        }
      }
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The uid and gid of an operating-system user, by `id`. */
function idsOf(user: string): { uid: number; gid: number } {
  const uid = Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error(`no operating-system user ${user}`);
  return { uid, gid };
}
