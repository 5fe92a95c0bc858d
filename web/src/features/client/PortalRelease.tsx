/**
 * Per entry on the timeline: from when it is in the client portal, and — for the dossier holder, as the engine says
 * (`mayRelease`, `mayWithhold`) — "Vrijgeven" (now) and "Achterhouden" on a ground of the law: serious harm after
 * consulting another professional (Jeugdwet 7.3.2 lid 4) or another person's privacy (Jeugdwet 7.3.10). Issue 19.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { get, post } from '../../shared/api';
import { ProblemBox, Select, TextArea, useLoad, useSubmit } from '../../shared/components';
import { involvedProfessionals, useCareTeam } from './care-team';

interface Release { entryId: string; state: 'released' | 'waiting' | 'withheld'; visibleFrom: string | null; text: string; decidedBy: string | null; consulted: string | null }
interface Releases { releaseDays: number; releases: Release[]; mayRelease: boolean; mayWithhold: boolean }
interface ReleaseData extends Releases { clientId: string; reload: () => void }

const ReleaseContext = createContext<ReleaseData | undefined>(undefined);

const GROUNDS: [string, string][] = [
  ['serious-harm', 'Het zou de cliënt duidelijk ernstig schaden (Jeugdwet 7.3.2 lid 4)'],
  ['privacy-of-another', 'Het beschermt de privacy van een ander (Jeugdwet 7.3.10)'],
];

/** Loads the releases of the client's entries once for the whole timeline. */
export function PortalReleaseProvider({ clientId, children }: { clientId: string; children: ReactNode }) {
  const data = useLoad(() => get<Releases>(`/api/clients/${clientId}/portal-releases`), [clientId]);
  const value = data.data === undefined ? undefined : { clientId, ...data.data, reload: data.reload };
  return <ReleaseContext.Provider value={value}>{children}</ReleaseContext.Provider>;
}

export function EntryPortalRelease({ entryId }: { entryId: string }) {
  const data = useContext(ReleaseContext);
  const [withholding, setWithholding] = useState(false);
  const release = useSubmit(() => post(`/api/clients/${data?.clientId ?? ''}/entries/${entryId}/portal-release`, { decision: 'release' }), () => data?.reload());
  const mine = data?.releases.find((r) => r.entryId === entryId);
  const done = () => {
    setWithholding(false);
    data?.reload();
  };
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
            <button type="button" className="secondary" disabled={release.busy} onClick={() => void release.submit()}>Vrijgeven</button>
          )}
          {data.mayWithhold && mine.state !== 'withheld' && (
            <button type="button" className="secondary" onClick={() => setWithholding(true)}>Achterhouden</button>
          )}
        </div>
      )}
      <ProblemBox problem={release.problem} />
      {withholding && <Withhold clientId={data.clientId} entryId={entryId} onDone={done} onCancel={() => setWithholding(false)} />}
    </div>
  );
}

function Withhold({ clientId, entryId, onDone, onCancel }: { clientId: string; entryId: string; onDone: () => void; onCancel: () => void }) {
  const [ground, setGround] = useState('serious-harm');
  const [consulted, setConsulted] = useState('');
  const [reason, setReason] = useState('');
  const team = useCareTeam(clientId);
  const colleagues: [string, string][] = involvedProfessionals(team.data ?? []).filter((p) => !p.holder).map((p) => [p.id, p.name]);
  const save = useSubmit(() => post(`/api/clients/${clientId}/entries/${entryId}/portal-release`, {
    decision: 'withhold', ground, reason, ...(consulted === '' ? {} : { consultedEmployeeId: consulted }),
  }), onDone);
  return (
    <form onSubmit={(e) => void save.submit(e)} aria-label="Stuk achterhouden voor het portaal">
      <Select label="Waarom blijft dit stuk uit het portaal?" value={ground} onChange={setGround} options={GROUNDS} required />
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
      <ProblemBox problem={save.problem} />
      <div className="actions">
        <button type="submit" disabled={save.busy}>Achterhouden</button>
        <button type="button" className="secondary" onClick={onCancel}>Annuleren</button>
      </div>
    </form>
  );
}
