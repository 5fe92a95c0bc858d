/**
 * Drafts (issue 15, "nothing typed is lost"): a form saves what is typed as a
 * draft on the server a moment after typing stops (sealed under the client's
 * key, only for its author, not part of the dossier). A save that fails
 * because the session ended is kept in memory, for this employee only, and
 * saved again after they log in; the form comes back with it.
 *
 * The timeline's forms (an entry, an annotation) are drafts about no request;
 * a request's forms (the decision and its reasons, the extension notice, the
 * own statement) are drafts about that request, found again on its page.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, newProgressId } from './api';
import { dataOf, server, type BodyOf, type ResponseOf } from './api-client';
import { queryClient } from './query';
import { queryKeys } from './query-keys';

type SavedDraft = ResponseOf<'/api/clients/{clientId}/drafts'>['drafts'][number];
type DraftBody = BodyOf<'/api/clients/{clientId}/drafts/{draftId}', 'put'>;
export type DraftTarget = DraftBody['target'];
/**
 * The form's fields as the form holds them (strings from its inputs; the server's closed schema checks each on save),
 * keyed as the schema's: `text` is each form's free text, `facts` a decision's.
 */
export type DraftFields = { [K in keyof DraftBody['fields']]?: DraftBody['fields'][K] extends readonly unknown[] | undefined ? string[] : string };
/** A draft as the server answers it, its fields as a form holds them. */
export type Draft = Omit<SavedDraft, 'fields'> & { fields: DraftFields };

/** One's own drafts about the client: the timeline's (about no request), or, with `requestId`, those about that request. */
export async function listDrafts(clientId: string, requestId?: string): Promise<Draft[]> {
  const query = requestId === undefined ? {} : { requestId };
  return (await dataOf(server.GET('/api/clients/{clientId}/drafts', { params: { path: { clientId }, query } }))).drafts;
}

/** Saves a draft under its id; the server checks the fields against its closed schema (a form's strings are no proof). */
function saveDraft(clientId: string, draftId: string, body: PendingBody): Promise<SavedDraft> {
  return dataOf(server.PUT('/api/clients/{clientId}/drafts/{draftId}', { params: { path: { clientId, draftId } }, body: body as DraftBody }));
}

/** A draft's body as the form sends it. */
interface PendingBody { target: DraftTarget; entryId?: string; requestId?: string; fields: DraftFields }

export async function discardDraft(clientId: string, id: string, requestId?: string): Promise<void> {
  pending.delete(id);
  try {
    const query = requestId === undefined ? {} : { requestId };
    await dataOf(server.DELETE('/api/clients/{clientId}/drafts/{draftId}', { params: { path: { clientId, draftId: id }, query } }));
  } catch (error) {
    // Already gone (finalised elsewhere, expired): nothing to discard.
    if (!(error instanceof ApiError && error.problem.status === 404)) throw error;
  } finally {
    if (requestId !== undefined) void queryClient.invalidateQueries({ queryKey: requestDraftsKey(clientId, requestId) });
  }
}

/** One's drafts about a request, as a card of the client (cleared with every other answer when the session ends). */
const requestDraftsKey = (clientId: string, requestId: string) => queryKeys.clientCard(clientId, 'drafts', requestId);

/** Saves not yet on the server (the session had ended), by draft id; only for the employee who typed them. */
const pending = new Map<string, { clientId: string; body: PendingBody }>();
let owner: string | undefined;
/** The form that was open when the session ended: it opens again with its draft after the log-in. */
let openForm: { clientId: string; draftId: string } | undefined;

/** Called with the logged-in employee: another employee's unsaved text is dropped, never saved under their name. */
export function setDraftOwner(employeeId: string, role: string): void {
  recorder = role === 'care-professional' || role === 'intern';
  if (owner !== employeeId) {
    pending.clear();
    openForm = undefined;
  }
  owner = employeeId;
}

/** Saves again what could not be saved while the session was gone. */
export async function flushPendingDrafts(): Promise<void> {
  for (const [id, { clientId, body }] of [...pending]) {
    try {
      await saveDraft(clientId, id, body);
      pending.delete(id);
    } catch {
      return;
    }
  }
}

/** The draft of the form that was open when the session ended, for this client, if any (taken once). */
export function takeOpenForm(clientId: string): string | undefined {
  if (openForm?.clientId !== clientId) return undefined;
  const { draftId } = openForm;
  openForm = undefined;
  return draftId;
}

/** A pending (unsaved) version of a draft, which is newer than the server's. */
export function pendingDraft(id: string): { target: DraftTarget; entryId: string | null; requestId: string | null; fields: DraftFields } | undefined {
  const body = pending.get(id)?.body;
  return body === undefined ? undefined : { target: body.target, entryId: body.entryId ?? null, requestId: body.requestId ?? null, fields: body.fields };
}

/**
 * The draft of a request's form (`target`) to open it with: the unsaved version kept when the session ended (newer), else
 * the last one saved; loaded once per request page. `draft` is undefined while loading, null when there is none.
 */
