/**
 * The data breach register (AVG 33–34): every breach with the clients it concerns by name, the 72-hour deadline for
 * the Autoriteit Persoonsgegevens as a date in words, the risk assessment, whether the AP was notified and the
 * clients informed (each "no" with its reason), and closing it. What cannot be taken back — notified, informed,
 * closed — asks first (issue 15 item 10). The affected clients are found by name (ClientSearch), never by id.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf, type ResponseOf } from '../../shared/api-client';
import { ConfirmButton, Loading, ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import { formatDate } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { ClientSearch } from './ClientSearch';
import { BREACH_RISKS, BREACH_STATUSES } from '../../../../src/shared/labels.js';

// The catalogue's labels (one label per code, known to the raw-code scan).
const RISKS = BREACH_RISKS;
const STATUSES = BREACH_STATUSES;

type Breach = ResponseOf<'/api/privacy/breaches'>['breaches'][number];
type Named = Breach['clients'][number];
type Patch = BodyOf<'/api/privacy/breaches/{id}', 'patch'>;
type Risk = Breach['risk'];
const BREACHES = queryKeys.privacy('breaches');

export function BreachRegister() {
  const list = useQuery({ queryKey: BREACHES, queryFn: () => dataOf(server.GET('/api/privacy/breaches')) });
  return (
    <section aria-labelledby="breaches-title">
      <h2 id="breaches-title">Datalekken</h2>
      <p>Een datalek met risico meldt u binnen 72 uur na ontdekking bij de Autoriteit Persoonsgegevens (AVG 33). Ook als u niet meldt, legt u hier vast waarom.</p>
      {list.isPending && <Loading what="Datalekken" />}
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && (list.data.breaches.length === 0
        ? <p>Geen datalekken vastgelegd.</p>
        : <ul className="plain" data-testid="breaches">{list.data.breaches.map((b) => <BreachItem key={b.id} breach={b} />)}</ul>)}
      <NewBreach />
    </section>
  );
}

const names = (clients: readonly Named[]) => (clients.length === 0 ? 'nog niemand genoemd' : clients.map((c) => c.name).join(', '));

function BreachItem({ breach: b }: { breach: Breach }) {
  const patch = useApiMutation({
    mutationFn: (body: Patch) => dataOf(server.PATCH('/api/privacy/breaches/{id}', { params: { path: { id: b.id } }, body })),
    invalidates: () => [BREACHES],
  });
  const send = (body: Patch) => patch.mutate(body);
  const busy = patch.isPending;
  const open = b.status !== 'closed';
  return (
    <li className="card" data-testid="breach">
      <h3>{STATUSES[b.status]}: {b.description}</h3>
      <p>Ontdekt op {formatDate(b.discoveredAt)}. Risico: {RISKS[b.risk]}.</p>
      <p>Betrokken cliënten: {names(b.clients)}.</p>
      <p className="meta">Vastgelegd door {b.createdBy ?? 'het systeem (na een beoordeling van noodtoegang)'}.</p>
      {b.riskAssessment !== null && <p>Beoordeling: {b.riskAssessment}</p>}
      <ApNotification breach={b} open={open} busy={busy} send={send} />
      <ClientsInformed breach={b} open={open} busy={busy} send={send} />
      <ProblemBox problem={problemOf(patch.error)} />
      {open && (
        <div className="actions">
          <AffectedClients breach={b} onSave={(clientIds) => send({ clientIds })} busy={busy} />
          <RiskForm breach={b} onSave={(risk, riskAssessment) => send({ risk, ...(riskAssessment.trim() === '' ? {} : { riskAssessment }) })} busy={busy} />
          <ConfirmButton
            disabled={busy}
            ariaLabel={`Datalek afsluiten: ${b.description}`}
            question="Dit datalek afsluiten? Daarna kunt u het hier niet meer wijzigen."
            confirm="Ja, afsluiten"
            onConfirm={() => send({ status: 'closed' })}
          >Afsluiten
          </ConfirmButton>
        </div>
      )}
    </li>
  );
}

/** AVG 33: notified to the AP by the deadline, or not with the reason; either is final. */
function ApNotification({ breach: b, open, busy, send }: { breach: Breach; open: boolean; busy: boolean; send: (body: Patch) => void }) {
  const [reason, setReason] = useState('');
  const ap = b.apNotification;
  if (ap.notified === true) return <p>Gemeld bij de Autoriteit Persoonsgegevens{ap.notifiedAt === null ? '' : ` op ${formatDate(ap.notifiedAt)}`}.</p>;
  if (ap.notified === false) return <p>Niet gemeld bij de Autoriteit Persoonsgegevens: {ap.reason ?? ''}</p>;
  return (
    <div className="subform">
      <p className={ap.overdue ? 'warning' : undefined} role="status">
        Melden bij de Autoriteit Persoonsgegevens: uiterlijk {formatDate(ap.deadline)} ({ap.text}).
      </p>
      {open && (
        <>
          <ConfirmButton className="" disabled={busy} question="Vastleggen dat dit datalek nu is gemeld bij de Autoriteit Persoonsgegevens? Dit kunt u niet terugdraaien." confirm="Ja, gemeld" onConfirm={() => send({ apNotification: { notified: true } })}>
            Gemeld bij de AP
          </ConfirmButton>
          <TextInput label="Reden om niet te melden" value={reason} onChange={setReason} hint="Bijvoorbeeld: het lek levert waarschijnlijk geen risico op voor de betrokkenen." />
          <ConfirmButton disabled={busy || reason.trim() === ''} question="Vastleggen dat u dit datalek niet meldt, met deze reden? Dit kunt u niet terugdraaien." confirm="Ja, niet melden" onConfirm={() => send({ apNotification: { notified: false, reason: reason.trim() } })}>
            Niet melden
          </ConfirmButton>
        </>
      )}
    </div>
  );
}

