/**
 * Typed configuration, loaded and validated once at start from the
 * environment. Everything else receives a `Config`; nothing reads
 * `process.env` on its own.
 */
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