export function useRequestDraft(clientId: string, requestId: string, target: DraftTarget, enabled = true): { draft: Draft | null | undefined } {
  const saved = useQuery({
    queryKey: requestDraftsKey(clientId, requestId),
    queryFn: () => listDrafts(clientId, requestId),
    enabled,
  });
  // Decided once: the pending version is saved after the log-in and leaves `pending`, and the form must not start over then.
  const [chosen, setChosen] = useState<Draft | null>();
  if (chosen !== undefined || (enabled && saved.isPending)) return { draft: chosen };
  const unsaved = [...pending].find(([, p]) => p.clientId === clientId && p.body.requestId === requestId && p.body.target === target);
  const draft = unsaved === undefined
    // A draft that cannot be listed (refused, offline) does not keep the form away: it opens empty.
    ? (saved.data ?? []).find((d) => d.target === target) ?? null
    : { id: unsaved[0], clientId, target, entryId: unsaved[1].body.entryId ?? null, requestId, fields: unsaved[1].body.fields, updatedAt: '', expiresAt: '' };
  setChosen(draft);
  return { draft };
}

/** Whether this employee's role may record in a dossier at all (the others are not asked for the timeline's drafts). */
let recorder = false;
export function mayKeepDrafts(): boolean {
  return recorder;
}

const time = (iso: string) => new Date(iso).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });

export type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'kept' } | { state: 'failed'; nl: string };

/** The quiet line under a form: when the draft was last saved. */
export function saveLine(s: SaveState): string {
  switch (s.state) {
    case 'idle': return '';
    case 'saving': return 'Concept opslaan…';
    case 'saved': return `Concept opgeslagen om ${time(s.at)}`;
    case 'kept': return 'Uw sessie is afgelopen. Uw tekst is bewaard en wordt opgeslagen zodra u weer bent ingelogd.';
    case 'failed': return `Concept niet opgeslagen: ${s.nl}`;
  }
}

/**
 * Autosaves a form as a draft: `fields` is saved 1.5 s after the last change (and at least every 20 s while
 * typing goes on). Returns the draft's id, the save state, and `finish()` to remove the draft once the entry is
 * posted (or `discard()` when the user cancels on purpose).
 */
export function useDraft(
  clientId: string, target: DraftTarget, fields: DraftFields, options: { id?: string; entryId?: string; requestId?: string; enabled?: boolean } = {},
) {
  const [id] = useState(() => options.id ?? newProgressId());
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const first = useRef(true);
  const lastSaved = useRef(0);
  const serial = JSON.stringify(fields);
  const enabled = options.enabled !== false;
  // The timeline's form is remembered while open, and still when it goes because the session ended; `close()` forgets
  // it. A request's forms need no reminder: its page opens them again with their drafts (useRequestDraft).
  const reopens = options.requestId === undefined;
  useEffect(() => {
    if (reopens) openForm = { clientId, draftId: id };
  }, [clientId, id, reopens]);
  useEffect(() => {
    // The first render is what was loaded, not typed.
    if (first.current) {
      first.current = false;
      return undefined;
    }
    if (!enabled) return undefined;
    const body: PendingBody = {
      target, fields: JSON.parse(serial) as DraftFields,
      ...(options.entryId === undefined ? {} : { entryId: options.entryId }), ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
    };
    const wait = Date.now() - lastSaved.current > 20_000 && lastSaved.current > 0 ? 0 : 1500;
    const timer = setTimeout(() => {
      lastSaved.current = Date.now();
      setSave({ state: 'saving' });
      pending.set(id, { clientId, body });
      saveDraft(clientId, id, body).then((draft) => {
        if (pending.get(id)?.body === body) pending.delete(id);
        // The request's form opened again (a remount) must ask for this version, not take the cached one.
        if (options.requestId !== undefined) void queryClient.invalidateQueries({ queryKey: requestDraftsKey(clientId, options.requestId), refetchType: 'none' });
        setSave({ state: 'saved', at: draft.updatedAt });
      }, (error: unknown) => {
        if (error instanceof ApiError && error.problem.status === 401) {
          if (reopens) openForm = { clientId, draftId: id };
          setSave({ state: 'kept' });
        } else {
          pending.delete(id);
          setSave({ state: 'failed', nl: error instanceof ApiError ? error.problem.nl : 'onbekende fout' });
        }
      });
    }, wait);
    return () => clearTimeout(timer);
  }, [clientId, id, target, serial, enabled, options.entryId, options.requestId, reopens]);
  const close = () => {
    if (openForm?.draftId === id) openForm = undefined;
  };
  return {
    id, save,
    /** The form is closed on purpose; the draft stays in the list of drafts. */
    close,
    /** After the entry is posted: the draft goes (the dossier has the text now). */
    finish: () => {
      close();
      return discardDraft(clientId, id, options.requestId);
    },
  };
}
