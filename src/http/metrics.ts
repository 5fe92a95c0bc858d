/**
 * Operator metrics in the Prometheus text format (issue 17 item 5), at
 * `GET /metrics`, for the addresses in DW_METRICS_ALLOW only (default: this
 * host, loopback). docs/operations.md, "Metrics", says what each one means.
 *
 * Kept by prom-client (siimon/prom-client), not by code of our own: the
 * project prefers a well-kept library, the text format's escaping, histogram
 * buckets and metric-name rules are the library's, and it brings the process
 * metrics an operator asks for (CPU, resident memory, event-loop lag, GC) —
 * which a registry of our own would have had to reimplement. prom-client's
 * global default registry is never used: each app instance has its own
 * `Registry` (tests build several apps in one process, and a metric may be
 * registered only once per registry). The process metrics describe the
 * process, not an app, so they live in one registry per process, made on
 * first use (its event-loop monitor and GC observer are made once, never per
 * app), and each app's scrape merges the two.
 *
 * Labels are route templates (`/api/clients/:clientId`), methods, status
 * classes and fixed outcome names — never an id, a name or a path someone
 * typed: no client data, and a bounded number of series (an unmatched URL
 * counts as the route `(unmatched)`).
 *
 * Where the numbers come from: requests and their latency from Fastify's
 * onResponse hook; database outages from the onError hook
 * (`isDatabaseUnavailable`); the pool from `poolStatus()`, the access log's
 * head (rows written by all servers) from the database, and the PDF queue
 * from the pool — all read at scrape time, before the registry is rendered; export durations from the same
 * onResponse hook, for the routes that make a document; read-log group-commit batches,
 * checkpoint writes, retention sweeps and online backups (the pause they make) as they happen.
 */
import { AsyncResource } from 'node:async_hooks';
import { BlockList, isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { readChainHead } from '../access/log-checkpoints.js';
import { ConfigError } from '../config/config.js';
import type { Database } from '../db/database.js';
import { isDatabaseUnavailable } from '../db/database.js';
import { AppError } from '../errors.js';

/** Every metric's name starts with this, the process metrics' too. */
const PREFIX = 'dossierwijzer_';

/** The exposition format's content type (Prometheus text, version 0.0.4). */
export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

let processMetrics: Registry | undefined;

/**
 * The process's own metrics (prom-client's default collectors: CPU, memory, event-loop lag, GC, handles, the
 * Node version, the start time), in a registry of their own made once per process: the event-loop monitor and
 * the GC observer they start are never stopped, so one per app would pile up in a process that builds many apps.
 */
function processRegistry(): Registry {
  if (processMetrics === undefined) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics, prefix: PREFIX });
  }
  return processMetrics;
}

/** Where the retention schedule reports (retention-schedule.ts's SweepLog): the metrics read its events on the way. */
interface SweepLog {
  info(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Scrape-time readings from other parts of the server. */
export interface MetricsSources {
  db: Database;
  /** The PDF worker pool's state, if the server renders PDFs. */
  pdfPool?: () => { workers: number; busy: number; queued: number };
  /** Bounds the database read at scrape time. */
  timeoutMs: number;
  /** Reads the access log's head (default: readChainHead on `db` in the caller's context). */
  readHead?: () => Promise<{ seq: number }>;
}

/**
 * The document an export route makes, from its template (issue 17 item 5: export durations): the file under a
 * request or a transfer (`request/copy.pdf`, `transfer/dossier.fhir.json`), or `download` for the pickup by token.
 */
export function exportDocumentOf(route: string): string | undefined {
  if (route === '/api/downloads') return 'download';
  const match = /\/(requests|transfers)\/:[A-Za-z]+\/([a-z-]+\.(?:pdf|json|xlsx|fhir\.json))$/.exec(route);
  return match === null ? undefined : `${match[1] === 'requests' ? 'request' : 'transfer'}/${match[2]}`;
}

/** Sets a gauge, or leaves its series out of the scrape when there is no reading. */
function setOrOmit(gauge: Gauge, value: number | undefined): void {
  if (value === undefined) gauge.remove({});
  else gauge.set(value);
}

/** The server's metrics: one instance (and one prom-client Registry) per app (tests build several apps in one process). */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({ name: `${PREFIX}http_requests_total`, help: 'HTTP requests answered, by method, route template and status class.',
    labelNames: ['method', 'route', 'status_class'] as const, registers: [this.registry] });

  private readonly latency = new Histogram({ name: `${PREFIX}http_request_duration_seconds`, help: 'Time to answer an HTTP request, by method and route template.',
    labelNames: ['method', 'route'] as const, buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30], registers: [this.registry] });

