/**
 * Operator metrics in the Prometheus text format (issue 17 item 5), at
 * `GET /metrics`, for the addresses in DW_METRICS_ALLOW only (default: this
 * host, loopback). docs/operations.md, "Metrics", says what each one means.
 *
 * Our own few counters and histograms instead of prom-client: we need three
 * metric kinds and the text format (version 0.0.4), which fit in this file;
 * prom-client would add a dependency and its default process collectors for
 * no gain here. Labels are route templates (`/api/clients/:clientId`), methods,
 * status classes and fixed outcome names — never an id, a name or a path
 * someone typed: no client data, and a bounded number of series (an unmatched
 * URL counts as the route `(unmatched)`).
 *
 * Where the numbers come from: requests and their latency from Fastify's
 * onResponse hook; database outages from the onError hook
 * (`isDatabaseUnavailable`); the pool from `poolStatus()`, the access log's
 * head (rows written by all servers) from the database, and the PDF queue
 * from the pool — all read at scrape time; export durations from the same
 * onResponse hook, for the routes that make a document; read-log group-commit batches,
 * checkpoint writes, retention sweeps and online backups (the pause they make) as they happen.
 */
import { AsyncResource } from 'node:async_hooks';
import { BlockList, isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readChainHead } from '../access/log-checkpoints.js';
import { ConfigError } from '../config/config.js';
import type { Database } from '../db/database.js';
import { isDatabaseUnavailable } from '../db/database.js';
import { AppError } from '../errors.js';

type Labels = Record<string, string>;

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`).join(',')}}`;
}

function key(labels: Labels): string {
  return JSON.stringify(Object.entries(labels));
}

class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    const current = this.values.get(k);
    if (current === undefined) this.values.set(k, { labels, value: by });
    else current.value += by;
  }

  get(labels: Labels = {}): number {
    return this.values.get(key(labels))?.value ?? 0;
  }

  render(): string[] {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`,
      ...[...this.values.values()].map((v) => `${this.name}${labelText(v.labels)} ${v.value}`)];
  }
}

class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: readonly number[]) {}
  observe(value: number, labels: Labels = {}): void {
    const k = key(labels);
    let s = this.series.get(k);
    if (s === undefined) {
      s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    for (const [i, bound] of this.buckets.entries()) if (value <= bound) s.counts[i]! += 1;
    s.sum += value;
    s.count += 1;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      for (const [i, bound] of this.buckets.entries()) lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(bound) })} ${s.counts[i]}`);
      lines.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`, `${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
    return lines;
  }
}

