import { describe, expect, it } from 'vitest';
import { progressLine, withProgressLine } from './progress-line.js';

/** A stream that keeps what is written, as a terminal (isTTY) or a pipe would receive it. */
function fakeStream(isTTY: boolean, columns?: number) {
  const chunks: string[] = [];
  return { isTTY, columns, chunks, write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

/** A clock the test moves by hand. */
function fakeClock() {
  let ms = 0;
  return { now: () => ms, set: (to: number) => { ms = to; } };
}

describe('progressLine', () => {
  it('not on a terminal: 10,000 updates over 12 seconds give a few whole lines, never a carriage return', () => {
    const stream = fakeStream(false);
    const clock = fakeClock();
    const progress = progressLine({ stream, now: clock.now });
    for (let i = 1; i <= 10_000; i += 1) {
      clock.set(i * 1.2);
      progress.update(`rows: ${i}`);
    }
    progress.done();
    const lines = stream.text().split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(4);
    expect(stream.text()).not.toContain('\r');
    expect(stream.text()).not.toContain('\x1b');
    // The first at once, one every 5 s, and the last state at the end.
    expect(lines[0]).toBe('rows: 1');
    expect(lines.at(-1)).toBe('rows: 10000');
    expect(stream.text().endsWith('\n')).toBe(true);
  });

  it('not on a terminal: done() adds nothing when the last state was written already', () => {
    const stream = fakeStream(false);
    const clock = fakeClock();
    const progress = progressLine({ stream, now: clock.now, everySeconds: 2 });
    progress.update('a');
    clock.set(2500);
    progress.update('b');
    progress.done();
    expect(stream.chunks).toEqual(['a\n', 'b\n']);
  });

  it('on a terminal: redraws one line in place at most ~10 times a second and ends it with a newline', () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    const progress = progressLine({ stream, now: clock.now });
    for (let i = 1; i <= 10_000; i += 1) {
      clock.set(i * 1.2);
      progress.update(`rows: ${i}`);
    }
    progress.done();
    // 12 s at 10 redraws/s: about 120 redraws, not 10,000.
    expect(stream.chunks.length).toBeGreaterThan(100);
    expect(stream.chunks.length).toBeLessThanOrEqual(125);
    for (const chunk of stream.chunks) {
      expect(chunk.startsWith('\r')).toBe(true);
      expect(chunk).toContain('\x1b[K');
    }
    expect(stream.chunks.at(-1)).toBe('\rrows: 10000\x1b[K\n');
    expect(stream.text().split('\n')).toEqual([expect.any(String), '']);
  });

  it('on a terminal: a line cut to the width, and a newline after the last redraw when nothing is pending', () => {
    const stream = fakeStream(true, 10);
    const clock = fakeClock();
    const progress = progressLine({ stream, now: clock.now });
    progress.update('generating: 1/1000 clients');
    progress.done();
    // One column stays free: some terminals wrap when the last one is written.
    expect(stream.chunks).toEqual(['\rgeneratin\x1b[K', '\n']);
  });

  it('done() with nothing shown writes nothing; the same line can show a next phase', () => {
    const stream = fakeStream(false);
    const clock = fakeClock();
    const progress = progressLine({ stream, now: clock.now });
    progress.done();
    expect(stream.chunks).toEqual([]);
    progress.update('phase 1: 1/2');
    progress.update('phase 1: 2/2');
    progress.done();
    progress.update('phase 2: 1/1');
    progress.done();
    expect(stream.text()).toBe('phase 1: 1/2\nphase 1: 2/2\nphase 2: 1/1\n');
  });

  it('withProgressLine ends the line also when the work fails', async () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    await expect(withProgressLine(stream, (progress) => {
      progress.update('scanned 50');
      return Promise.reject(new Error('database gone'));
    }, { now: clock.now })).rejects.toThrow('database gone');
    expect(stream.text()).toBe('\rscanned 50\x1b[K\n');
  });
});