  private readonly exports = new Histogram({ name: `${PREFIX}export_duration_seconds`,
    help: 'Time to produce an export (copy PDF, letter, portability and transfer files, a download pickup), by document and outcome (ok, refused, failed).',
    labelNames: ['document', 'outcome'] as const, buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300], registers: [this.registry] });

  // Unlabelled counters show 0 from the start, so an alert on their rate has a series before the first event.
  readonly databaseUnavailable = new Counter({ name: `${PREFIX}database_unavailable_total`,
    help: 'Requests that failed because the database could not serve (down, unreachable, a timeout, pool exhausted): answered 503.', registers: [this.registry] });

  private readonly databaseUp = new Gauge({ name: `${PREFIX}database_up`,
    help: 'Whether the access-log head could be read within DW_READY_TIMEOUT_MS at this scrape.', registers: [this.registry] });

  private readonly poolConnections = new Gauge({ name: `${PREFIX}db_pool_connections`, help: 'PostgreSQL pool connections of this server: open, idle, max.',
    labelNames: ['state'] as const, registers: [this.registry] });

  private readonly poolWaiting = new Gauge({ name: `${PREFIX}db_pool_waiting`,
    help: 'Requests waiting for a pool connection now (exhausted while above 0 with open = max).', registers: [this.registry] });

  private readonly logRows = new Gauge({ name: `${PREFIX}access_log_rows`, help: 'Rows in the access log (its head seq; all servers together).', registers: [this.registry] });
  private readonly logBatches = new Histogram({ name: `${PREFIX}access_log_group_commit_rows`, help: 'Access-log rows of reads committed together in one group-commit batch.',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500], registers: [this.registry] });

  private readonly checkpointFailures = new Counter({ name: `${PREFIX}log_checkpoint_failures_total`,
    help: 'Checkpoint writes to DW_LOG_CHECKPOINT_FILE that failed.', registers: [this.registry] });

  private readonly checkpointLastWritten = new Gauge({ name: `${PREFIX}log_checkpoint_last_written_seconds`,
    help: 'When this server last wrote a checkpoint (Unix time).', registers: [this.registry] });

  private readonly checkpointLastSeq = new Gauge({ name: `${PREFIX}log_checkpoint_last_seq`,
    help: 'The access-log row of the last checkpoint this server wrote.', registers: [this.registry] });

  private readonly sweeps = new Counter({ name: `${PREFIX}retention_sweeps_total`, help: 'Retention sweeps by outcome: done, skipped (another server held the lock), failed.',
    labelNames: ['outcome'] as const, registers: [this.registry] });

  private readonly sweepLast = new Gauge({ name: `${PREFIX}retention_sweep_last_seconds`, help: 'When a retention sweep last ended with each outcome (Unix time).',
    labelNames: ['outcome'] as const, registers: [this.registry] });

  private readonly backups = new Counter({ name: `${PREFIX}backups_total`,
    help: 'Online backups of the embedded database (DW_BACKUP_DIR) by outcome: done, failed, skipped (one was already being taken).',
    labelNames: ['outcome'] as const, registers: [this.registry] });

  private readonly backupPause = new Histogram({ name: `${PREFIX}backup_pause_seconds`,
    help: 'How long an online backup held the database handle alone (requests wait this long): the checkpoint and the copy of the folder.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300], registers: [this.registry] });

  private readonly backupLastDone = new Gauge({ name: `${PREFIX}backup_last_done_seconds`, help: 'When this server last wrote an online backup (Unix time).',
    registers: [this.registry] });

  private readonly pdfPool = new Gauge({ name: `${PREFIX}pdf_pool`, help: 'PDF worker pool: workers, busy workers, renders queued.',
    labelNames: ['state'] as const, registers: [this.registry] });

  constructor() {
    processRegistry();
    // Left out until there is something to show: no checkpoint, backup or reading yet (an unlabelled gauge or
    // histogram would otherwise show 0 — "a checkpoint in 1970", "a backup server" on PostgreSQL).
    for (const gauge of [this.checkpointLastWritten, this.checkpointLastSeq, this.backupLastDone, this.logRows, this.poolWaiting]) gauge.remove({});
    this.backupPause.reset();
  }

  /** Counts one answered request under its route template (never its URL). */
  observeRequest(request: FastifyRequest, statusCode: number, seconds: number): void {
    const route = request.routeOptions.url ?? '(unmatched)';
    const method = request.method;
    this.requests.inc({ method, route, status_class: `${Math.floor(statusCode / 100)}xx` });
    this.latency.observe({ method, route }, seconds);
    const document = exportDocumentOf(route);
    if (document !== undefined) {
      this.exports.observe({ document, outcome: statusCode < 400 ? 'ok' : statusCode < 500 ? 'refused' : 'failed' }, seconds);
    }
  }

  observeLogBatch(rows: number): void {
    this.logBatches.observe(rows);
  }

  checkpointWritten(seq: number): void {
    this.checkpointLastWritten.set(Date.now() / 1000);
    this.checkpointLastSeq.set(seq);
  }

  checkpointFailed(): void {
    this.checkpointFailures.inc();
  }

  /** The online backups run on this server (DW_BACKUP_DIR): their counters show 0 from now on, so an alert has a series. */
  backupsScheduled(): void {
    this.backups.inc({ outcome: 'done' }, 0);
    this.backups.inc({ outcome: 'failed' }, 0);
  }

  /** One online backup's outcome (backup-schedule.ts); `pauseSeconds`: how long it held the handle alone, when it got that far. */
  backupTaken(outcome: 'done' | 'failed' | 'skipped', pauseSeconds?: number): void {
    this.backups.inc({ outcome });
    if (pauseSeconds !== undefined) this.backupPause.observe(pauseSeconds);
    if (outcome === 'done') this.backupLastDone.set(Date.now() / 1000);
  }

  /** Wraps the sweep schedule's log: counts each sweep's outcome and passes every line on. */
  sweepLog(log: SweepLog): SweepLog {
    const record = (outcome: string) => {
      this.sweeps.inc({ outcome });
      this.sweepLast.set({ outcome }, Date.now() / 1000);
    };
    return {
      info: (fields, message) => {
        if (fields.event === 'retention-sweep') record('done');
        if (fields.event === 'retention-sweep-skipped') record('skipped');
        log.info(fields, message);
      },
      error: (fields, message) => {
        if (fields.event === 'retention-sweep-failed') record('failed');
        log.error(fields, message);
      },
    };
  }

  /** The exposition text (Prometheus 0.0.4): this app's metrics with the readings taken now, then the process's. */
  async render(sources: MetricsSources): Promise<string> {
    let head: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      head = (await Promise.race([
        (sources.readHead ?? (() => readChainHead(sources.db)))(),
        new Promise<never>((_r, reject) => { timer = setTimeout(() => reject(new Error('timeout')), sources.timeoutMs); }),
      ])).seq;
    } catch {
      head = undefined; // the database is away: the gauge is left out, dossierwijzer_database_up says why
    } finally {
      clearTimeout(timer);
    }
    this.databaseUp.set(head === undefined ? 0 : 1);
    setOrOmit(this.logRows, head);
    const pool = sources.db.poolStatus?.();
    setOrOmit(this.poolWaiting, pool?.waiting);
    for (const [state, value] of [['open', pool?.size], ['idle', pool?.idle], ['max', pool?.max]] as const) {
      if (value === undefined) this.poolConnections.remove({ state });
      else this.poolConnections.set({ state }, value);
    }
    const pdf = sources.pdfPool?.();
    for (const [state, value] of [['workers', pdf?.workers], ['busy', pdf?.busy], ['queued', pdf?.queued]] as const) {
      if (value === undefined) this.pdfPool.remove({ state });
      else this.pdfPool.set({ state }, value);
    }
    // merge() registers both registries' metrics in a fresh one: a name in both would throw here, never be shown twice.
    return Registry.merge([this.registry, processRegistry()]).metrics();
  }
}

