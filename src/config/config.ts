/**
 * Typed configuration, loaded and validated once at start from the
 * environment. Everything else receives a `Config`; nothing reads
 * `process.env` on its own.
 */
import { isIP } from 'node:net';
import os from 'node:os';
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
  /**
   * Append-only file of access-log chain checkpoints (kept outside the database; ship it elsewhere): this server's
   * stream, `{host}` in DW_LOG_CHECKPOINT_FILE replaced by the host name, so several servers each keep their own.
   */
  logCheckpointFile: string;
  /** DW_LOG_CHECKPOINT_FILE as set (with `{host}` if it has one): where `verify-log` finds every server's stream. */
  logCheckpointPattern: string;
  /** Seconds between checkpoints while the server runs; 0 = only at shutdown. */
  logCheckpointSeconds: number;
  /** Hours between retention sweeps in the server (they only build the privacy officer's review list); 0 = never. */
  retentionSweepHours: number;
  /**
   * Online backups of a PGlite database by the server (DW_BACKUP_DIR, DW_BACKUP_HOURS, DW_BACKUP_KEEP; cli/backup-schedule.ts):
   * undefined `dir` = none; `hours` 0 = only on SIGUSR2; the newest `keep` backups are kept.
   */
  backup: { dir: string | undefined; hours: number; keep: number };
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
  /** Admission control (issue 18): /api requests worked on at once, queued, and how long one may wait (http/admission.ts). */
  admission: { maxActive: number; maxQueued: number; maxWaitMs: number };
  /** How long a server may serve a resolved session without asking the database (0 = off; auth/session-cache.ts). */
  sessionCacheMs: number;
  /** The PostgreSQL pool and its time limits (ignored on PGlite, which has one connection in the process). */
  database: DatabaseSettings;
  /** /health/ready: how long the database may take to answer the probe before the server counts as not ready. */
  readyTimeoutMs: number;
  /** Who may read GET /metrics: addresses and CIDR ranges, `loopback` (the default) or `off` (http/metrics.ts checks it). */
  metricsAllow: string | undefined;
  /** Portal messages (issue 19 item 6): the attachment bound and the SMTP server for the notifications. */
  messages: MessageSettings;
  /** The portal's OpenID Connect log-in (issue 19 item 1: DigiD through a broker); undefined = off. */
  portalOidc: PortalOidcSettings | undefined;
}

/** DW_PORTAL_OIDC_*: see README ("Logging in with DigiD") and src/portal/portal-oidc.ts. */
export interface PortalOidcSettings {
  /** The provider's issuer identifier (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** What the button says after "Inloggen met", e.g. `DigiD`. */
  name: string;
  /** The claim that carries the BSN, if the provider sends one: checked against the dossier when an invitation is linked. */
  bsnClaim: string | undefined;
  /** The scopes asked for (always including `openid`). */
  scopes: string;
  /** Our address the provider sends the browser back to: `<DW_PUBLIC_URL>/api/portal/auth/oidc/callback`. */
  redirectUri: string;
  /** Seconds a request to the provider may take. */
  timeoutSeconds: number;
}

/** DW_SMTP_* and DW_MESSAGE_*: see `SETTINGS` for ranges and README ("Messages and e-mail notifications"). */
export interface MessageSettings {
  /** Largest accepted attachment, in bytes. */
  attachmentMaxBytes: number;
  /** The SMTP server; undefined = no e-mail notifications are sent (the messages work without). */
  smtp: {
    host: string; port: number;
    /** TLS from the first byte (port 465); otherwise STARTTLS, which `requireTls` makes compulsory. */
    secure: boolean; requireTls: boolean;
    user: string | undefined; password: string | undefined;
    /** The sender, e.g. `Dossierwijzer <no-reply@example.nl>`. */
    from: string;
    timeoutSeconds: number;
  } | undefined;
}

