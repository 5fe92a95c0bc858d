/**
 * Server-side sessions: who is calling, and how long a session lasts. The
 * cookie holds a random token; the database holds only its SHA-256, so a
 * leaked table cannot be replayed as cookies. Sessions end on idle timeout,
 * absolute lifetime, logout or a disabled account. The sessions table and
 * everything that starts, resolves or ends a session is session-store.ts; this
 * file holds only the types the gate and the request pipeline name, so that
 * naming the actor pulls in no store.
 */
import type { EmployeeRole } from '../organisation/employee-roles.js';

export interface SessionSettings {
  idleMinutes: number;
  lifetimeMinutes: number;
}

/** Who is calling: the employee behind a valid session. */
export interface Actor {
  employeeId: string;
  organisationId: string;
  role: EmployeeRole;
  displayName: string;
  /** A short, non-secret id of the session for the access log (not the token). */
  sessionId: string;
}

/** A resolved session: who, and whether their role still awaits approval. */
export interface SessionState {
  actor: Actor;
  /** A new account whose privileged role awaits a second person's approval: it may do nothing yet (migrations/0052). */
  rolePending: boolean;
}
