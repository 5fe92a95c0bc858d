/**
 * Who may read our files on disk (issue 13 part 7). The data directory holds
 * the embedded database (whose WAL carries every client's data in clear until
 * it is encrypted field by field), the master key file and the access log's
 * checkpoints: only the account that runs Dossierwijzer may open any of it.
 *
 * - The data directory is created 0700; start-up refuses one that the group or
 *   others can enter or read, and says how to fix it (a chmod command).
 * - The master key file must be 0600 (or stricter): start-up refuses otherwise.
 * - PGlite's own files are made owner-only at open: its bundled initial
 *   database is unpacked with mode 0666 and directories 0755 whatever the
 *   umask, so every open walks the folder and takes group and other bits off;
 *   the process umask is set to 077 while PGlite runs, so what it creates
 *   later is private as well.
 *
 * Not on Windows, where POSIX modes do not describe who may read a file.
 */
import { chmod, lstat, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config/config.js';

/** Permission bits of the group and of others: any of them set means someone else may get in. */
const NOT_OWNER = 0o077;

const applies = (): boolean => process.platform !== 'win32';

const octal = (mode: number): string => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;

/** A path quoted for a POSIX shell, so the chmod command in a message can be pasted as it is. */
function shellQuote(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replaceAll('\'', '\'\\\'\'')}'`;
}

/** The error for a folder or file others may read: Dutch and English, with the command that fixes it. */
export function notPrivateError(kind: 'data-dir' | 'master-key', file: string, mode: number): ConfigError {
  const quoted = shellQuote(file);
  return kind === 'data-dir'
    ? new ConfigError(
        `de datamap ${file} is toegankelijk voor anderen dan de eigenaar (rechten ${octal(mode)}); alleen het account dat Dossierwijzer draait mag erbij. `
        + `Herstel: chmod -R go-rwx ${quoted} / the data directory ${file} can be accessed by others than its owner (mode ${octal(mode)}); `
        + `only the account that runs Dossierwijzer may have access. Fix: chmod -R go-rwx ${quoted}`)
    : new ConfigError(
        `het bestand met de hoofdsleutel ${file} is leesbaar voor anderen dan de eigenaar (rechten ${octal(mode)}). `
        + `Herstel: chmod 600 ${quoted}, en vervang de sleutel (dossierwijzer rotate-master-key) als anderen hem gelezen kunnen hebben / `
        + `the master key file ${file} can be read by others than its owner (mode ${octal(mode)}). Fix: chmod 600 ${quoted}, `
        + 'and rotate the key (dossierwijzer rotate-master-key) if others may have read it');
}

/**
 * Creates `dir` (and missing parents) with mode 0700, then refuses it when
 * the group or others have any access to it.
 * @example await ensurePrivateDir(config.dataDir); // ConfigError with "chmod -R go-rwx …" when it is 0755
 */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await assertPrivate('data-dir', dir);
}

/** Refuses `file` (a data directory or the master key file) when the group or others have any access to it. */
export async function assertPrivate(kind: 'data-dir' | 'master-key', file: string): Promise<void> {
  if (!applies()) return;
  const { mode } = await stat(file);
  if ((mode & NOT_OWNER) !== 0) throw notPrivateError(kind, file, mode);
}

/**
 * Takes the group's and others' bits off every file and folder under `dir`
 * (PGlite's folder: see the module header); symbolic links are left alone.
 * Returns how many were changed.
 */
export async function makeTreePrivate(dir: string): Promise<number> {
  if (!applies()) return 0;
  let changed = 0;
  const visit = async (target: string): Promise<void> => {
    const info = await lstat(target);
    if (info.isSymbolicLink()) return;
    if ((info.mode & NOT_OWNER) !== 0) {
      await chmod(target, info.mode & 0o700);
      changed += 1;
    }
    if (!info.isDirectory()) return;
    for (const name of await readdir(target)) await visit(path.join(target, name));
  };
  await visit(dir);
  return changed;
}

/**
 * Sets the process umask to 077 (files the process creates from now on are
 * owner-only). Worker threads cannot change the umask; there it is left as it is.
 */
export function restrictUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    // ERR_WORKER_UNSUPPORTED_OPERATION: the main thread's umask applies.
  }
}
