/**
 * Family dossiers (003 §2.3.4): a family part with its own entries, linked to
 * the members' own dossiers, each authorised separately — the server opens the
 * family part only to someone who may open a member's dossier.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { Link, Loading, ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import { FAMILY_ENTRY_KINDS, formatDate, label } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { navigate } from '../../shared/router';
import { Act } from '../../../../src/rules/acts.js';
import { useClientDetail } from '../client/client-queries';
import { useMayDo } from '../privacy/use-may-do';
import { NotYours } from '../requests/RequestActions';

type FamilyEntryKind = BodyOf<'/api/families/{familyId}/entries'>['kind'];

/** On the client overview: the families this client belongs to, and making a new one. */
export function ClientFamilies({ clientId, clientName, families }: { clientId: string; clientName: string; families: { id: string; name: string }[] }) {
  const [name, setName] = useState(`Gezin ${clientName}`);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/families', { body: { name, memberIds: [clientId] } })),
    // The client's overview lists its families.
    invalidates: () => [queryKeys.client(clientId)],
    onSuccess: (family) => navigate(`/gezinnen/${family.id}`),
  });
  // Making a family records in this client's dossier (gate-family.ts): asked of the engine as the gate asks it, so an
  // emergency reader (who may only read) sees the reason instead of a form the server refuses.
  const mayLink = useMayDo(useClientDetail(clientId).data, Act.recordEntry);
  return (
    <section className="card" aria-labelledby="families-title" data-testid="families">
      <h2 id="families-title">Gezin</h2>
      {families.length === 0
        ? <p>Deze cliënt hoort nog bij geen gezinsdossier.</p>
        : <ul>{families.map((f) => <li key={f.id}><Link to={`/gezinnen/${f.id}`}>{f.name}</Link></li>)}</ul>}
      {mayLink?.outcome === 'allow' && (
        <>
          <form className="inline" onSubmit={submitWith(() => save.mutate())}>
            <TextInput label="Naam van een nieuw gezinsdossier" value={name} onChange={setName} required />
            <button type="submit" className="secondary" disabled={save.isPending}>Gezinsdossier maken</button>
          </form>
          <ProblemBox problem={problemOf(save.error)} />
        </>
      )}
      {mayLink !== undefined && mayLink.outcome !== 'allow' && <NotYours title="Een gezinsdossier maken" decision={mayLink} />}
    </section>
  );
}

/** The family part: members, its own entries, adding an entry or a member. */
export function FamilyPage({ familyId }: { familyId: string }) {
  const path = { familyId };
  const family = useQuery({ queryKey: queryKeys.family(familyId), queryFn: () => dataOf(server.GET('/api/families/{familyId}', { params: { path } })) });
  const entries = useQuery({
    queryKey: queryKeys.familyEntries(familyId),
    queryFn: () => dataOf(server.GET('/api/families/{familyId}/entries', { params: { path } })),
  });
  const [kind, setKind] = useState<FamilyEntryKind>('family-plan');
  const [text, setText] = useState('');
  const [memberId, setMemberId] = useState('');
  const write = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/families/{familyId}/entries', { params: { path }, body: { kind, text } })),
    invalidates: () => [queryKeys.familyEntries(familyId)],
    onSuccess: () => setText(''),
  });
  const addMember = useApiMutation({
    mutationFn: (clientId: string) => dataOf(server.POST('/api/families/{familyId}/members', { params: { path }, body: { clientId } })),
    // The family's members, and the new member's overview (its families).
    invalidates: (_, clientId) => [queryKeys.family(familyId), queryKeys.client(clientId)],
    onSuccess: () => setMemberId(''),
  });
  if (family.data === undefined) {
    return (
      <>
        <h1>Gezinsdossier</h1>
        {family.isPending ? <Loading what="Gezin" /> : <ProblemBox problem={problemOf(family.error)} />}
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
        <form className="inline" onSubmit={submitWith(() => addMember.mutate(memberId.trim()))}>
          <TextInput label="Cliëntnummer van een gezinslid" value={memberId} onChange={setMemberId} required />
          <button type="submit" className="secondary" disabled={addMember.isPending}>Toevoegen</button>
        </form>
        <ProblemBox problem={problemOf(addMember.error)} />
      </section>
      <section aria-labelledby="family-entries-title">
        <h2 id="family-entries-title">Gezinsdeel</h2>
        <ProblemBox problem={problemOf(entries.error)} />
        {entries.data !== undefined && (entries.data.entries.length === 0
          ? <p>Nog niets in het gezinsdeel.</p>
          : (
              <ul className="plain" data-testid="family-entries">
                {entries.data.entries.map((e) => (
                  <li key={e.id} className="card">
                    <h3>{label(FAMILY_ENTRY_KINDS, e.kind)}</h3>
                    <p className="hint">{formatDate(e.recordedAt.slice(0, 10))}, {e.author.name}</p>
                    <p>{e.text}</p>
                  </li>
                ))}
              </ul>
            ))}
        <form className="card" onSubmit={submitWith(() => write.mutate())} aria-labelledby="family-new-title">
          <h3 id="family-new-title">Schrijven in het gezinsdeel</h3>
          <Select label="Soort" value={kind} onChange={(v) => setKind(v as FamilyEntryKind)} options={FAMILY_ENTRY_KINDS} />
          <TextArea label="Tekst" value={text} onChange={setText} required rows={4} />
          <ProblemBox problem={problemOf(write.error)} />
          <button type="submit" disabled={write.isPending}>Opslaan</button>
        </form>
      </section>
    </>
  );
}
