/**
 * Admission control (issue 18 item 3): at most `maxActive` /api requests are
 * worked on at once; up to `maxQueued` more wait, first come first served, at
 * most `maxWaitMs` each; anything beyond is answered at once with 503
 * problem+json and Retry-After (code `overloaded`), before its session is
 * even looked up. Sixty-four requests on two cores do not finish sooner by
 * running at once — their backends only take the cores from each other and
 * p99 grows without bound; a few at a time keep the database busy, and a
 * bounded queue turns overload into a quick, honest "try again".
 *
 * Only /api routes are admitted here: the health probes, /metrics and the
 * web application's files must still answer when the API is full. A request
 * holds its place from its first hook (before authentication) until its
 * answer has left or its client went away.
 *
 * Defaults are sized to the machine (src/config: DW_MAX_ACTIVE_REQUESTS,
 * DW_MAX_QUEUED_REQUESTS, DW_MAX_QUEUE_WAIT_MS).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export interface AdmissionSettings {
  /** Requests worked on at once. */
  maxActive: number;
  /** Requests that may wait for a place; 0 = none wait, a full house answers 503 at once. */
  maxQueued: number;
  /** How long a request may wait for a place before it is answered 503. */
  maxWaitMs: number;
}

export interface AdmissionStatus {
  active: number;
  queued: number;
  /** Requests answered 503 since the start. */
  refused: number;
}

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

/** The counter and the queue, without HTTP (what the hook below and the tests drive). */
export class Admission {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private refused = 0;

  constructor(private readonly settings: AdmissionSettings) {}

  /** Resolves true once the caller holds a place (it must `leave()` after), false when refused (full queue, waited too long). */
  enter(): Promise<boolean> {
    if (this.active < this.settings.maxActive && this.waiting.length === 0) {
      this.active += 1;
      return Promise.resolve(true);
    }
    if (this.waiting.length >= this.settings.maxQueued) {
      this.refused += 1;
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(waiter.timer);
          resolve(true);
        },
        timer: setTimeout(() => {
          const at = this.waiting.indexOf(waiter);
          if (at >= 0) this.waiting.splice(at, 1);
          this.refused += 1;
          resolve(false);
        }, this.settings.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** Gives a place back: the longest waiting request gets it. */
  leave(): void {
    const next = this.waiting.shift();
    if (next !== undefined) next.admit(); // the place passes on: `active` stays
    else this.active = Math.max(0, this.active - 1);
  }

  status(): AdmissionStatus {
    return { active: this.active, queued: this.waiting.length, refused: this.refused };
  }
}

export function overloaded(): AppError {
  return new AppError('overloaded', 503,
    'Het is nu erg druk; uw verzoek is niet uitgevoerd en er is niets opgeslagen. Probeer het over een paar tellen opnieuw.',
    'The server is too busy right now; your request was not carried out and nothing was saved. Try again in a few seconds.');
}

const HOLDS_PLACE = Symbol('admission place');
type Admitted = FastifyRequest & { [HOLDS_PLACE]?: boolean };

/** Admits /api requests through `admission`; register before authentication so a refused request costs no query. */
export function installAdmission(server: FastifyInstance, admission: Admission): void {
  const leave = (request: Admitted) => {
    if (request[HOLDS_PLACE] !== true) return;
    request[HOLDS_PLACE] = false;
    admission.leave();
  };
  server.addHook('onRequest', async (request: Admitted) => {
    const url = request.routeOptions.url;
    if (url === undefined || !url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    // problem.ts answers every 503 as problem+json with Retry-After.
    if (!(await admission.enter())) throw overloaded();
    // A client that went away while it waited has had its abort hook already: give the place on at once.
    if (request.raw.destroyed || request.raw.socket?.destroyed === true) {
      admission.leave();
      throw overloaded();
    }
    request[HOLDS_PLACE] = true;
  });
  server.addHook('onResponse', (request: Admitted, _reply, done) => {
    leave(request);
    done();
  });
  server.addHook('onRequestAbort', (request: Admitted, done) => {
    leave(request);
    done();
  });
}
