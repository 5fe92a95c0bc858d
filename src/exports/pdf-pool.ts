/**
 * Renders PDFs off the request path (issue 13): a small pool of worker
 * threads, each rendering one document at a time within a time budget and a
 * size budget. A render that overruns its time is stopped by terminating its
 * worker (layout is synchronous work that cannot be interrupted any other
 * way); the request gets 503 with Dutch and English text and the next render
 * gets a fresh worker. Nothing but plain data crosses to the worker (a copy's
 * cover and reader view, a letter's request), and only the PDF's bytes come
 * back, with progress counts on the way.
 *
 * Settings (environment, read per render): `DW_PDF_WORKERS` (default: the
 * cores less one, at least 2 and at most 4), `DW_PDF_TIME_BUDGET_MS` (default
 * 60,000), `DW_PDF_MAX_BYTES` (default 256 MiB), `DW_PDF_QUEUE` (renders that
 * may wait for a worker, default 64; beyond that 503),
 * `DW_PDF_WORKER_IDLE_MS` (default 60,000: a worker idle that long is stopped,
 * so the memory a large document took goes back to the system instead of
 * staying with the process — the server's RSS under load stayed above
 * 300 MB after one copy PDF, issue 18). Idle workers do not keep the process
 * alive.
 *
 * The worker is `pdf-worker.js` beside this module once compiled. Under
 * Vitest this module runs from `src/` as TypeScript, which Node 20 cannot
 * load; the worker then registers a small module hook that compiles our `.ts`
 * files with the TypeScript compiler (a devDependency) — tests render in a
 * real worker too, so they prove what production does.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
import type { ExportPhase, ProgressReporter } from './export-progress.js';

/** A render job: plain, structured-clone-able data with its kind (see pdf-worker.ts). */
export interface PdfJob {
  kind: string;
}

export interface PdfBudget {
  timeBudgetMs: number;
  maxBytes: number;
}

interface PoolSettings extends PdfBudget {
  workers: number;
  maxQueue: number;
  idleMs: number;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}

function settings(): PoolSettings {
  return {
    workers: positiveInt('DW_PDF_WORKERS', Math.min(4, Math.max(2, availableParallelism() - 1))),
    timeBudgetMs: positiveInt('DW_PDF_TIME_BUDGET_MS', 60_000),
    maxBytes: positiveInt('DW_PDF_MAX_BYTES', 256 * 1024 * 1024),
    maxQueue: positiveInt('DW_PDF_QUEUE', 64),
    idleMs: positiveInt('DW_PDF_WORKER_IDLE_MS', 60_000),
  };
}

/** 503: the document could not be made within the budget; the text says what the professional can do. */
export function pdfTooSlow(): AppError {
  return new AppError('pdf-time-budget', 503,
    'Het maken van de PDF duurde te lang en is gestopt. Probeer het later opnieuw; lukt het dan nog niet, neem contact op met de applicatiebeheerder.',
    'Making the PDF took too long and was stopped. Try again later; if it still fails, contact the application administrator.');
}

export function pdfTooLarge(): AppError {
  return new AppError('pdf-size-budget', 503,
    'De PDF werd groter dan is toegestaan en is niet gemaakt. Neem contact op met de applicatiebeheerder.',
    'The PDF grew larger than allowed and was not made. Contact the application administrator.');
}

function pdfBusy(): AppError {
  return new AppError('pdf-busy', 503,
    'Er worden nu te veel PDF\'s tegelijk gemaakt. Probeer het over een paar minuten opnieuw.',
    'Too many PDFs are being made at the moment. Try again in a few minutes.');
}

/** Messages from the worker. */
export type WorkerMessage =
  | { id: number; type: 'progress'; phase: ExportPhase; done: number; total: number }
  | { id: number; type: 'done'; bytes: Uint8Array }
  | { id: number; type: 'failed'; tooLarge: boolean; message: string };

interface Task {
  id: number;
  job: PdfJob;
  budget: PdfBudget;
  progress: ProgressReporter | undefined;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker | undefined;
  task: Task | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Stops the worker once it has been idle for the setting's time. */
  idle: NodeJS.Timeout | undefined;
}

/**
 * The module hook of a worker started from TypeScript sources (tests): `.js`
 * imports of our own files resolve to the `.ts` beside them, which are
 * compiled as they load — with oxc through rolldown (already there under
 * Vitest, which runs on Vite; fast to load) or else the TypeScript compiler.
 */
const DEV_LOADER = `
import { readFile, access } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
const COMPILER = __COMPILER__;
let compile;
async function compiler() {
  if (COMPILER.kind === 'oxc') {
    const { transformSync } = await import(COMPILER.url);
    return (fileName, source) => {
      const out = transformSync(fileName, source, { lang: 'ts', sourcemap: false });
      if (out.errors.length > 0) throw new Error(fileName + ': ' + out.errors.map((e) => e.message).join('; '));
      return out.code;
    };
  }
  const ts = (await import(COMPILER.url)).default;
  return (fileName, source) => ts.transpileModule(source, { fileName, compilerOptions: {
    module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } }).outputText;
}
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const candidate = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
    try { await access(fileURLToPath(candidate)); return { url: candidate.href, format: 'module', shortCircuit: true }; } catch {}
  }
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  compile ??= await compiler();
  const fileName = fileURLToPath(url);
  return { format: 'module', source: compile(fileName, await readFile(fileName, 'utf8')), shortCircuit: true };
}`;