/** AVG 34: with a high risk the clients are told without undue delay; not telling them needs a reason. Either is final. */
function ClientsInformed({ breach: b, open, busy, send }: { breach: Breach; open: boolean; busy: boolean; send: (body: Patch) => void }) {
  const [reason, setReason] = useState('');
  const told = b.clientsInformed;
  if (told.informed === true) return <p>De betrokkenen zijn geïnformeerd{told.informedAt === null ? '' : ` op ${formatDate(told.informedAt)}`}.</p>;
  if (told.informed === false) return <p>De betrokkenen zijn niet geïnformeerd: {told.reason ?? ''}</p>;
  if (!open) return null;
  return (
    <div className="subform">
      <p>
        Zijn de betrokkenen geïnformeerd (AVG 34)?
        {b.risk === 'high-risk' ? ' Bij een hoog risico moet dat zonder onnodige vertraging.' : ' Dat moet als het risico hoog is.'}
      </p>
      <ConfirmButton className="" disabled={busy} question="Vastleggen dat de betrokkenen nu zijn geïnformeerd? Dit kunt u niet terugdraaien." confirm="Ja, geïnformeerd" onConfirm={() => send({ clientsInformed: { informed: true } })}>
        Betrokkenen geïnformeerd
      </ConfirmButton>
      <TextInput label="Reden om de betrokkenen niet te informeren" value={reason} onChange={setReason} />
      <ConfirmButton disabled={busy || reason.trim() === ''} question="Vastleggen dat u de betrokkenen niet informeert, met deze reden? Dit kunt u niet terugdraaien." confirm="Ja, niet informeren" onConfirm={() => send({ clientsInformed: { informed: false, reason: reason.trim() } })}>
        Niet informeren
      </ConfirmButton>
    </div>
  );
}

/** The affected clients of a breach, changed by name. */
function AffectedClients({ breach: b, onSave, busy }: { breach: Breach; onSave: (clientIds: string[]) => void; busy: boolean }) {
  const [editing, setEditing] = useState(false);
  const [clients, setClients] = useState<Named[]>(b.clients);
  const start = () => {
    setClients(b.clients);
    setEditing(true);
  };
  const save = () => {
    onSave(clients.map((c) => c.id));
    setEditing(false);
  };
  if (!editing) return <button type="button" className="secondary" onClick={start}>Betrokken cliënten wijzigen</button>;
  return (
    <div className="subform card" role="group" aria-label="Betrokken cliënten wijzigen">
      <ChosenClients clients={clients} onRemove={(id) => setClients((now) => now.filter((c) => c.id !== id))} />
      <ClientSearch label="Cliënt toevoegen (naam)" choose="Toevoegen" exclude={clients.map((c) => c.id)} onChoose={(c) => setClients((now) => [...now, c])} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={save}>Cliënten opslaan</button>
        <button type="button" className="secondary" onClick={() => setEditing(false)}>Annuleren</button>
      </div>
    </div>
  );
}

