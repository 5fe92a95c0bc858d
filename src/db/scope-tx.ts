/**
 * Where a scope keeps its transaction (issue 14, "One gate"). A scope is the
 * gate's proof that an act was decided and is being logged; the work gets the
 * scope, never the transaction. Only code that may import values from db/ —
 * the gate and the owners' stores (`*-store.ts`, enforced by lint) — can open
 * it, so a service cannot write SQL on a client's rows beside its store.
 */
import type { Queryable } from './database.js';

export const SCOPE_TX: unique symbol = Symbol('dossierwijzer.scope-transaction');

/** A scope made by the gate: its transaction is behind a symbol only stores import. */
export interface HoldsTransaction {
  readonly [SCOPE_TX]: Queryable;
}

/** The transaction of a scope, for a store bound to it. */
export function txOf(scope: HoldsTransaction): Queryable {
  return scope[SCOPE_TX];
}