/** PostgreSQL connection settings (DW_DB_*); see `SETTINGS` for ranges and README for what each is for. */
export interface DatabaseSettings {
  /** Connections in the application's pool (per server process). */
  poolSize: number;
  /** How long a request waits for a connection (a free one from the pool, or a new one to the server). */
  connectTimeoutMs: number;
  /** statement_timeout: the server cancels a statement running longer. */
  statementTimeoutMs: number;
  /** lock_timeout: the server cancels a statement waiting longer for a lock. */
  lockTimeoutMs: number;
  /** idle_in_transaction_session_timeout: the server ends a session idle that long inside a transaction. */
  idleInTransactionTimeoutMs: number;
  /**
   * The client gives up on a statement after statement_timeout plus this margin: the bound when the server
   * cannot even answer (a network partition, a frozen host), where statement_timeout never arrives.
   */
  clientTimeoutMarginMs: number;
  /** TCP keepalive: seconds of silence before the first probe, so a dead peer is noticed without a query. */
  keepAliveSeconds: number;
  /** Start-up: how many times to try the database before giving up (with back-off 1, 2, 4 … 30 s). */
  startAttempts: number;
}

export class ConfigError extends Error {}

/**
 * Every duration and count the environment sets, with its default and its range (inclusive). The upper
 * bounds keep timers inside what Node's setTimeout holds (2^31-1 ms ≈ 24.8 days; beyond it the timer
 * fires after 1 ms, so a 597-hour sweep interval ran sweeps back to back) and values inside what makes
 * sense to run with. The README's configuration table lists the same ranges.
 */
export const SETTINGS = {
  PORT: { fallback: 3000, min: 0, max: 65_535 },
  DW_MAX_ENTRY_BYTES: { fallback: 1024 * 1024, min: 1024, max: 16 * 1024 * 1024 },
  DW_SESSION_IDLE_MINUTES: { fallback: 15, min: 1, max: 24 * 60 },
  DW_SESSION_LIFETIME_MINUTES: { fallback: 12 * 60, min: 1, max: 7 * 24 * 60 },
  DW_EMERGENCY_ACCESS_MINUTES: { fallback: 60, min: 1, max: 24 * 60 },
  DW_UNUSUAL_OUTSIDE_CASELOAD_PER_DAY: { fallback: 5, min: 0, max: 100_000 },
  DW_UNUSUAL_EMPLOYEES_PER_DOSSIER_PER_DAY: { fallback: 10, min: 0, max: 100_000 },
  DW_LOG_CHECKPOINT_SECONDS: { fallback: 60, min: 0, max: 24 * 3600 },
  DW_RETENTION_SWEEP_HOURS: { fallback: 24, min: 0, max: 7 * 24 },
  DW_WORK_NOTE_DAYS: { fallback: 30, min: 1, max: 365 },
  DW_LOGIN_THROTTLE_WINDOW_MINUTES: { fallback: 15, min: 1, max: 24 * 60 },
  DW_BACKUP_HOURS: { fallback: 24, min: 0, max: 7 * 24 },
  DW_BACKUP_KEEP: { fallback: 7, min: 1, max: 1000 },
  DW_LOGIN_THROTTLE_ACCOUNT_FAILURES: { fallback: 5, min: 1, max: 1000 },
  DW_LOGIN_THROTTLE_ADDRESS_FAILURES: { fallback: 20, min: 1, max: 100_000 },
  DW_LOGIN_THROTTLE_MAX_SECONDS: { fallback: 900, min: 1, max: 24 * 3600 },
  // At least 2: the retention sweep holds one connection for its advisory lock while it works on another.
  DW_DB_POOL_SIZE: { fallback: 20, min: 2, max: 500 },
  // Admission control (issue 18): by default four requests per CPU at once — enough to keep the database's backends and
  // the server busy, few enough that they do not take the cores from each other — and a queue that drains in well
  // under a second on a quiet machine; beyond it, or after 10 s of waiting, 503 with Retry-After. See README.
  DW_MAX_ACTIVE_REQUESTS: { fallback: Math.max(4, 4 * os.availableParallelism()), min: 1, max: 1000 },
  DW_MAX_QUEUED_REQUESTS: { fallback: Math.max(64, 32 * os.availableParallelism()), min: 0, max: 100_000 },
  DW_MAX_QUEUE_WAIT_MS: { fallback: 10_000, min: 10, max: 60_000 },
  // Issue 18 item 4: off by default; on PostgreSQL a log-out still ends the session at once in every server (LISTEN/NOTIFY).
  DW_SESSION_CACHE_MS: { fallback: 0, min: 0, max: 10_000 },
  DW_DB_CONNECT_TIMEOUT_MS: { fallback: 5_000, min: 100, max: 120_000 },
  DW_DB_STATEMENT_TIMEOUT_MS: { fallback: 30_000, min: 100, max: 3_600_000 },
  DW_DB_LOCK_TIMEOUT_MS: { fallback: 10_000, min: 100, max: 3_600_000 },
  DW_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: { fallback: 60_000, min: 100, max: 3_600_000 },
  DW_DB_CLIENT_TIMEOUT_MARGIN_MS: { fallback: 5_000, min: 0, max: 600_000 },
  DW_DB_KEEPALIVE_SECONDS: { fallback: 30, min: 1, max: 7200 },
  DW_DB_START_ATTEMPTS: { fallback: 10, min: 1, max: 1000 },
  DW_READY_TIMEOUT_MS: { fallback: 2_000, min: 100, max: 60_000 },
  DW_MESSAGE_ATTACHMENT_MAX_BYTES: { fallback: 2 * 1024 * 1024, min: 1024, max: 4 * 1024 * 1024 },
  DW_SMTP_PORT: { fallback: 587, min: 1, max: 65_535 },
  DW_SMTP_TIMEOUT_SECONDS: { fallback: 30, min: 1, max: 600 },
  DW_PORTAL_OIDC_TIMEOUT_SECONDS: { fallback: 10, min: 1, max: 60 },
} as const satisfies Record<string, { fallback: number; min: number; max: number }>;