/** The risk and its assessment, changed once the officer has assessed it (a breach made from an emergency review starts unassessed). */
function RiskForm({ breach: b, onSave, busy }: { breach: Breach; onSave: (risk: Risk, assessment: string) => void; busy: boolean }) {
  const [editing, setEditing] = useState(false);
  const [risk, setRisk] = useState<Risk>(b.risk);
  const [assessment, setAssessment] = useState(b.riskAssessment ?? '');
  const save = () => {
    onSave(risk, assessment);
    setEditing(false);
  };
  if (!editing) return <button type="button" className="secondary" onClick={() => setEditing(true)}>Risico beoordelen</button>;
  return (
    <div className="subform card" role="group" aria-label="Risico beoordelen">
      <Select label="Risico" value={risk} onChange={(v) => setRisk(v as Risk)} options={RISKS} />
      <TextArea label="Beoordeling van het risico" value={assessment} onChange={setAssessment} rows={2} />
      <div className="actions">
        <button type="button" disabled={busy} onClick={save}>Beoordeling opslaan</button>
        <button type="button" className="secondary" onClick={() => setEditing(false)}>Annuleren</button>
      </div>
    </div>
  );
}

function ChosenClients({ clients, onRemove }: { clients: readonly Named[]; onRemove: (id: string) => void }) {
  if (clients.length === 0) return <p>Nog geen cliënten gekozen.</p>;
  return (
    <ul className="plain" aria-label="Gekozen cliënten" data-testid="chosen-clients">
      {clients.map((c) => (
        <li key={c.id}>{c.name} <button type="button" className="link-button" aria-label={`${c.name} weghalen`} onClick={() => onRemove(c.id)}>weghalen</button></li>
      ))}
    </ul>
  );
}

/** Now as the browser's local 'YYYY-MM-DDTHH:mm', what a datetime-local field shows and reads back as local time. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function NewBreach() {
  const [description, setDescription] = useState('');
  const [discovered, setDiscovered] = useState(localNow);
  const [risk, setRisk] = useState<Risk>('not-assessed');
  const [assessment, setAssessment] = useState('');
  const [clients, setClients] = useState<Named[]>([]);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/privacy/breaches', {
      body: {
        description, discoveredAt: new Date(discovered).toISOString(), clientIds: clients.map((c) => c.id), risk,
        ...(assessment.trim() === '' ? {} : { riskAssessment: assessment }),
      },
    })),
    invalidates: () => [BREACHES],
    onSuccess: () => {
      setDescription('');
      setAssessment('');
      setClients([]);
    },
  });
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="new-breach-title">
      <h3 id="new-breach-title">Datalek vastleggen</h3>
      <TextArea label="Wat is er gebeurd?" value={description} onChange={setDescription} required rows={3} />
      <TextInput label="Ontdekt op" type="datetime-local" value={discovered} onChange={setDiscovered} required hint="De 72 uur lopen vanaf dit moment." />
      <fieldset>
        <legend>Betrokken cliënten</legend>
        <ChosenClients clients={clients} onRemove={(id) => setClients((now) => now.filter((c) => c.id !== id))} />
        <ClientSearch label="Naam van een betrokken cliënt" choose="Toevoegen" exclude={clients.map((c) => c.id)} onChoose={(c) => setClients((now) => [...now, c])} />
      </fieldset>
      <Select label="Risico" value={risk} onChange={(v) => setRisk(v as Risk)} options={RISKS} />
      <TextArea label="Beoordeling van het risico" value={assessment} onChange={setAssessment} rows={2} />
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Datalek vastleggen</button>
    </form>
  );
}
