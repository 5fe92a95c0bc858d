/**
 * The lock on an embedded database's folder (data-dir-lock.ts): one process at a time, a holder that died (kill -9,
 * a reboot, a pid reused) recognised as gone, one on another host as gone once it stops refreshing the file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUseError, dataDirLockFile, LOCK_STALE_MS, lockDataDir, staleReason, withDataDirLock, type LockHolder } from './data-dir-lock.js';
import { openPglite } from './pglite-database.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'dw-lock-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function ours(): Promise<LockHolder> {
  const dir = path.join(root, `probe-${Math.random()}`);
  const lock = await lockDataDir(dir);
  const holder = JSON.parse(await readFile(lock.file, 'utf8')) as LockHolder;
  await lock.release();
  return holder;
}

/** The pid of a process that has ended (ours to know: we waited for it). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the data-folder lock', () => {
  it('a second holder is refused while the first holds it, naming the first; free again after release', async () => {
    const dir = path.join(root, 'one');
    const first = await lockDataDir(dir, { command: 'dossierwijzer start' });
    expect(first.file).toBe(`${path.resolve(dir)}.lock`);
    const refused = await lockDataDir(dir).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataDirInUseError);
    expect((refused as DataDirInUseError).message).toMatch(new RegExp(`in use by process ${process.pid} \\(dossierwijzer start, since `));
    await first.release();
    expect(existsSync(first.file)).toBe(false);
    const second = await lockDataDir(dir);
    await second.release();
  });

  it('PGlite handles on one folder: the second open is refused before PGlite touches the folder; withDataDirLock lets its own work open it', async () => {
    const dir = path.join(root, 'pglite');
    const db = await openPglite(dir);
    try {
      await db.exec('CREATE TABLE t (n int); INSERT INTO t VALUES (1)');
      await expect(openPglite(dir)).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(withDataDirLock(dir, () => Promise.resolve())).rejects.toBeInstanceOf(DataDirInUseError);
    } finally {
      await db.close();
    }
    const rows = await withDataDirLock(dir, async () => {
      const inner = await openPglite(dir); // held by this work already: no second lock
      try {
        return await inner.query<{ n: number }>('SELECT n FROM t');
      } finally {
        await inner.close();
      }
    });
    expect(rows).toEqual([{ n: 1 }]);
    expect(existsSync(dataDirLockFile(dir))).toBe(false);
  }, 60_000);

  it('a lock left by a process that is gone (kill -9) is taken over, saying whose it was', async () => {
    const dir = path.join(root, 'dead');
    const holder: LockHolder = { ...(await ours()), pid: deadPid(), command: 'dossierwijzer start' };
    await writeFile(dataDirLockFile(dir), JSON.stringify(holder));
    const heard: string[] = [];
    const lock = await lockDataDir(dir, { onTakeover: (h, reason) => heard.push(`${h.pid}: ${reason}`) });
    expect(heard).toEqual([`${holder.pid}: process ${holder.pid} is gone`]);
    expect(JSON.parse(await readFile(lock.file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('stale: a pid reused by another process, another boot; held: a live process', async () => {
    const me = await ours();
    expect(staleReason(me, 0)).toBeUndefined();
    if (me.processStart !== null) expect(staleReason({ ...me, processStart: '1' }, 0)).toMatch(/reused/);
    if (me.bootId !== null) expect(staleReason({ ...me, bootId: 'another-boot' }, 0)).toBe('the machine was restarted since');
  });

  it('a lock from another host holds while it is refreshed and is stale once it is not', async () => {
    const dir = path.join(root, 'other-host');
    const holder: LockHolder = { ...(await ours()), host: 'another-host.example', pid: 1 };
    const file = dataDirLockFile(dir);
    await writeFile(file, JSON.stringify(holder));
    await expect(lockDataDir(dir)).rejects.toThrow(/in use by process 1 on host another-host\.example/);
    const old = new Date(Date.now() - LOCK_STALE_MS - 5_000);
    await utimes(file, old, old);
    const lock = await lockDataDir(dir);
    await lock.release();
  });
});
