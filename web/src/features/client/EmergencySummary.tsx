/** The emergency summary card (003 §2.2.8: medication, key contacts, known risks "direct kenbaar"): read by whoever opens the overview, updated by whom the engine lets record in the dossier. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server } from '../../shared/api-client';
import { ProblemBox, TextArea } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { SummaryView } from './EmergencyAccess';

export function EmergencySummaryCard({ clientId, canEdit }: { clientId: string; canEdit: boolean }) {
  const summary = useQuery({
    queryKey: queryKeys.emergencySummary(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/emergency-summary', { params: { path: { clientId } } })),
  });
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ medication: '', keyContacts: '', knownRisks: '' });
  const save = useApiMutation({
    mutationFn: () => dataOf(server.PUT('/api/clients/{clientId}/emergency-summary', { params: { path: { clientId } }, body: draft })),
    invalidates: () => [queryKeys.emergencySummary(clientId)],
    onSuccess: () => setEditing(false),
  });
  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title">Noodsamenvatting</h2>
      <ProblemBox problem={problemOf(summary.error)} />
      {summary.data !== undefined && !editing && (
        <>
          <SummaryView summary={summary.data} />
          {canEdit && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const s = summary.data;
                setDraft({ medication: s.medication, keyContacts: s.keyContacts, knownRisks: s.knownRisks });
                setEditing(true);
              }}
            >Noodsamenvatting bijwerken
            </button>
          )}
        </>
      )}
      {editing && (
        <form onSubmit={submitWith(() => save.mutate())}>
          <TextArea label="Medicatie" value={draft.medication} onChange={(v) => setDraft({ ...draft, medication: v })} rows={2} />
          <TextArea label="Belangrijke contacten" value={draft.keyContacts} onChange={(v) => setDraft({ ...draft, keyContacts: v })} rows={2} />
          <TextArea label="Bekende risico's" value={draft.knownRisks} onChange={(v) => setDraft({ ...draft, knownRisks: v })} rows={2} />
          <ProblemBox problem={problemOf(save.error)} />
          <div className="actions">
            <button type="submit" disabled={save.isPending}>Opslaan</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>Annuleren</button>
          </div>
        </form>
      )}
    </section>
  );
}