/**
 * Parses DW_METRICS_ALLOW: addresses and CIDR ranges separated by commas, `loopback` (127.0.0.0/8 and ::1),
 * or `off`. Default: loopback. Throws ConfigError naming a bad entry.
 */
export function metricsAllowList(value: string | undefined): BlockList | undefined {
  const text = value === undefined || value.trim() === '' ? 'loopback' : value.trim();
  if (text === 'off') return undefined;
  const list = new BlockList();
  for (const raw of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    if (raw === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits] = raw.split('/');
    const family = isIP(address ?? '');
    const prefix = bits === undefined ? undefined : Number(bits);
    if (family === 0 || (prefix !== undefined && (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)))) {
      throw new ConfigError(`DW_METRICS_ALLOW: "${raw}" is not an address, a CIDR range, "loopback" or "off"`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, prefix, type);
  }
  return list;
}

function allowed(list: BlockList, ip: string): boolean {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip)?.[1];
  if (v4 !== undefined) return list.check(v4, 'ipv4');
  const family = isIP(ip);
  return family !== 0 && list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

function notAllowed(): AppError {
  return new AppError('metrics-not-allowed', 403,
    'De meetgegevens van de server zijn alleen te zien vanaf de adressen die de beheerder heeft ingesteld (DW_METRICS_ALLOW).',
    'The server\'s metrics are only shown to the addresses the operator configured (DW_METRICS_ALLOW).');
}

/**
 * Registers the hooks that count requests and outages, and `GET /metrics`.
 * A request that came through a proxy (X-Forwarded-For or Forwarded) is refused unless the proxy is trusted
 * (TRUST_PROXY): otherwise a proxy on this host would make every visitor look like loopback.
 */
export function installMetrics(app: FastifyInstance, metrics: Metrics,
  options: { allow: string | undefined; proxyTrusted: boolean; sources: MetricsSources }): void {
  const list = metricsAllowList(options.allow);
  // The head counts every organisation's rows: read in the context the server was assembled in (across
  // organisations), not in the scrape request's, which belongs to no organisation.
  const sources = { ...options.sources, readHead: AsyncResource.bind(() => readChainHead(options.sources.db)) };
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  app.addHook('onError', (_request, _reply, error, done) => {
    if (isDatabaseUnavailable(error)) metrics.databaseUnavailable.inc();
    done();
  });
  app.get('/metrics', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const proxied = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
    if (list === undefined || (proxied && !options.proxyTrusted) || !allowed(list, request.ip)) throw notAllowed();
    void reply.header('cache-control', 'no-store').type(METRICS_CONTENT_TYPE);
    return metrics.render(sources);
  });
}
