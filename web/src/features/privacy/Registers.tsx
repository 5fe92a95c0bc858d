/**
 * The records beside the dossier (004 A; Jeugdwet 4.1.8): complaints (kept 2
 * years after closing), incidents and calamities (with the inspectorate
 * report), prospective clients (6 months). None of it is in a client's
 * dossier. Who may do what goes by task (src/registers/register-policy.ts): the
 * page asks that same policy for the logged-in role and shows a list, a form or
 * a closing action only to whom it allows, telling the others why instead of
 * letting them fill in a form the server refuses (issue 15). The server stays
 * the judge.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf, type ResponseOf } from '../../shared/api-client';
import { Basis, ConfirmButton, Link, Loading, ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import { formatDate, label, today } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { match } from '../../shared/router';
import { decideRegisterAccess, type Register, type RegisterAction } from '../../../../src/registers/register-policy.js';
import type { EmployeeRole } from '../../../../src/organisation/employee-roles.js';
import { COMPLAINT_OUTCOMES, INCIDENT_KINDS } from '../../../../src/shared/labels.js';

const COMPLAINTS = queryKeys.registers('complaints');
const INCIDENTS = queryKeys.registers('incidents');
const PROSPECTIVE = queryKeys.registers('prospective-clients');

const SECTIONS: [string, string][] = [['/registers', 'Klachten'], ['/registers/incidenten', 'Incidenten en calamiteiten'], ['/registers/aanmeldingen', 'Aanmeldingen']];
// The catalogue's labels (one label per code, known to the raw-code scan).
const OUTCOMES = COMPLAINT_OUTCOMES;

/** What the policy lets this role do in one register: the answer, with the Dutch reason and the articles. */
function mayIn(role: EmployeeRole, register: Register, action: RegisterAction) {
  return decideRegisterAccess(role, register, action);
}

/** Why this role does not see a list or a form, told before anything is filled in. */
function NotForYou({ title, decision }: { title: string; decision: ReturnType<typeof mayIn> }) {
  return (
    <div className="card" data-testid="not-allowed">
      <h3>{title}</h3>
      <p>{decision.explanationNl}</p>
      <Basis basis={decision.citations} />
    </div>
  );
}

export function RegistersPage({ path }: { path: string }) {
  // The logged-in role, asked of the server (App passes this page no session).
  const me = useQuery({ queryKey: queryKeys.me, queryFn: () => dataOf(server.GET('/api/auth/me')) });
  const role = me.data?.role as EmployeeRole | undefined;
  return (
    <>
      <h1>Registers naast het dossier</h1>
      <p className="lead">Deze gegevens staan niet in het dossier van een cliënt en hebben hun eigen bewaartermijn.</p>
      <nav aria-label="Registers" className="tabs">
        <ul>{SECTIONS.map(([to, text]) => <li key={to}><Link to={to} current={path === to}>{text}</Link></li>)}</ul>
      </nav>
      {me.isPending && <Loading what="Registers" />}
      <ProblemBox problem={problemOf(me.error)} />
      {role !== undefined && path === '/registers' && <Complaints role={role} />}
      {role !== undefined && match('/registers/incidenten', path) !== undefined && <Incidents role={role} />}
      {role !== undefined && match('/registers/aanmeldingen', path) !== undefined && <ProspectiveClients role={role} />}
    </>
  );
}

type Complaint = ResponseOf<'/api/registers/complaints'>['complaints'][number];
type Outcome = BodyOf<'/api/registers/complaints/{id}/close'>['outcome'];

