/** The TypeScript source files under `dir` (tests left out), for the tests that scan the code's SQL strings. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export async function sourceFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) found.push(...await sourceFiles(full));
    else if (item.name.endsWith('.ts') && !item.name.endsWith('.test.ts')) found.push(full);
  }
  return found;
}
