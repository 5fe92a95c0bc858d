/**
 * The records beside the dossier (004 A; Jeugdwet 4.1.8): complaints (kept 2
 * years after closing), incidents and calamities (with the inspectorate
 * report), prospective clients (6 months). None of it is in a client's
 * dossier. Who may do what goes by task; the server refuses others with the
 * reason, which is shown.
 */
import { useState } from 'react';
import { get, post, toProblem, type Problem } from '../../shared/api';
import { Link, Loading, ProblemBox, Select, TextArea, TextInput, useLoad, useSubmit } from '../../shared/components';
import { formatDate, today } from '../../shared/labels';
import { match } from '../../shared/router';

const SECTIONS: [string, string][] = [['/registers', 'Klachten'], ['/registers/incidenten', 'Incidenten en calamiteiten'], ['/registers/aanmeldingen', 'Aanmeldingen']];
const OUTCOMES = { 'founded': 'Gegrond', 'partly-founded': 'Deels gegrond', 'unfounded': 'Ongegrond', 'withdrawn': 'Ingetrokken', 'settled': 'Opgelost' };
const INCIDENT_KINDS = { incident: 'Incident', calamity: 'Calamiteit', violence: 'Geweld in de hulprelatie' };

export function RegistersPage({ path }: { path: string }) {
  return (
    <>
      <h1>Registers naast het dossier</h1>
      <p className="lead">Deze gegevens staan niet in het dossier van een cliënt en hebben hun eigen bewaartermijn.</p>
      <nav aria-label="Registers" className="tabs">
        <ul>{SECTIONS.map(([to, text]) => <li key={to}><Link to={to} current={path === to}>{text}</Link></li>)}</ul>
      </nav>
      {path === '/registers' && <Complaints />}
      {match('/registers/incidenten', path) !== undefined && <Incidents />}
      {match('/registers/aanmeldingen', path) !== undefined && <ProspectiveClients />}
    </>
  );
}

interface Complaint { id: string; receivedOn: string; complainant: string; summary: string; closedOn: string | null; outcome: keyof typeof OUTCOMES | null; keepUntil: string | null }

function Complaints() {
  const list = useLoad(() => get<{ complaints: Complaint[] }>('/api/registers/complaints'), []);
  const [complainant, setComplainant] = useState('');
  const [summary, setSummary] = useState('');
  const save = useSubmit(() => post('/api/registers/complaints', { receivedOn: today(), complainant, summary }), () => {
    setSummary('');
    list.reload();
  });
  return (
    <section aria-labelledby="complaints-title">
      <h2 id="complaints-title">Klachten</h2>
      {list.loading && <Loading what="Klachten" />}
      <ProblemBox problem={list.problem} />
      {list.data !== undefined && (
        <ul className="plain" data-testid="complaints">
          {list.data.complaints.map((c) => <ComplaintItem key={c.id} complaint={c} onDone={list.reload} />)}
        </ul>
      )}
      <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="new-complaint-title">
        <h3 id="new-complaint-title">Klacht vastleggen</h3>
        <TextInput label="Van wie is de klacht?" value={complainant} onChange={setComplainant} required />
        <TextArea label="Waar gaat de klacht over?" value={summary} onChange={setSummary} required rows={3} />
        <ProblemBox problem={save.problem} />
        <button type="submit" disabled={save.busy}>Klacht vastleggen</button>
      </form>
    </section>
  );
}

function ComplaintItem({ complaint: c, onDone }: { complaint: Complaint; onDone: () => void }) {
  const [outcome, setOutcome] = useState<keyof typeof OUTCOMES>('unfounded');
  const [resolution, setResolution] = useState('');
  const close = useSubmit(() => post(`/api/registers/complaints/${c.id}/close`, { closedOn: today(), outcome, resolution }), onDone);
  return (
    <li className="card">
      <p><strong>{c.complainant}</strong>, ontvangen {formatDate(c.receivedOn)}: {c.summary}</p>
      {c.closedOn === null
        ? (
            <form onSubmit={(e) => void close.submit(e)}>
              <Select label="Uitkomst" value={outcome} onChange={(v) => setOutcome(v as keyof typeof OUTCOMES)} options={OUTCOMES} />
              <TextArea label="Afhandeling" value={resolution} onChange={setResolution} required rows={2} />
              <ProblemBox problem={close.problem} />
              <button type="submit" disabled={close.busy}>Klacht afsluiten</button>
            </form>
          )
        : <p>Afgesloten {formatDate(c.closedOn)}: {c.outcome === null ? '' : OUTCOMES[c.outcome]}. Bewaard tot {formatDate(c.keepUntil)}.</p>}
    </li>
  );
}

