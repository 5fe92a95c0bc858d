/**
 * Family dossiers (003 §2.3.4): a family part with its own entries, linked to
 * the members' own dossiers, each authorised separately — the server opens the
 * family part only to someone who may open a member's dossier.
 */
import { useState } from 'react';
import { get, post } from '../../shared/api';
import { Link, Loading, ProblemBox, Select, TextArea, TextInput, useLoad, useSubmit } from '../../shared/components';
import { formatDate } from '../../shared/labels';
import { navigate } from '../../shared/router';

const FAMILY_ENTRY_KINDS = {
  'family-plan': 'Gezinsplan', 'family-conversation-report': 'Gespreksverslag met het gezin', 'family-evaluation': 'Evaluatie met het gezin', 'network-meeting': 'Netwerkberaad',
};

interface Family { id: string; name: string; members: { clientId: string; name: string }[] }
interface FamilyEntry { id: string; kind: keyof typeof FAMILY_ENTRY_KINDS; text: string; recordedAt: string; author: { name: string } }

/** On the client overview: the families this client belongs to, and making a new one. */
export function ClientFamilies({ clientId, clientName, families }: { clientId: string; clientName: string; families: { id: string; name: string }[] }) {
  const [name, setName] = useState(`Gezin ${clientName}`);
  const save = useSubmit(() => post<Family>('/api/families', { name, memberIds: [clientId] }), (family) => navigate(`/gezinnen/${family.id}`));
  return (
    <section className="card" aria-labelledby="families-title" data-testid="families">
      <h2 id="families-title">Gezin</h2>
      {families.length === 0
        ? <p>Deze cliënt hoort nog bij geen gezinsdossier.</p>
        : <ul>{families.map((f) => <li key={f.id}><Link to={`/gezinnen/${f.id}`}>{f.name}</Link></li>)}</ul>}
      <form className="inline" onSubmit={(e) => void save.submit(e)}>
        <TextInput label="Naam van een nieuw gezinsdossier" value={name} onChange={setName} required />
        <button type="submit" className="secondary" disabled={save.busy}>Gezinsdossier maken</button>
      </form>
      <ProblemBox problem={save.problem} />
    </section>
  );
}

/** The family part: members, its own entries, adding an entry or a member. */
export function FamilyPage({ familyId }: { familyId: string }) {
  const family = useLoad(() => get<Family>(`/api/families/${familyId}`), [familyId]);
  const entries = useLoad(() => get<{ entries: FamilyEntry[] }>(`/api/families/${familyId}/entries`), [familyId]);
  const [kind, setKind] = useState<keyof typeof FAMILY_ENTRY_KINDS>('family-plan');
  const [text, setText] = useState('');
  const [memberId, setMemberId] = useState('');
  const write = useSubmit(() => post(`/api/families/${familyId}/entries`, { kind, text }), () => {
    setText('');
    entries.reload();
  });
  const addMember = useSubmit(() => post(`/api/families/${familyId}/members`, { clientId: memberId.trim() }), () => {
    setMemberId('');
    family.reload();
  });
  if (family.data === undefined) {
    return (
      <>
        <h1>Gezinsdossier</h1>
        {family.loading ? <Loading what="Gezin" /> : <ProblemBox problem={family.problem} />}
      </>
    );
  }
  const f = family.data;
  return (
    <>
      <h1>{f.name}</h1>
      <p className="lead">Het gezinsdeel hoort bij het gezin als geheel. Het dossier van elk gezinslid blijft apart; wie een gezinslid inziet, ziet niet het dossier van de anderen.</p>
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">Gezinsleden</h2>
        <ul>{f.members.map((m) => <li key={m.clientId}><Link to={`/clienten/${m.clientId}`}>{m.name}</Link></li>)}</ul>
        <form className="inline" onSubmit={(e) => void addMember.submit(e)}>
          <TextInput label="Cliëntnummer van een gezinslid" value={memberId} onChange={setMemberId} required />
          <button type="submit" className="secondary" disabled={addMember.busy}>Toevoegen</button>
        </form>
        <ProblemBox problem={addMember.problem} />
      </section>
      <section aria-labelledby="family-entries-title">
        <h2 id="family-entries-title">Gezinsdeel</h2>
        <ProblemBox problem={entries.problem} />
        {entries.data !== undefined && (entries.data.entries.length === 0
          ? <p>Nog niets in het gezinsdeel.</p>
          : (
              <ul className="plain" data-testid="family-entries">
                {entries.data.entries.map((e) => (
                  <li key={e.id} className="card">
                    <h3>{FAMILY_ENTRY_KINDS[e.kind]}</h3>
                    <p className="hint">{formatDate(e.recordedAt.slice(0, 10))}, {e.author.name}</p>
                    <p>{e.text}</p>
                  </li>
                ))}
              </ul>
            ))}
        <form className="card" onSubmit={(e) => void write.submit(e)} aria-labelledby="family-new-title">
          <h3 id="family-new-title">Schrijven in het gezinsdeel</h3>
          <Select label="Soort" value={kind} onChange={(v) => setKind(v as keyof typeof FAMILY_ENTRY_KINDS)} options={FAMILY_ENTRY_KINDS} />
          <TextArea label="Tekst" value={text} onChange={setText} required rows={4} />
          <ProblemBox problem={write.problem} />
          <button type="submit" disabled={write.busy}>Opslaan</button>
        </form>
      </section>
    </>
  );
}
