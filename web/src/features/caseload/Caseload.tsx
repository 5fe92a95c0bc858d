/** My caseload: the clients I work with (administrative staff see all), finding a client (with emergency access outside the caseload), registering a client. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf, type ResponseOf } from '../../shared/api-client';
import { Link, Loading, ProblemBox, Select, TextInput, Wide } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { GENDERS, ageOn, formatDate } from '../../shared/labels';
import { navigate } from '../../shared/router';
import type { Me } from '../auth/Login';
import { EmergencyAccess } from '../client/EmergencyAccess';

type CaseloadClient = ResponseOf<'/api/caseload/signals'>['clients'][number];
type Signal = CaseloadClient['signals'][number];

const URGENCY: Record<Signal['urgency'], string> = { 3: 'Dringend', 2: 'Binnenkort', 1: 'Ter info' };

/** A client's signals, most urgent first, each with how urgent it is (issue 15 item 9). */
function Signals({ signals }: { signals: readonly Signal[] }) {
  if (signals.length === 0) return <span className="muted">Niets bijzonders</span>;
  return (
    <ul className="plain signals">
      {signals.map((s, i) => (
        <li key={i} data-urgency={s.urgency}>
          <strong className={s.urgency === 3 ? 'tag danger-tag' : 'tag'}>{URGENCY[s.urgency]}</strong> {s.text}
        </li>
      ))}
    </ul>
  );
}