interface Incident { id: string; kind: keyof typeof INCIDENT_KINDS; occurredOn: string; description: string; clientIds: string[]; inspectorateReportPending: boolean; reportedToInspectorateOn: string | null }

function Incidents() {
  const list = useLoad(() => get<{ incidents: Incident[] }>('/api/registers/incidents'), []);
  const [kind, setKind] = useState<keyof typeof INCIDENT_KINDS>('incident');
  const [occurredOn, setOccurredOn] = useState(today());
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const save = useSubmit(() => post('/api/registers/incidents', { kind, occurredOn, clientIds: [], description }), () => {
    setDescription('');
    list.reload();
  });
  const report = (id: string) => {
    setProblem(undefined);
    post(`/api/registers/incidents/${id}/inspectorate-report`, { reportedOn: today() }).then(list.reload, (e: unknown) => setProblem(toProblem(e)));
  };
  return (
    <section aria-labelledby="incidents-title">
      <h2 id="incidents-title">Incidenten en calamiteiten</h2>
      <p>Een calamiteit of geweld in de hulprelatie meldt u bij de Inspectie Gezondheidszorg en Jeugd (Jeugdwet 4.1.8).</p>
      <ProblemBox problem={list.problem ?? problem} />
      {list.data !== undefined && (
        <ul className="plain" data-testid="incidents">
          {list.data.incidents.map((i) => (
            <li key={i.id} className="card">
              <p><strong>{INCIDENT_KINDS[i.kind]}</strong> op {formatDate(i.occurredOn)}: {i.description}</p>
              {i.inspectorateReportPending && (
                <p className="warning">
                  Nog melden bij de inspectie. <button type="button" className="link-button" onClick={() => report(i.id)}>Gemeld bij de inspectie</button>
                </p>
              )}
              {i.reportedToInspectorateOn !== null && <p>Gemeld bij de inspectie op {formatDate(i.reportedToInspectorateOn)}.</p>}
            </li>
          ))}
        </ul>
      )}
      <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="new-incident-title">
        <h3 id="new-incident-title">Incident vastleggen</h3>
        <Select label="Soort" value={kind} onChange={(v) => setKind(v as keyof typeof INCIDENT_KINDS)} options={INCIDENT_KINDS} />
        <TextInput label="Datum" type="date" value={occurredOn} onChange={setOccurredOn} required />
        <TextArea label="Wat is er gebeurd?" value={description} onChange={setDescription} required rows={3} />
        <ProblemBox problem={save.problem} />
        <button type="submit" disabled={save.busy}>Incident vastleggen</button>
      </form>
    </section>
  );
}

interface Prospective { id: string; registeredOn: string; name: string; contact: string; question: string; keepUntil: string }

function ProspectiveClients() {
  const list = useLoad(() => get<{ prospectiveClients: Prospective[] }>('/api/registers/prospective-clients'), []);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [question, setQuestion] = useState('');
  const save = useSubmit(() => post('/api/registers/prospective-clients', { registeredOn: today(), name, contact, question }), () => {
    setName('');
    setQuestion('');
    list.reload();
  });
  return (
    <section aria-labelledby="prospective-title">
      <h2 id="prospective-title">Aanmeldingen</h2>
      <p>Aanmeldingen worden 6 maanden bewaard en daarna vernietigd.</p>
      <ProblemBox problem={list.problem} />
      {list.data !== undefined && (
        <ul className="plain" data-testid="prospective-clients">
          {list.data.prospectiveClients.map((p) => <li key={p.id} className="card"><strong>{p.name}</strong> ({formatDate(p.registeredOn)}, bewaard tot {formatDate(p.keepUntil)}): {p.question}</li>)}
        </ul>
      )}
      <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="new-prospective-title">
        <h3 id="new-prospective-title">Aanmelding vastleggen</h3>
        <TextInput label="Naam" value={name} onChange={setName} required />
        <TextInput label="Contact" value={contact} onChange={setContact} required />
        <TextArea label="Hulpvraag" value={question} onChange={setQuestion} required rows={2} />
        <ProblemBox problem={save.problem} />
        <button type="submit" disabled={save.busy}>Aanmelding vastleggen</button>
      </form>
    </section>
  );
}
