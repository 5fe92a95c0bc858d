/**
 * The recorded procedure a legal-claims reading must name (AVG 18(2); issue
 * 14: purposes are references): a current retention hold on the client's
 * dossier ("needed for a procedure", 003 §3.2), by its id (migration 0050).
 * The question is the retention store's; the gate asks it here.
 */
export { isCurrentHold } from './retention-store.js';
