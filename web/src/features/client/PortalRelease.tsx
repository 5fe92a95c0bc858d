/**
 * Per entry on the timeline: from when it is in the client portal, and — for the dossier holder, as the engine says
 * (`mayRelease`, `mayWithhold`) — "Vrijgeven" (now) and "Achterhouden" on a ground of the law: serious harm after
 * consulting another professional (Jeugdwet 7.3.2 lid 4) or another person's privacy (Jeugdwet 7.3.10). Issue 19.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { dataOf, server, type BodyOf, type ResponseOf } from '../../shared/api-client';
import { ProblemBox, Select, TextArea } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { involvedProfessionals, useCareTeam } from './care-team';

type Releases = ResponseOf<'/api/clients/{clientId}/portal-releases'>;
type Ground = NonNullable<BodyOf<'/api/clients/{clientId}/entries/{entryId}/portal-release'>['ground']>;
interface ReleaseData extends Releases { clientId: string }

const ReleaseContext = createContext<ReleaseData | undefined>(undefined);

const GROUNDS: [Ground, string][] = [
  ['serious-harm', 'Het zou de cliënt duidelijk ernstig schaden (Jeugdwet 7.3.2 lid 4)'],
  ['privacy-of-another', 'Het beschermt de privacy van een ander (Jeugdwet 7.3.10)'],
];

/** Loads the releases of the client's entries once for the whole timeline. */
export function PortalReleaseProvider({ clientId, children }: { clientId: string; children: ReactNode }) {
  const data = useQuery({
    queryKey: queryKeys.portalReleases(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/portal-releases', { params: { path: { clientId } } })),
  });
  const value = data.data === undefined ? undefined : { clientId, ...data.data };
  return <ReleaseContext.Provider value={value}>{children}</ReleaseContext.Provider>;
}

export function EntryPortalRelease({ entryId }: { entryId: string }) {
  const data = useContext(ReleaseContext);
  const [withholding, setWithholding] = useState(false);
  const clientId = data?.clientId ?? '';
  const release = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/entries/{entryId}/portal-release', {
      params: { path: { clientId, entryId } }, body: { decision: 'release' },
    })),
    invalidates: () => [queryKeys.portalReleases(clientId)],
  });
  const mine = data?.releases.find((r) => r.entryId === entryId);
  const done = () => setWithholding(false);
  if (data === undefined || mine === undefined) return null;
  return (
    <div className="portal-release" data-testid="portal-release">
      <p className="meta">
        <span className="tag">Portaal</span> {mine.text}
        {mine.state === 'withheld' && mine.consulted !== null && <> · overlegd met {mine.consulted}</>}
      </p>
      {(data.mayRelease || data.mayWithhold) && !withholding && (
        <div className="actions">
          {data.mayRelease && mine.state !== 'released' && (
            <button type="button" className="secondary" disabled={release.isPending} onClick={() => release.mutate()}>Vrijgeven</button>
          )}
          {data.mayWithhold && mine.state !== 'withheld' && (
            <button type="button" className="secondary" onClick={() => setWithholding(true)}>Achterhouden</button>
          )}
        </div>
      )}
      <ProblemBox problem={problemOf(release.error)} />
      {withholding && <Withhold clientId={data.clientId} entryId={entryId} onDone={done} onCancel={() => setWithholding(false)} />}
    </div>
  );
}

function Withhold({ clientId, entryId, onDone, onCancel }: { clientId: string; entryId: string; onDone: () => void; onCancel: () => void }) {
  const [ground, setGround] = useState<Ground>('serious-harm');
  const [consulted, setConsulted] = useState('');
  const [reason, setReason] = useState('');
  const team = useCareTeam(clientId);
  const colleagues: [string, string][] = involvedProfessionals(team.data ?? []).filter((p) => !p.holder).map((p) => [p.id, p.name]);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/entries/{entryId}/portal-release', {
      params: { path: { clientId, entryId } },
      body: { decision: 'withhold', ground, reason, ...(consulted === '' ? {} : { consultedEmployeeId: consulted }) },
    })),
    invalidates: () => [queryKeys.portalReleases(clientId)],
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())} aria-label="Stuk achterhouden voor het portaal">
      <Select label="Waarom blijft dit stuk uit het portaal?" value={ground} onChange={(v) => setGround(v as Ground)} options={GROUNDS} required />
      {ground === 'serious-harm' && (
        <Select
          label="Met welke collega hebt u overlegd?"
          value={consulted}
          onChange={setConsulted}
          options={colleagues}
          allowEmpty="Kies een collega"
          hint="Dat moet eerst, volgens Jeugdwet artikel 7.3.2 lid 4."
          required
        />
      )}
      <TextArea label="Toelichting (alleen voor hulpverleners)" value={reason} onChange={setReason} required rows={3} />
      <ProblemBox problem={problemOf(save.error)} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Achterhouden</button>
        <button type="button" className="secondary" onClick={onCancel}>Annuleren</button>
      </div>
    </form>
  );
}