function Complaints({ role }: { role: EmployeeRole }) {
  const read = mayIn(role, 'complaints', 'read');
  const record = mayIn(role, 'complaints', 'record');
  const handle = mayIn(role, 'complaints', 'handle');
  const list = useQuery({ queryKey: COMPLAINTS, queryFn: () => dataOf(server.GET('/api/registers/complaints')), enabled: read.allowed });
  const [complainant, setComplainant] = useState('');
  const [summary, setSummary] = useState('');
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/registers/complaints', { body: { receivedOn: today(), complainant, summary } })),
    invalidates: () => [COMPLAINTS],
    onSuccess: () => setSummary(''),
  });
  return (
    <section aria-labelledby="complaints-title">
      <h2 id="complaints-title">Klachten</h2>
      {!read.allowed && <NotForYou title="Klachten inzien" decision={read} />}
      {read.allowed && list.isPending && <Loading what="Klachten" />}
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && (list.data.complaints.length === 0
        ? <p>Er zijn geen klachten vastgelegd.</p>
        : (
            <ul className="plain" data-testid="complaints">
              {list.data.complaints.map((c) => <ComplaintItem key={c.id} complaint={c} mayHandle={handle.allowed} />)}
            </ul>
          ))}
      {!record.allowed && <NotForYou title="Klacht vastleggen" decision={record} />}
      {record.allowed && (
        <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="new-complaint-title">
          <h3 id="new-complaint-title">Klacht vastleggen</h3>
          <TextInput label="Van wie is de klacht?" value={complainant} onChange={setComplainant} required />
          <TextArea label="Waar gaat de klacht over?" value={summary} onChange={setSummary} required rows={3} />
          <ProblemBox problem={problemOf(save.error)} />
          <button type="submit" disabled={save.isPending}>Klacht vastleggen</button>
        </form>
      )}
    </section>
  );
}

function ComplaintItem({ complaint: c, mayHandle }: { complaint: Complaint; mayHandle: boolean }) {
  const [outcome, setOutcome] = useState<Outcome>('unfounded');
  const [resolution, setResolution] = useState('');
  const close = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/registers/complaints/{id}/close', { params: { path: { id: c.id } }, body: { closedOn: today(), outcome, resolution } })),
    invalidates: () => [COMPLAINTS],
  });
  return (
    <li className="card">
      <p><strong>{c.complainant}</strong>, ontvangen {formatDate(c.receivedOn)}: {c.summary}</p>
      {c.closedOn === null && !mayHandle && <p className="meta">Nog niet afgehandeld. De leidinggevende handelt klachten af.</p>}
      {c.closedOn === null && mayHandle
        ? (
            <form onSubmit={submitWith(() => close.mutate())}>
              <Select label="Uitkomst" value={outcome} onChange={(v) => setOutcome(v as Outcome)} options={OUTCOMES} />
              <TextArea label="Afhandeling" value={resolution} onChange={setResolution} required rows={2} />
              <ProblemBox problem={problemOf(close.error)} />
              <button type="submit" disabled={close.isPending}>Klacht afsluiten</button>
            </form>
          )
        : c.closedOn !== null && <p>Afgesloten {formatDate(c.closedOn)}: {c.outcome === null ? '' : label(OUTCOMES, c.outcome)}. Bewaard tot {formatDate(c.keepUntil)}.</p>}
    </li>
  );
}

type Kind = BodyOf<'/api/registers/incidents'>['kind'];

