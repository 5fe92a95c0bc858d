/**
 * Bounded settings (issue 17 item 6): every duration and count the environment
 * sets has a range, checked at start (config.test.ts) — and documented: the
 * README's configuration table names each setting with the same range, so an
 * operator reads what start-up will accept. A setting added without its row,
 * or a range changed in one place only, fails here.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { SETTINGS } from './config.js';

it('the README documents every bounded setting with the range start-up checks', async () => {
  const readme = (await readFile(path.resolve(import.meta.dirname, '..', '..', 'README.md'), 'utf8')).split('\n');
  const undocumented = Object.entries(SETTINGS).filter(([name, { min, max }]) => !readme.some(
    (line) => line.startsWith('|') && line.includes(`\`${name}\``) && line.includes(`${min}–${max}`)));
  expect(undocumented.map(([name, { min, max }]) => `${name} (${min}–${max})`), 'add a README row naming the setting and "range min–max"').toEqual([]);
});