function devCompiler(): { kind: 'oxc' | 'typescript'; url: string } {
  const require = createRequire(import.meta.url);
  try {
    return { kind: 'oxc', url: pathToFileURL(require.resolve('rolldown/experimental')).href };
  } catch {
    return { kind: 'typescript', url: pathToFileURL(require.resolve('typescript')).href };
  }
}

function spawn(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: 1536 } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./pdf-worker.js', import.meta.url), options);
  const loader = `data:text/javascript,${encodeURIComponent(DEV_LOADER.replace('__COMPILER__', JSON.stringify(devCompiler())))}`;
  const entry = new URL('./pdf-worker.ts', import.meta.url).href;
  const code = `require('node:module').register(${JSON.stringify(loader)});
import(${JSON.stringify(entry)}).catch((error) => { console.error(error); process.exit(1); });`;
  return new Worker(code, { ...options, eval: true });
}

class PdfPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;

  /** Worker slots, those rendering now, renders waiting, and workers running (the server's metrics). */
  status(): { workers: number; busy: number; queued: number; running: number } {
    return {
      workers: this.slots.length, busy: this.slots.filter((s) => s.task !== undefined).length, queued: this.queue.length,
      running: this.slots.filter((s) => s.worker !== undefined).length,
    };
  }

  run(job: PdfJob, progress: ProgressReporter | undefined, budget: PdfBudget | undefined): Promise<Buffer> {
    const current = settings();
    while (this.slots.length < current.workers) this.slots.push({ worker: undefined, task: undefined, timer: undefined, idle: undefined });
    if (this.queue.length >= current.maxQueue) return Promise.reject(pdfBusy());
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, budget: budget ?? current, progress, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task !== undefined) continue;
      const task = this.queue.shift();
      if (task === undefined) return;
      this.start(slot, task);
    }
  }

  private start(slot: Slot, task: Task): void {
    clearTimeout(slot.idle);
    slot.idle = undefined;
    const worker = slot.worker ?? this.attach(slot);
    worker.ref();
    slot.task = task;
    slot.timer = setTimeout(() => this.fail(slot, pdfTooSlow()), task.budget.timeBudgetMs);
    worker.postMessage({ id: task.id, job: task.job, maxBytes: task.budget.maxBytes });
  }

  private attach(slot: Slot): Worker {
    const worker = spawn();
    slot.worker = worker;
    worker.on('message', (message: WorkerMessage) => {
      const task = slot.task;
      if (task === undefined || task.id !== message.id) return;
      switch (message.type) {
        case 'progress':
          task.progress?.report(message.phase, message.done, message.total);
          return;
        case 'done':
          this.finish(slot);
          task.resolve(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
          return;
        case 'failed':
          this.finish(slot);
          task.reject(message.tooLarge ? pdfTooLarge() : new Error(`PDF render failed: ${message.message}`));
          return;
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      // Out of memory counts against the size budget; anything else is ours to fix (500).
      this.fail(slot, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? pdfTooLarge() : error);
    });
    worker.on('exit', () => {
      if (slot.worker === worker) {
        slot.worker = undefined;
        if (slot.task !== undefined) this.fail(slot, new Error('the PDF worker stopped'));
      }
    });
    return worker;
  }

  private finish(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.task = undefined;
    slot.worker?.unref();
    this.dispatch();
    const worker = slot.worker;
    if (slot.task === undefined && worker !== undefined) {
      clearTimeout(slot.idle);
      slot.idle = setTimeout(() => {
        if (slot.task !== undefined || slot.worker !== worker) return;
        slot.worker = undefined;
        void worker.terminate();
      }, settings().idleMs);
      slot.idle.unref();
    }
  }

  /** Ends the slot's task with an error; its worker is stopped (it may be mid-layout or dead) and a fresh one serves the next task. */
  private fail(slot: Slot, error: Error): void {
    const task = slot.task;
    const worker = slot.worker;
    if (worker !== undefined) {
      slot.worker = undefined;
      void worker.terminate();
    }
    this.finish(slot);
    task?.reject(error);
  }
}

const pool = new PdfPool();

/**
 * Renders a job in the worker pool; rejects with a 503 AppError when the job
 * overruns its time or size budget (by default the settings above).
 *
 * @example const pdf = await renderInWorker({ kind: 'copy', cover, view }, progress)
 */
export function renderInWorker(job: PdfJob, progress?: ProgressReporter, budget?: PdfBudget): Promise<Buffer> {
  return pool.run(job, progress, budget);
}

/** The pool's state now: workers started, workers rendering, renders waiting for one. */
export function pdfPoolStatus(): { workers: number; busy: number; queued: number; running: number } {
  return pool.status();
}