export function CaseloadPage({ me }: { me: Me }) {
  const wholeOrganisation = me.role === 'admin-staff';
  const list = useQuery({
    queryKey: queryKeys.caseload,
    queryFn: () => dataOf(server.GET('/api/clients', { params: { query: { limit: 200 } } })),
  });
  // My own clients with what needs attention, in the engine's order; administrative staff see the whole organisation without signals.
  const signals = useQuery({
    queryKey: [...queryKeys.caseload, 'signals'],
    queryFn: () => dataOf(server.GET('/api/caseload/signals')),
    enabled: !wholeOrganisation,
  });
  // A client whose care ended (issue 15 item 4) is no longer active: listed apart, below, without signals.
  const ended = (list.data?.clients ?? []).filter((c) => c.careEndedOn !== undefined && c.careEndedOn !== null);
  const endedIds = new Set(ended.map((c) => c.id));
  const ranked = (signals.data?.clients ?? []).filter((c) => !endedIds.has(c.id));
  const known = new Set(ranked.map((c) => c.id));
  const quiet = (list.data?.clients ?? []).filter((c) => !known.has(c.id) && !endedIds.has(c.id));
  const rows: CaseloadClient[] = [...ranked, ...quiet.map((c) => ({ ...c, signals: [] }))];
  const urgent = ranked.filter((c) => c.signals.some((s) => s.urgency === 3)).length;
  return (
    <>
      <h1>Mijn caseload</h1>
      <p className="lead">Goedendag, {me.displayName}. {wholeOrganisation ? 'U ziet alle cliënten van de organisatie.' : 'Dit zijn de cliënten met wie u nu werkt. Wat aandacht nodig heeft, staat bovenaan.'}</p>
      {(list.isPending || (signals.isPending && !wholeOrganisation)) && <Loading what="Cliënten" />}
      <ProblemBox problem={problemOf(list.error ?? signals.error)} />
      {!wholeOrganisation && signals.data !== undefined && ranked.length > 0 && (
        <p role="status">{urgent === 0 ? 'Geen cliënt heeft nu iets dringends.' : `${urgent === 1 ? '1 cliënt heeft' : `${urgent} cliënten hebben`} iets dringends.`}</p>
      )}
      {list.data !== undefined && (rows.length === 0
        ? <p>U heeft nu geen actieve cliënten.</p>
        : (
            <Wide label="Mijn caseload (tabel)">
              <table className="list" data-testid="caseload">
                <caption className="sr-only">Cliënten{wholeOrganisation ? '' : ', wat aandacht nodig heeft bovenaan'}</caption>
                <thead>
                  <tr>
                    <th scope="col">Naam</th><th scope="col">Geboortedatum</th><th scope="col">Leeftijd</th>
                    {!wholeOrganisation && <th scope="col">Aandacht</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <td><Link to={`/clienten/${c.id}`}>{c.givenNames} {c.familyName}</Link></td>
                      <td>{formatDate(c.birthDate)}</td>
                      <td>{ageOn(c.birthDate)} jaar</td>
                      {!wholeOrganisation && <td data-testid="signals"><Signals signals={c.signals} /></td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </Wide>
          ))}
      {ended.length > 0 && (
        <section aria-labelledby="ended-title">
          <h2 id="ended-title">Hulp gestopt</h2>
          <p className="muted">
            {wholeOrganisation
              ? 'De hulp aan deze cliënten is gestopt. Hun dossiers worden bewaard.'
              : 'De hulp aan deze cliënten is gestopt. U blijft dossierhouder, bijvoorbeeld voor een verzoek om inzage.'}
          </p>
          <ul className="plain" data-testid="caseload-ended">
            {ended.map((c) => <li key={c.id}><Link to={`/clienten/${c.id}`}>{c.givenNames} {c.familyName}</Link> — hulp gestopt op {formatDate(c.careEndedOn)}</li>)}
          </ul>
        </section>
      )}
      <FindClient me={me} />
      {(me.role === 'care-professional' || me.role === 'admin-staff') && <RegisterClient />}
    </>
  );
}

/** A client found: one I may see (with birth date), or — outside my caseload — only that they exist (name, birth year). */
type Found = ResponseOf<'/api/clients/find', 'post'>['clients'][number];

/**
 * What one search box holds, as the API asks it: 9 digits are a BSN, a date (16-04-2012 or 2012-04-16) a birth date,
 * anything else a part of the name.
 */
export function searchOf(text: string): { bsn: string } | { birthDate: string } | { name: string } {
  const compact = text.replace(/\s+/g, '');
  if (/^\d{9}$/.test(compact)) return { bsn: compact };
  if (/^\d{4}-\d{2}-\d{2}$/.test(compact)) return { birthDate: compact };
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(compact);
  if (dutch !== null) return { birthDate: `${dutch[3]!}-${dutch[2]!.padStart(2, '0')}-${dutch[1]!.padStart(2, '0')}` };
  return { name: text.trim() };
}

/**
 * One search box for the whole organisation (issue 15): clients I may see link to their dossier; a client outside my
 * caseload shows only name and birth year, with the way to emergency access. Sent as a POST, so what is typed stays
 * out of addresses and logs.
 */
function FindClient({ me }: { me: Me }) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found[]>();
  const [asking, setAsking] = useState<string>();
  // A search changes nothing on the server: a mutation only because it is sent as a POST (what is typed stays out of logs).
  const search = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/find', { body: searchOf(text) })),
    invalidates: () => [],
    onSuccess: (answer) => {
      setFound(answer.clients);
      setAsking(undefined);
    },
  });
  const outside = found?.some((c) => c.shown === 'existence') ?? false;
  return (
    <section className="card" aria-labelledby="search-title">
      <h2 id="search-title">Cliënt zoeken</h2>
      <form className="inline" role="search" onSubmit={submitWith(() => search.mutate())}>
        <TextInput
          label="Zoek een cliënt: naam, geboortedatum of BSN"
          value={text}
          onChange={setText}
          required
          autoComplete="off"
          hint="Minstens 2 letters van de naam, of de hele geboortedatum (bijvoorbeeld 16-04-2012), of het hele BSN."
        />
        <button type="submit" disabled={search.isPending}>Zoeken</button>
      </form>
      <ProblemBox problem={problemOf(search.error)} />
      {found !== undefined && (found.length === 0
        ? <p role="status">Geen cliënten gevonden.</p>
        : (
            <ul className="plain" data-testid="search-results" aria-live="polite">
              {found.map((c) => (
                <li key={c.id}>
                  {c.shown === 'client'
                    ? <><Link to={`/clienten/${c.id}`}>{c.givenNames} {c.familyName}</Link> ({formatDate(c.birthDate)})</>
                    : (
                        <>
                          {c.givenNames} {c.familyName} (geboren in {c.birthYear}) <span className="tag">Niet in uw caseload</span>{' '}
                          <button type="button" className="link-button" aria-expanded={asking === c.id} onClick={() => setAsking(asking === c.id ? undefined : c.id)}>
                            Noodtoegang vragen
                          </button>
                          {asking === c.id && (
                            <EmergencyAccess clientId={c.id} clientName={`${c.givenNames} ${c.familyName}`} onOpened={() => navigate(`/clienten/${c.id}`)} />
                          )}
                        </>
                      )}
                </li>
              ))}
            </ul>
          ))}
      {found !== undefined && !outside && me.role !== 'admin-staff' && (
        <p className="muted">
          U ziet hier de cliënten met wie u werkt. Een cliënt buiten uw caseload ziet u alleen als u in uw organisatie noodtoegang mag vragen,
          en dan alleen de naam en het geboortejaar. Is er nood en vindt u de cliënt niet? Vraag dan een hulpverlener of de collega die dienst heeft.
        </p>
      )}
      {outside && (
        <p className="muted">
          Bij een cliënt buiten uw caseload ziet u alleen de naam en het geboortejaar. Heeft u in een noodsituatie meer nodig? Vraag dan noodtoegang.
          Dat wordt vastgelegd en achteraf beoordeeld.
        </p>
      )}
    </section>
  );
}