function Incidents({ role }: { role: EmployeeRole }) {
  const read = mayIn(role, 'incidents', 'read');
  const record = mayIn(role, 'incidents', 'record');
  const handle = mayIn(role, 'incidents', 'handle');
  const list = useQuery({ queryKey: INCIDENTS, queryFn: () => dataOf(server.GET('/api/registers/incidents')), enabled: read.allowed });
  const [kind, setKind] = useState<Kind>('incident');
  const [occurredOn, setOccurredOn] = useState(today());
  const [description, setDescription] = useState('');
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/registers/incidents', { body: { kind, occurredOn, clientIds: [], description } })),
    invalidates: () => [INCIDENTS],
    onSuccess: () => setDescription(''),
  });
  const reported = useApiMutation({
    mutationFn: (id: string) => dataOf(server.POST('/api/registers/incidents/{id}/inspectorate-report', { params: { path: { id } }, body: { reportedOn: today() } })),
    invalidates: () => [INCIDENTS],
  });
  const report = (id: string) => reported.mutate(id);
  return (
    <section aria-labelledby="incidents-title">
      <h2 id="incidents-title">Incidenten en calamiteiten</h2>
      <p>Een calamiteit of geweld in de hulprelatie meldt u bij de Inspectie Gezondheidszorg en Jeugd (Jeugdwet 4.1.8).</p>
      {!read.allowed && <NotForYou title="Incidenten inzien" decision={read} />}
      {read.allowed && list.isPending && <Loading what="Incidenten" />}
      <ProblemBox problem={problemOf(list.error) ?? problemOf(reported.error)} />
      {list.data !== undefined && list.data.incidents.length === 0 && <p>Er zijn geen incidenten vastgelegd.</p>}
      {list.data !== undefined && list.data.incidents.length > 0 && (
        <ul className="plain" data-testid="incidents">
          {list.data.incidents.map((i) => (
            <li key={i.id} className="card">
              <p><strong>{label(INCIDENT_KINDS, i.kind)}</strong> op {formatDate(i.occurredOn)}: {i.description}</p>
              {i.inspectorateReportPending && (
                <p className="warning">
                  Nog melden bij de inspectie.{' '}
                  {handle.allowed
                    ? (
                        <ConfirmButton
                          className="link-button"
                          disabled={reported.isPending}
                          question="Vastleggen dat dit vandaag is gemeld bij de inspectie? Dit kunt u niet terugdraaien."
                          confirm="Ja, gemeld"
                          onConfirm={() => report(i.id)}
                        >Gemeld bij de inspectie
                        </ConfirmButton>
                      )
                    : 'De leidinggevende meldt het.'}
                </p>
              )}
              {i.reportedToInspectorateOn !== null && <p>Gemeld bij de inspectie op {formatDate(i.reportedToInspectorateOn)}.</p>}
            </li>
          ))}
        </ul>
      )}
      {!record.allowed && <NotForYou title="Incident vastleggen" decision={record} />}
      {record.allowed && (
        <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="new-incident-title">
          <h3 id="new-incident-title">Incident vastleggen</h3>
          <Select label="Soort" value={kind} onChange={(v) => setKind(v as Kind)} options={INCIDENT_KINDS} />
          <TextInput label="Datum" type="date" value={occurredOn} onChange={setOccurredOn} required />
          <TextArea label="Wat is er gebeurd?" value={description} onChange={setDescription} required rows={3} />
          <ProblemBox problem={problemOf(save.error)} />
          <button type="submit" disabled={save.isPending}>Incident vastleggen</button>
        </form>
      )}
    </section>
  );
}

function ProspectiveClients({ role }: { role: EmployeeRole }) {
  const read = mayIn(role, 'prospective-clients', 'read');
  const record = mayIn(role, 'prospective-clients', 'record');
  const list = useQuery({ queryKey: PROSPECTIVE, queryFn: () => dataOf(server.GET('/api/registers/prospective-clients')), enabled: read.allowed });
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [question, setQuestion] = useState('');
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/registers/prospective-clients', { body: { registeredOn: today(), name, contact, question } })),
    invalidates: () => [PROSPECTIVE],
    onSuccess: () => {
      setName('');
      setQuestion('');
    },
  });
  return (
    <section aria-labelledby="prospective-title">
      <h2 id="prospective-title">Aanmeldingen</h2>
      <p>Aanmeldingen worden 6 maanden bewaard en daarna vernietigd.</p>
      {!read.allowed && <NotForYou title="Aanmeldingen inzien" decision={read} />}
      {read.allowed && list.isPending && <Loading what="Aanmeldingen" />}
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && list.data.prospectiveClients.length === 0 && <p>Er zijn geen aanmeldingen.</p>}
      {list.data !== undefined && list.data.prospectiveClients.length > 0 && (
        <ul className="plain" data-testid="prospective-clients">
          {list.data.prospectiveClients.map((p) => <li key={p.id} className="card"><strong>{p.name}</strong> ({formatDate(p.registeredOn)}, bewaard tot {formatDate(p.keepUntil)}): {p.question}</li>)}
        </ul>
      )}
      {!record.allowed && <NotForYou title="Aanmelding vastleggen" decision={record} />}
      {record.allowed && (
        <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="new-prospective-title">
          <h3 id="new-prospective-title">Aanmelding vastleggen</h3>
          <TextInput label="Naam" value={name} onChange={setName} required />
          <TextInput label="Contact" value={contact} onChange={setContact} required />
          <TextArea label="Hulpvraag" value={question} onChange={setQuestion} required rows={2} />
          <ProblemBox problem={problemOf(save.error)} />
          <button type="submit" disabled={save.isPending}>Aanmelding vastleggen</button>
        </form>
      )}
    </section>
  );
}