export type SettingName = keyof typeof SETTINGS;

function integer(env: NodeJS.ProcessEnv, name: SettingName): number {
  const { fallback, min, max } = SETTINGS[name];
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
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
/** The placeholder in DW_LOG_CHECKPOINT_FILE for the server's host name (issue 17 item 7: one checkpoints stream per server). */
export const HOST_PLACEHOLDER = '{host}';

/** `pattern` with `{host}` replaced by this machine's host name, reduced to characters safe in a file name. */
export function checkpointFileOfThisHost(pattern: string, host: string = os.hostname()): string {
  return pattern.replaceAll(HOST_PLACEHOLDER, host.replace(/[^A-Za-z0-9._-]/g, '_') || 'host');
}

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
    port: integer(env, 'PORT'),
    trustProxy: trustedProxies(env),
    publicUrl: publicUrl(env),
    production: env.NODE_ENV === 'production',
    demo: bool(env, 'DW_DEMO', env.NODE_ENV !== 'production'),
    maxEntryBytes: integer(env, 'DW_MAX_ENTRY_BYTES'),
    logLevel: env.LOG_LEVEL ?? 'info',
    sessionIdleMinutes: integer(env, 'DW_SESSION_IDLE_MINUTES'),
    sessionLifetimeMinutes: integer(env, 'DW_SESSION_LIFETIME_MINUTES'),
    emergencyAccessMinutes: integer(env, 'DW_EMERGENCY_ACCESS_MINUTES'),
    unusualOutsideCaseloadPerDay: integer(env, 'DW_UNUSUAL_OUTSIDE_CASELOAD_PER_DAY'),
    unusualEmployeesPerDossierPerDay: integer(env, 'DW_UNUSUAL_EMPLOYEES_PER_DOSSIER_PER_DAY'),
    logCheckpointFile: checkpointFileOfThisHost(path.resolve(env.DW_LOG_CHECKPOINT_FILE ?? path.join(dataDir, 'access-log.checkpoints'))),
    logCheckpointPattern: path.resolve(env.DW_LOG_CHECKPOINT_FILE ?? path.join(dataDir, 'access-log.checkpoints')),
    logCheckpointSeconds: integer(env, 'DW_LOG_CHECKPOINT_SECONDS'),
    retentionSweepHours: integer(env, 'DW_RETENTION_SWEEP_HOURS'),
    workNoteDays: integer(env, 'DW_WORK_NOTE_DAYS'),
    loginThrottleWindowMinutes: integer(env, 'DW_LOGIN_THROTTLE_WINDOW_MINUTES'),
    loginThrottleAccountFailures: integer(env, 'DW_LOGIN_THROTTLE_ACCOUNT_FAILURES'),
    loginThrottleAddressFailures: integer(env, 'DW_LOGIN_THROTTLE_ADDRESS_FAILURES'),
    backup: {
      dir: env.DW_BACKUP_DIR === undefined || env.DW_BACKUP_DIR === '' ? undefined : path.resolve(env.DW_BACKUP_DIR),
      hours: integer(env, 'DW_BACKUP_HOURS'), keep: integer(env, 'DW_BACKUP_KEEP'),
    },
    loginThrottleMaxSeconds: integer(env, 'DW_LOGIN_THROTTLE_MAX_SECONDS'),
    database: {
      poolSize: integer(env, 'DW_DB_POOL_SIZE'),
      connectTimeoutMs: integer(env, 'DW_DB_CONNECT_TIMEOUT_MS'),
      statementTimeoutMs: integer(env, 'DW_DB_STATEMENT_TIMEOUT_MS'),
      lockTimeoutMs: integer(env, 'DW_DB_LOCK_TIMEOUT_MS'),
      idleInTransactionTimeoutMs: integer(env, 'DW_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS'),
      clientTimeoutMarginMs: integer(env, 'DW_DB_CLIENT_TIMEOUT_MARGIN_MS'),
      keepAliveSeconds: integer(env, 'DW_DB_KEEPALIVE_SECONDS'),
      startAttempts: integer(env, 'DW_DB_START_ATTEMPTS'),
    },
    admission: {
      maxActive: integer(env, 'DW_MAX_ACTIVE_REQUESTS'), maxQueued: integer(env, 'DW_MAX_QUEUED_REQUESTS'), maxWaitMs: integer(env, 'DW_MAX_QUEUE_WAIT_MS'),
    },
    sessionCacheMs: integer(env, 'DW_SESSION_CACHE_MS'),
    readyTimeoutMs: integer(env, 'DW_READY_TIMEOUT_MS'),
    metricsAllow: env.DW_METRICS_ALLOW === '' ? undefined : env.DW_METRICS_ALLOW,
    messages: messageSettings(env),
    portalOidc: portalOidcSettings(env),
  };
}

