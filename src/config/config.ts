/**
 * Typed configuration, loaded and validated once at start from the
 * environment. Everything else receives a `Config`; nothing reads
 * `process.env` on its own.
 */
import { isIP } from 'node:net';
import path from 'node:path';

export interface Config {
  /** `postgres://…` to use a PostgreSQL server; undefined = embedded PGlite. */
  databaseUrl: string | undefined;
  /**
   * The schema owner's connection for migrations; undefined = `databaseUrl`.
   * In production the application's own login (a member of dossierwijzer_app,
   * not the owner) goes in DATABASE_URL, so it cannot become the owner again.
   */
  databaseMigrationUrl: string | undefined;
  /** Folder for PGlite's data and the generated master key file. */
  dataDir: string;
  /** Master key (32 bytes, base64) from configuration; else read from / created in `masterKeyFile`. */
  masterKey: string | undefined;
  masterKeyFile: string;
  host: string;
  port: number;
  /**
   * Reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed
   * (Fastify's `trustProxy`): addresses, CIDR ranges or the names `loopback`,
   * `linklocal`, `uniquelocal`. `false` = believe no one; the caller's address
   * is the socket's, and only a TLS socket counts as TLS.
   */
  trustProxy: false | string[];
  /** The address browsers use, e.g. `https://dossier.example.nl`; an https:// URL makes every session cookie Secure and sends HSTS. */
  publicUrl: string | undefined;
  /** NODE_ENV=production: start-up warns about settings that are unsafe with real data. */
  production: boolean;
  /** Demo mode seeds the fictional organisation and prints the demo log-ins. */
  demo: boolean;
  /** Largest accepted entry text, in bytes (UTF-8). */
  maxEntryBytes: number;
  logLevel: string;
  /** Minutes a session may stay idle, and its absolute lifetime in minutes. */
  sessionIdleMinutes: number;
  sessionLifetimeMinutes: number;
  /** How long an emergency access ("break the glass") lasts. */
  emergencyAccessMinutes: number;
  /** Unusual-access report: more dossiers outside the caseload per employee per day than this is flagged. */
  unusualOutsideCaseloadPerDay: number;
  /** Unusual-access report: a dossier opened by more distinct employees per day than this is flagged. */
  unusualEmployeesPerDossierPerDay: number;
  /** Append-only file of access-log chain checkpoints (kept outside the database; ship it elsewhere). */
  logCheckpointFile: string;
  /** Seconds between checkpoints while the server runs; 0 = only at shutdown. */
  logCheckpointSeconds: number;
  /** Hours between retention sweeps in the server (they only build the privacy officer's review list); 0 = never. */
  retentionSweepHours: number;
  /** Days until a personal work note is destroyed, unless its author sets otherwise. */
  workNoteDays: number;
  /** Log-in throttling: failed attempts are counted over this many minutes (and forgotten after as many quiet minutes). */
  loginThrottleWindowMinutes: number;
  /** Log-in throttling: from this many attempts on one account within the window, back off (2, 4, 8 … seconds). */
  loginThrottleAccountFailures: number;
  /** Log-in throttling: the same per address (higher: many employees may share one office address). */
  loginThrottleAddressFailures: number;
  /** Log-in throttling: the longest back-off, in seconds. */
  loginThrottleMaxSeconds: number;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * DW_TRUST_PROXY: unset or `false` trusts no proxy; otherwise a comma-separated
 * list of addresses, CIDR ranges or proxy-addr's names. `true`, hop counts and
 * /0 ranges are refused: trusting every peer lets any caller forge its address
 * (one throttle bucket per forged address, a false address in the access log)
 * and claim TLS.
 */
function trustedProxies(env: NodeJS.ProcessEnv): false | string[] {
  const raw = env.DW_TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || ['false', 'no', 'off', 'none'].includes(raw.toLowerCase())) return false;
  const refuse = (why: string) => new ConfigError(`DW_TRUST_PROXY ${why}, got "${raw}"`);
  if (['true', 'yes', 'on', '*'].includes(raw.toLowerCase()) || /^[0-9]+$/.test(raw)) {
    throw refuse('must list the reverse proxy\'s addresses (e.g. 10.0.0.5 or 10.0.0.0/24 or loopback): trusting every peer lets any caller forge its address and protocol');
  }
  const entries = raw.split(',').map((e) => e.trim());
  for (const entry of entries) {
    if (PROXY_NAMES.has(entry)) continue;
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^[0-9]{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= maxPrefix);
    if (family === 0 || rest.length > 0 || !prefixOk) {
      throw refuse(`entries must be IP addresses, CIDR ranges (prefix 1–32 or 1–128) or loopback, linklocal, uniquelocal; "${entry}" is not`);
    }
  }
  return entries;
}

function publicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.DW_PUBLIC_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`DW_PUBLIC_URL must be a URL such as https://dossier.example.nl, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`DW_PUBLIC_URL must start with https:// (or http:// for a local test), got "${raw}"`);
  return raw;
}

/** Reads and validates the configuration; throws `ConfigError` naming the variable on bad values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DW_DATA_DIR ?? 'data');
  const databaseUrl = env.DATABASE_URL === '' ? undefined : env.DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const databaseMigrationUrl = env.DATABASE_MIGRATION_URL === '' ? undefined : env.DATABASE_MIGRATION_URL;
  if (databaseMigrationUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseMigrationUrl)) {
    throw new ConfigError('DATABASE_MIGRATION_URL must start with postgres:// or postgresql://');
  }
  return {
    databaseUrl,
    databaseMigrationUrl,
    dataDir,
    masterKey: env.DW_MASTER_KEY === '' ? undefined : env.DW_MASTER_KEY,
    masterKeyFile: path.resolve(env.DW_MASTER_KEY_FILE ?? path.join(dataDir, 'master.key')),
    host: env.HOST ?? '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0),
    trustProxy: trustedProxies(env),
    publicUrl: publicUrl(env),
    production: env.NODE_ENV === 'production',
    demo: bool(env, 'DW_DEMO', env.NODE_ENV !== 'production'),
    maxEntryBytes: integer(env, 'DW_MAX_ENTRY_BYTES', 1024 * 1024, 1),
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionIdleMinutes: integer(env, 'DW_SESSION_IDLE_MINUTES', 15, 1),
    sessionLifetimeMinutes: integer(env, 'DW_SESSION_LIFETIME_MINUTES', 12 * 60, 1),
    emergencyAccessMinutes: integer(env, 'DW_EMERGENCY_ACCESS_MINUTES', 60, 1),
    unusualOutsideCaseloadPerDay: integer(env, 'DW_UNUSUAL_OUTSIDE_CASELOAD_PER_DAY', 5, 0),
    unusualEmployeesPerDossierPerDay: integer(env, 'DW_UNUSUAL_EMPLOYEES_PER_DOSSIER_PER_DAY', 10, 0),
    logCheckpointFile: path.resolve(env.DW_LOG_CHECKPOINT_FILE ?? path.join(dataDir, 'access-log.checkpoints')),
    logCheckpointSeconds: integer(env, 'DW_LOG_CHECKPOINT_SECONDS', 60, 0),
    retentionSweepHours: integer(env, 'DW_RETENTION_SWEEP_HOURS', 24, 0),
    workNoteDays: integer(env, 'DW_WORK_NOTE_DAYS', 30, 1),
    loginThrottleWindowMinutes: integer(env, 'DW_LOGIN_THROTTLE_WINDOW_MINUTES', 15, 1),
    loginThrottleAccountFailures: integer(env, 'DW_LOGIN_THROTTLE_ACCOUNT_FAILURES', 5, 1),
    loginThrottleAddressFailures: integer(env, 'DW_LOGIN_THROTTLE_ADDRESS_FAILURES', 20, 1),
    loginThrottleMaxSeconds: integer(env, 'DW_LOGIN_THROTTLE_MAX_SECONDS', 900, 1),
  };
}
