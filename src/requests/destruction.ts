/**
 * Carrying out a granted destruction (Jeugdwet 7.3.9; 003 §3.3) through the
 * one sanctioned path: the database functions that alone may delete care
 * content. A whole dossier loses its data key too, so every copy of its
 * ciphertext (backups included) becomes unreadable. Leaves a destruction
 * record apart from the dossier: what kind, when, at whose request, on which
 * decision — never what was in it.
 */
import type { ClientScope } from '../access/client-access.js';
import { ENTRY_KINDS, partOfEntryKind } from '../dossier/entry-kinds.js';
import type { Queryable } from '../db/database.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { Citation, type Part } from '../rules/index.js';
import { destroyDossier, destructionsOf, type DossierDestruction } from './destruction-store.js';
import { requestsOf } from './request-store.js';

/**
 * Runs a call of one of the database's decision functions (migration 0055) and turns their refusals into the
 * answers the API gives. The functions are the last line, not the first: the engine and the services refuse the
 * same things earlier with their own explanation; these answers appear only when that line was passed.
 */
export async function decideInDatabase<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    switch (code) {
      case 'DW003':
        throw forbidden(
          'Dit besluit is niet aan u. Over een verzoek beslist de dossierhouder van de cliënt of een manager; het einde van de bewaartermijn bevestigt de privacyfunctionaris.',
          'This decision is not yours: a request is decided by the client\'s dossier holder or a manager; a retention destruction is confirmed by the privacy officer.');
      case 'DW004':
        throw new AppError('consulted-professional-required', 400,
          'Wie weigert omdat inzage of informatie de cliënt ernstig zou schaden, overlegt eerst met een andere deskundige hulpverlener. Noem wie u raadpleegde (naam en functie).',
          'A refusal on serious harm names the other professional consulted (Jeugdwet 7.3.2 lid 4).', { field: 'consultedProfessional', basis: [Citation.jeugdwet_7_3_2] });
      case 'DW005':
        throw forbidden('Een tweede persoon bevestigt de vernietiging: wie besliste kan niet ook bevestigen.',
          'A second person confirms the destruction: the decider cannot also confirm it.', [Citation.jeugdwet_7_3_9]);
      case 'DW006':
        throw conflict('destruction-needs-confirmation',
          'De vernietiging wacht op de bevestiging van een tweede bevoegde persoon (dossierhouder, manager of privacyfunctionaris, niet wie besliste).',
          'The destruction waits for the confirmation of a second authorised person (not the decider).');
      default:
        throw error;
    }
  }
}

/**
 * The second person's confirmation of a granted destruction (issue 14: an organisation setting, on by default).
 * The database function checks that the confirmer is authorised and not the decider, and writes its log row.
 */
export async function confirmDestruction(scope: ClientScope, requestId: string): Promise<void> {
  const requests = requestsOf(scope);
  // The state is the request's, not the confirmer's: a request that is no granted destruction awaiting its second
  // person answers as such (404/409), rather than as the function's refusal of the confirmer (403).
  const request = await requests.destructionFacts(requestId);
  if (request === undefined) throw notFound('Dit verzoek bestaat niet.', 'This request does not exist.');
  if (request.kind !== 'destroy' || request.state !== 'decided' || (request.decision !== 'granted' && request.decision !== 'partly')) {
    throw conflict('not-a-granted-destruction', 'Alleen een toegewezen verzoek om vernietiging, dat nog niet is uitgevoerd, wordt door een tweede persoon bevestigd.',
      'Only a granted destruction request that has not been carried out is confirmed by a second person.');
  }
  if (request.confirmed) throw conflict('already-confirmed', 'Deze vernietiging is al bevestigd.', 'This destruction was already confirmed.');
  await decideInDatabase(() => requests.confirmDestruction(requestId));
}

export interface DestructionRecord {
  scope: 'whole-dossier' | 'part';
  part: string;
  entriesDestroyed: number;
}

/** Destroys the part of the dossier a decided request names, and records it. */
export async function executeDestruction(scope: ClientScope, request: { id: string; part: Part; decidedOn: string }): Promise<DestructionRecord> {
  const destructions = destructionsOf(scope);
  if (request.part === 'dossier') {
    // Content, key and work notes go; the function writes the destruction record and its log row in the same statement.
    const removed = await decideInDatabase(() => destructions.wholeDossier(request));
    return { scope: 'whole-dossier', part: 'dossier', entriesDestroyed: removed };
  }
  const kinds = ENTRY_KINDS.filter((kind) => partOfEntryKind(kind) === request.part);
  // The database function writes the destruction record itself: no destruction without one (migration 0018).
  const removed = await decideInDatabase(() => destructions.part(kinds, request));
  return { scope: 'part', part: request.part, entriesDestroyed: removed };
}

/**
 * Destroys a whole dossier (content rows removed, data key destroyed) and
 * records it, in the caller's transaction: the path for a dossier whose
 * retention period ended (reason 'retention-expired', no request; `decidedOn`
 * is the privacy officer's confirmation and `executedBy` who confirmed), run by
 * the retention sweep outside any scope.
 */
export async function destroyWholeDossier(tx: Queryable, input: DossierDestruction): Promise<DestructionRecord> {
  // Content, key and work notes go; the function writes the destruction record in the same statement (migration 0018).
  // The function also writes the destruction's own access-log row (migration 0055).
  const removed = await decideInDatabase(() => destroyDossier(tx, input));
  return { scope: 'whole-dossier', part: 'dossier', entriesDestroyed: removed };
}

/**
 * Destroys the named entries of a partly granted destruction, and records it
 * (the database function writes the record in the same statement).
 */
export async function destroyEntries(scope: ClientScope, request: { id: string; part: Part; decidedOn: string; entryIds: readonly string[] }): Promise<DestructionRecord> {
  const removed = await decideInDatabase(() => destructionsOf(scope).entries(request.entryIds, request));
  return { scope: 'part', part: request.part, entriesDestroyed: removed };
}