/** The path under DW_PUBLIC_URL the provider sends the browser back to (src/portal/portal-oidc-routes.ts). */
export const PORTAL_OIDC_CALLBACK_PATH = '/api/portal/auth/oidc/callback';

/**
 * DW_PORTAL_OIDC_ISSUER unset: no OpenID Connect log-in. Set: the client id and secret and DW_PUBLIC_URL are needed
 * (the redirect URI is on our own origin), the issuer must be https (http only on this machine, for a test provider).
 */
function portalOidcSettings(env: NodeJS.ProcessEnv): PortalOidcSettings | undefined {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const issuer = value('DW_PORTAL_OIDC_ISSUER');
  if (issuer === undefined) {
    const stray = ['DW_PORTAL_OIDC_CLIENT_ID', 'DW_PORTAL_OIDC_CLIENT_SECRET', 'DW_PORTAL_OIDC_BSN_CLAIM'].filter((n) => value(n) !== undefined);
    if (stray.length > 0) throw new ConfigError(`${stray.join(', ')} set without DW_PORTAL_OIDC_ISSUER: set the issuer too, or leave them all unset (no DigiD log-in)`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`DW_PORTAL_OIDC_ISSUER must be the provider's issuer URL, e.g. https://broker.example.nl, got "${issuer}"`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ConfigError(`DW_PORTAL_OIDC_ISSUER must start with https:// (http:// only for a test provider on this machine), got "${issuer}"`);
  }
  const clientId = value('DW_PORTAL_OIDC_CLIENT_ID');
  const clientSecret = value('DW_PORTAL_OIDC_CLIENT_SECRET');
  if (clientId === undefined || clientSecret === undefined) throw new ConfigError('DW_PORTAL_OIDC_ISSUER needs DW_PORTAL_OIDC_CLIENT_ID and DW_PORTAL_OIDC_CLIENT_SECRET');
  if (clientId.length > 200 || clientSecret.length > 500) throw new ConfigError('DW_PORTAL_OIDC_CLIENT_ID may hold 200 characters and DW_PORTAL_OIDC_CLIENT_SECRET 500');
  const base = publicUrl(env);
  if (base === undefined) throw new ConfigError('DW_PORTAL_OIDC_ISSUER needs DW_PUBLIC_URL: the provider sends the browser back to <DW_PUBLIC_URL>/api/portal/auth/oidc/callback');
  const name = value('DW_PORTAL_OIDC_NAME') ?? 'DigiD';
  if (name.length > 40 || /[\p{Cc}<>]/u.test(name)) throw new ConfigError(`DW_PORTAL_OIDC_NAME is the button's name (at most 40 characters, no < or >), got "${name}"`);
  const bsnClaim = value('DW_PORTAL_OIDC_BSN_CLAIM');
  if (bsnClaim !== undefined && !/^[A-Za-z0-9_:./-]{1,200}$/.test(bsnClaim)) throw new ConfigError(`DW_PORTAL_OIDC_BSN_CLAIM must be a claim name, got "${bsnClaim}"`);
  const scopes = value('DW_PORTAL_OIDC_SCOPES') ?? 'openid';
  if (!/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/.test(scopes) || scopes.length > 500 || !scopes.split(' ').includes('openid')) {
    throw new ConfigError(`DW_PORTAL_OIDC_SCOPES must be scopes separated by one space, including openid, got "${scopes}"`);
  }
  return {
    issuer, clientId, clientSecret, name, bsnClaim, scopes, redirectUri: `${base.replace(/\/$/, '')}${PORTAL_OIDC_CALLBACK_PATH}`,
    timeoutSeconds: integer(env, 'DW_PORTAL_OIDC_TIMEOUT_SECONDS'),
  };
}

/** DW_SMTP_HOST unset: no notifications. DW_SMTP_FROM must hold an address. */
function messageSettings(env: NodeJS.ProcessEnv): MessageSettings {
  const host = env.DW_SMTP_HOST?.trim();
  const from = env.DW_SMTP_FROM?.trim() || 'Dossierwijzer <no-reply@localhost>';
  if (!/[^\s<>@]+@[^\s<>@]+/.test(from)) throw new ConfigError(`DW_SMTP_FROM must hold an e-mail address, e.g. "Dossierwijzer <no-reply@example.nl>", got "${from}"`);
  const nonEmpty = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
  return {
    attachmentMaxBytes: integer(env, 'DW_MESSAGE_ATTACHMENT_MAX_BYTES'),
    smtp: host === undefined || host === ''
      ? undefined
      : {
          host, port: integer(env, 'DW_SMTP_PORT'), secure: bool(env, 'DW_SMTP_SECURE', false), requireTls: bool(env, 'DW_SMTP_REQUIRE_TLS', true),
          user: nonEmpty(env.DW_SMTP_USER), password: nonEmpty(env.DW_SMTP_PASSWORD), from, timeoutSeconds: integer(env, 'DW_SMTP_TIMEOUT_SECONDS'),
        },
  };
}
