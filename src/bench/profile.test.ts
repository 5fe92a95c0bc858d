import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { profiled, selfTimeLines } from './profile.js';

/** Busy on purpose, under a name the summary must show (its own arithmetic, not the clock it asks now and then). */
function spinForProfile(ms: number): number {
  const until = performance.now() + ms;
  let x = 0;
  while (performance.now() < until) {
    for (let i = 0; i < 10_000; i++) x += Math.sqrt(x + i);
  }
  return x;
}

describe('the bench CPU profile (BENCH_PROFILE)', () => {
  it('writes the profile and names the function that took the time among the top self times', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dw-profile-'));
    try {
      const { value, top, file } = await profiled(dir, 'spin', () => Promise.resolve(spinForProfile(300)));
      expect(value).toBeGreaterThan(0);
      expect(file).toBe(path.join(dir, 'spin.cpuprofile'));
      const written = JSON.parse(await readFile(file!, 'utf8')) as { nodes: unknown[] };
      expect(written.nodes.length).toBeGreaterThan(0);
      expect(top).not.toBeNull();
      // The busiest of the functions (V8's own entries — idle, GC, program — aside), whatever else the machine runs.
      expect(top!.find((t) => !t.where.startsWith('('))?.where).toMatch(/^spinForProfile /);
      expect(selfTimeLines(top!)).toMatch(/%\s+spinForProfile \(src\/bench\/profile\.test\.ts:\d+\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('without a directory only runs the work', async () => {
    expect(await profiled(undefined, 'none', () => Promise.resolve(7))).toEqual({ value: 7, top: null, file: null });
  });

  it('stops the profiler and passes the work\'s failure on', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dw-profile-'));
    try {
      await expect(profiled(dir, 'fails', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      // A second profile can start: the first was stopped.
      expect((await profiled(dir, 'again', () => Promise.resolve(spinForProfile(20)))).top).not.toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
