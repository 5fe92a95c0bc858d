/**
 * Progress of long exports (a copy PDF or data export of a large dossier),
 * so the web application can show how far it is. The caller names a progress
 * id (a UUID of its own) in the header `x-dossierwijzer-progress` when it asks
 * for the export, and polls `GET /api/exports/progress/{id}` meanwhile. Only
 * numbers are kept — never client data — in this process's memory, for the
 * employee who started the export only, and forgotten shortly after.
 */
import type { FastifyRequest } from 'fastify';

export const PROGRESS_HEADER = 'x-dossierwijzer-progress';
const KEEP_AFTER_FINISH_MS = 5 * 60_000;
const MAX_TRACKED = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** read: entries decrypted and put to the rules; render: pages laid out. */
export type ExportPhase = 'read' | 'render' | 'done';

export interface ProgressSnapshot {
  phase: ExportPhase;
  done: number;
  total: number;
}

export interface ProgressReporter {
  report(phase: ExportPhase, done: number, total: number): void;
}

interface Tracked extends ProgressSnapshot {
  employeeId: string;
  finishedAt: number | null;
}

const tracked = new Map<string, Tracked>();

function forgetOld(now: number): void {
  for (const [id, t] of tracked) {
    if (t.finishedAt !== null && now - t.finishedAt > KEEP_AFTER_FINISH_MS) tracked.delete(id);
  }
}

/** A reporter for the export this request asked to follow; a silent one when it asked for none. */
export function progressOf(request: FastifyRequest, employeeId: string): ProgressReporter {
  const header = request.headers[PROGRESS_HEADER];
  const id = typeof header === 'string' && UUID.test(header) ? header.toLowerCase() : undefined;
  if (id === undefined) return { report: () => undefined };
  forgetOld(Date.now());
  if (tracked.size >= MAX_TRACKED || (tracked.has(id) && tracked.get(id)!.employeeId !== employeeId)) return { report: () => undefined };
  tracked.set(id, { employeeId, phase: 'read', done: 0, total: 0, finishedAt: null });
  return {
    report(phase, done, total) {
      const t = tracked.get(id);
      if (t === undefined) return;
      Object.assign(t, { phase, done, total, finishedAt: phase === 'done' ? Date.now() : null });
    },
  };
}

/** The progress of one export, for the employee who started it; undefined for anyone else. */
export function progressFor(id: string, employeeId: string): ProgressSnapshot | undefined {
  const t = tracked.get(id.toLowerCase());
  if (t === undefined || t.employeeId !== employeeId) return undefined;
  return { phase: t.phase, done: t.done, total: t.total };
}

/** Lets a long synchronous loop give the event loop a turn, so progress polls are answered meanwhile. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