type Gender = BodyOf<'/api/clients'>['gender'];

function RegisterClient() {
  const [open, setOpen] = useState(false);
  const [givenNames, setGivenNames] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [gender, setGender] = useState<Gender>('unknown');
  const [bsn, setBsn] = useState('');
  const [streetAddress, setStreetAddress] = useState('');
  const [postcode, setPostcode] = useState('');
  const [town, setTown] = useState('');
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients', {
      body: { givenNames, familyName, birthDate, gender, ...(bsn.trim() === '' ? {} : { bsn: bsn.trim() }),
        ...(streetAddress.trim() === '' ? {} : { streetAddress: streetAddress.trim() }),
        ...(postcode.trim() === '' ? {} : { postcode: postcode.trim() }),
        ...(town.trim() === '' ? {} : { town: town.trim() }) },
    })),
    // The new client joins the caseload and the search.
    invalidates: () => [queryKeys.clients],
    onSuccess: (answer) => navigate(`/clienten/${answer.id}`),
  });
  return (
    <section className="card" aria-labelledby="register-title">
      <h2 id="register-title">Nieuwe cliënt</h2>
      {!open
        ? <button type="button" className="secondary" onClick={() => setOpen(true)}>Nieuwe cliënt inschrijven</button>
        : (
            <form onSubmit={submitWith(() => save.mutate())}>
              <TextInput label="Voornamen" value={givenNames} onChange={setGivenNames} required />
              <TextInput label="Achternaam" value={familyName} onChange={setFamilyName} required />
              <TextInput label="Geboortedatum" type="date" value={birthDate} onChange={setBirthDate} required />
              <Select label="Geslacht" value={gender} onChange={(v) => setGender(v as Gender)} options={GENDERS} />
              <TextInput label="BSN (als bekend)" value={bsn} onChange={setBsn} inputMode="numeric" hint="Zonder BSN zijn straat en huisnummer, postcode en woonplaats verplicht." />
              <TextInput label="Straat en huisnummer" value={streetAddress} onChange={setStreetAddress} autoComplete="off" />
              <TextInput label="Postcode" value={postcode} onChange={setPostcode} autoComplete="off" />
              <TextInput label="Woonplaats" value={town} onChange={setTown} autoComplete="off" />
              <ProblemBox problem={problemOf(save.error)} />
              <div className="actions">
                <button type="submit" disabled={save.isPending}>Inschrijven</button>
                <button type="button" className="secondary" onClick={() => setOpen(false)}>Annuleren</button>
              </div>
            </form>
          )}
    </section>
  );
}
