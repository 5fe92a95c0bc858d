/** My caseload: the clients I work with (administrative staff see all), opening a dossier by number, registering a client. */
import { useState } from 'react';
import { get, post } from '../api';
import { Link, Loading, ProblemBox, Select, TextInput, useLoad, useSubmit, Wide } from '../components';
import { GENDERS, ageOn, formatDate } from '../labels';
import { navigate } from '../router';
import type { Me } from './Login';

interface ClientSummary { id: string; familyName: string; givenNames: string; birthDate: string }

export function CaseloadPage({ me }: { me: Me }) {
  const list = useLoad(() => get<{ clients: ClientSummary[] }>('/api/clients?limit=200'), []);
  const [number, setNumber] = useState('');
  return (
    <>
      <h1>Mijn caseload</h1>
      <p className="lead">Goedendag, {me.displayName}. {me.role === 'admin-staff' ? 'U ziet alle cliënten van de organisatie.' : 'Dit zijn de cliënten met wie u nu werkt.'}</p>
      {list.loading && <Loading what="Cliënten" />}
      <ProblemBox problem={list.problem} />
      {list.data !== undefined && (list.data.clients.length === 0
        ? <p>U heeft nu geen cliënten.</p>
        : (
            <Wide label="Mijn caseload (tabel)">
              <table className="list" data-testid="caseload">
                <caption className="sr-only">Cliënten</caption>
                <thead><tr><th scope="col">Naam</th><th scope="col">Geboortedatum</th><th scope="col">Leeftijd</th></tr></thead>
                <tbody>
                  {list.data.clients.map((c) => (
                    <tr key={c.id}>
                      <td><Link to={`/clienten/${c.id}`}>{c.givenNames} {c.familyName}</Link></td>
                      <td>{formatDate(c.birthDate)}</td>
                      <td>{ageOn(c.birthDate)} jaar</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Wide>
          ))}
      <ClientSearch />
      <section className="card" aria-labelledby="open-title">
        <h2 id="open-title">Dossier openen met cliëntnummer</h2>
        <p>Werkt u niet met deze cliënt, maar is er een noodsituatie? Open het dossier met het cliëntnummer. U krijgt dan de keuze voor noodtoegang.</p>
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (number.trim() !== '') navigate(`/clienten/${encodeURIComponent(number.trim())}`);
          }}
        >
          <TextInput label="Cliëntnummer" value={number} onChange={setNumber} required />
          <button type="submit">Openen</button>
        </form>
      </section>
      {(me.role === 'care-professional' || me.role === 'admin-staff') && <RegisterClient onDone={list.reload} />}
    </>
  );
}

/** Search by name among the clients I may see; sent as a POST so the name stays out of addresses and logs. */
function ClientSearch() {
  const [name, setName] = useState('');
  const [found, setFound] = useState<ClientSummary[]>();
  const search = useSubmit(() => post<{ clients: ClientSummary[] }>('/api/clients/search', { nameContains: name.trim() }), (answer) => setFound(answer.clients));
  return (
    <section className="card" aria-labelledby="search-title">
      <h2 id="search-title">Cliënt zoeken</h2>
      <form className="inline" role="search" onSubmit={(e) => void search.submit(e)}>
        <TextInput label="Naam (of een deel ervan)" value={name} onChange={setName} required hint="Minstens 2 letters." />
        <button type="submit" disabled={search.busy}>Zoeken</button>
      </form>
      <ProblemBox problem={search.problem} />
      {found !== undefined && (found.length === 0
        ? <p role="status">Geen cliënten gevonden.</p>
        : (
            <ul data-testid="search-results" aria-live="polite">
              {found.map((c) => <li key={c.id}><Link to={`/clienten/${c.id}`}>{c.givenNames} {c.familyName}</Link> ({formatDate(c.birthDate)})</li>)}
            </ul>
          ))}
    </section>
  );
}

function RegisterClient({ onDone }: { onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [givenNames, setGivenNames] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [gender, setGender] = useState('unknown');
  const [bsn, setBsn] = useState('');
  const [streetAddress, setStreetAddress] = useState('');
  const [postcode, setPostcode] = useState('');
  const [town, setTown] = useState('');
  const save = useSubmit(
    () => post<{ id: string }>('/api/clients', { givenNames, familyName, birthDate, gender, ...(bsn.trim() === '' ? {} : { bsn: bsn.trim() }),
      ...(streetAddress.trim() === '' ? {} : { streetAddress: streetAddress.trim() }),
      ...(postcode.trim() === '' ? {} : { postcode: postcode.trim() }),
      ...(town.trim() === '' ? {} : { town: town.trim() }) }),
    (answer) => {
      onDone();
      navigate(`/clienten/${answer.id}`);
    });
  return (
    <section className="card" aria-labelledby="register-title">
      <h2 id="register-title">Nieuwe cliënt</h2>
      {!open
        ? <button type="button" className="secondary" onClick={() => setOpen(true)}>Nieuwe cliënt inschrijven</button>
        : (
            <form onSubmit={(e) => void save.submit(e)}>
              <TextInput label="Voornamen" value={givenNames} onChange={setGivenNames} required />
              <TextInput label="Achternaam" value={familyName} onChange={setFamilyName} required />
              <TextInput label="Geboortedatum" type="date" value={birthDate} onChange={setBirthDate} required />
              <Select label="Geslacht" value={gender} onChange={setGender} options={GENDERS} />
              <TextInput label="BSN (als bekend)" value={bsn} onChange={setBsn} inputMode="numeric" hint="Zonder BSN zijn straat en huisnummer, postcode en woonplaats verplicht." />
              <TextInput label="Straat en huisnummer" value={streetAddress} onChange={setStreetAddress} autoComplete="off" />
              <TextInput label="Postcode" value={postcode} onChange={setPostcode} autoComplete="off" />
              <TextInput label="Woonplaats" value={town} onChange={setTown} autoComplete="off" />
              <ProblemBox problem={save.problem} />
              <div className="actions">
                <button type="submit" disabled={save.busy}>Inschrijven</button>
                <button type="button" className="secondary" onClick={() => setOpen(false)}>Annuleren</button>
              </div>
            </form>
          )}
    </section>
  );
}