function gauge(name: string, help: string, values: readonly { labels?: Labels; value: number }[]): string[] {
  return [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, ...values.map((v) => `${name}${labelText(v.labels ?? {})} ${v.value}`)];
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

/** The server's metrics: one instance per app (tests build several apps in one process). */
export class Metrics {
  readonly startedAt = Date.now() / 1000;
  private readonly requests = new Counter('dossierwijzer_http_requests_total', 'HTTP requests answered, by method, route template and status class.');
  private readonly latency = new Histogram('dossierwijzer_http_request_duration_seconds', 'Time to answer an HTTP request, by method and route template.',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]);

  readonly databaseUnavailable = new Counter('dossierwijzer_database_unavailable_total',
    'Requests that failed because the database could not serve (down, unreachable, a timeout, pool exhausted): answered 503.');

  private readonly exports = new Histogram('dossierwijzer_export_duration_seconds',
    'Time to produce an export (copy PDF, letter, portability and transfer files, a download pickup), by document and outcome (ok, refused, failed).',
    [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300]);

  private readonly logBatches = new Histogram('dossierwijzer_access_log_group_commit_rows', 'Access-log rows of reads committed together in one group-commit batch.',
    [1, 2, 5, 10, 25, 50, 100, 250, 500]);

  private readonly checkpointFailures = new Counter('dossierwijzer_log_checkpoint_failures_total', 'Checkpoint writes to DW_LOG_CHECKPOINT_FILE that failed.');
  private checkpointLast: { at: number; seq: number } | undefined;
  private readonly sweeps = new Counter('dossierwijzer_retention_sweeps_total', 'Retention sweeps by outcome: done, skipped (another server held the lock), failed.');
  private readonly sweepLast = new Map<string, number>();

  private readonly backups = new Counter('dossierwijzer_backups_total',
    'Online backups of the embedded database (DW_BACKUP_DIR) by outcome: done, failed, skipped (one was already being taken).');

  private readonly backupPause = new Histogram('dossierwijzer_backup_pause_seconds',
    'How long an online backup held the database handle alone (requests wait this long): the checkpoint and the copy of the folder.',
    [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300]);

  private backupLastDone: number | undefined;

  constructor() {
    // Shown as 0 from the start, so an alert on their rate has a series before the first event.
    this.databaseUnavailable.inc({}, 0);
    this.checkpointFailures.inc({}, 0);
  }

  /** Counts one answered request under its route template (never its URL). */
  observeRequest(request: FastifyRequest, statusCode: number, seconds: number): void {
    const route = request.routeOptions.url ?? '(unmatched)';
    const method = request.method;
    this.requests.inc({ method, route, status_class: `${Math.floor(statusCode / 100)}xx` });
    this.latency.observe(seconds, { method, route });
    const document = exportDocumentOf(route);
    if (document !== undefined) {
      this.exports.observe(seconds, { document, outcome: statusCode < 400 ? 'ok' : statusCode < 500 ? 'refused' : 'failed' });
    }
  }

  observeLogBatch(rows: number): void {
    this.logBatches.observe(rows);
  }

  checkpointWritten(seq: number): void {
    this.checkpointLast = { at: Date.now() / 1000, seq };
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
    if (outcome === 'done') this.backupLastDone = Date.now() / 1000;
  }

  /** Wraps the sweep schedule's log: counts each sweep's outcome and passes every line on. */
  sweepLog(log: SweepLog): SweepLog {
    const record = (outcome: string) => {
      this.sweeps.inc({ outcome });
      this.sweepLast.set(outcome, Date.now() / 1000);
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

  /** The exposition text (Prometheus 0.0.4), with the readings taken now. */
  async render(sources: MetricsSources): Promise<string> {
    const pool = sources.db.poolStatus?.();
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
    const pdf = sources.pdfPool?.();
    const lines = [
      ...gauge('dossierwijzer_process_start_time_seconds', 'When this server process started (Unix time).', [{ value: this.startedAt }]),
      ...this.requests.render(),
      ...this.latency.render(),
      ...this.exports.render(),
      ...this.databaseUnavailable.render(),
      ...gauge('dossierwijzer_database_up', 'Whether the access-log head could be read within DW_READY_TIMEOUT_MS at this scrape.', [{ value: head === undefined ? 0 : 1 }]),
      ...(pool === undefined
        ? []
        : [
            ...gauge('dossierwijzer_db_pool_connections', 'PostgreSQL pool connections of this server: open, idle, max.', [
              { labels: { state: 'open' }, value: pool.size }, { labels: { state: 'idle' }, value: pool.idle }, { labels: { state: 'max' }, value: pool.max }]),
            ...gauge('dossierwijzer_db_pool_waiting', 'Requests waiting for a pool connection now (exhausted while above 0 with open = max).', [{ value: pool.waiting }]),
          ]),
      ...(head === undefined ? [] : gauge('dossierwijzer_access_log_rows', 'Rows in the access log (its head seq; all servers together).', [{ value: head }])),
      ...this.logBatches.render(),
      ...this.checkpointFailures.render(),
      ...(this.checkpointLast === undefined
        ? []
        : [
            ...gauge('dossierwijzer_log_checkpoint_last_written_seconds', 'When this server last wrote a checkpoint (Unix time).', [{ value: this.checkpointLast.at }]),
            ...gauge('dossierwijzer_log_checkpoint_last_seq', 'The access-log row of the last checkpoint this server wrote.', [{ value: this.checkpointLast.seq }]),
          ]),
      ...this.sweeps.render(),
      ...gauge('dossierwijzer_retention_sweep_last_seconds', 'When a retention sweep last ended with each outcome (Unix time).',
        [...this.sweepLast.entries()].map(([outcome, at]) => ({ labels: { outcome }, value: at }))),
      ...this.backups.render(),
      ...this.backupPause.render(),
      ...(this.backupLastDone === undefined
        ? []
        : gauge('dossierwijzer_backup_last_done_seconds', 'When this server last wrote an online backup (Unix time).', [{ value: this.backupLastDone }])),
      ...(pdf === undefined
        ? []
        : gauge('dossierwijzer_pdf_pool', 'PDF worker pool: workers, busy workers, renders queued.', [
            { labels: { state: 'workers' }, value: pdf.workers }, { labels: { state: 'busy' }, value: pdf.busy }, { labels: { state: 'queued' }, value: pdf.queued }])),
    ];
    return `${lines.join('\n')}\n`;
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
export function installMetrics(app: FastifyInstance, metrics: Metrics, options: { allow: string | undefined; proxyTrusted: boolean; sources: MetricsSources }): void {
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
    void reply.header('cache-control', 'no-store').type('text/plain; version=0.0.4; charset=utf-8');
    return metrics.render(sources);
  });
}
