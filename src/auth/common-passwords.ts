/**
 * The shipped list of common passwords (`common-passwords.txt`, one per line,
 * lower case): the 5,000 most common and every one of 12 characters or more
 * from the password frequency list of zxcvbn (MIT, © Dropbox; compiled from
 * leaked-password corpora), plus a few Dutch ones. A password of 12+
 * characters on the list is still refused (OWASP ASVS 4.0 §2.1.7).
 *
 * The file is read relative to this module through `../../src/auth/`, which
 * resolves from `src/auth/` and from the built `dist/auth/` alike.
 */
import { readFileSync } from 'node:fs';

let list: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  list ??= new Set(readFileSync(new URL('../../src/auth/common-passwords.txt', import.meta.url), 'utf8').split('\n').filter((line) => line !== ''));
  return list;
}

/** Whether `password` is on the list, compared case-insensitively. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.toLowerCase());
}

/** How many passwords the list holds (for the test that it was shipped at all). */
export function commonPasswordCount(): number {
  return commonPasswords().size;
}
