/** One client: overview (identity, custody and representation, consents, agreements, emergency summary), timeline, requests; emergency access when refused. */
import { useEffect, useState } from 'react';
import { ApiError, api, get, post, setClientPurpose, toProblem, type Problem } from '../../shared/api';
import { Basis, Link, Loading, ProblemBox, Select, TextArea, TextInput, useLoad, useSubmit, ConfirmButton } from '../../shared/components';
import { DeathRecords } from '../privacy/DeathRecords';
import {
  AGREEMENTS, CONSENT_GIVERS, CONSENT_KINDS, RELATIONS, WISHES_IN_LIFE,
  ageOn, formatDate, label, today,
} from '../../shared/labels';
import type { Me } from '../auth/Login';
import { TimelinePage } from './Timeline';
import { ClientRequests, RequestDetail } from '../requests/Requests';
import { ClientDisclosures } from '../privacy/Disclosures';
import { TransferCard } from './Transfer';
import type { ClientDetail } from '../../shared/client-detail';
import { ClientWorkNotes } from '../work-notes/WorkNotes';
import { ClientFamilies } from '../family/Family';
import { EmergencyAccess, EmergencyBanner, SummaryView, type EmergencySummary } from './EmergencyAccess';
import { Act } from '../../../../src/rules/acts.js';
import { NamedPurpose, PurposeReference, decidePurpose } from '../../../../src/rules/decide-purpose.js';
import { Actor } from '../../../../src/rules/vocabulary.js';
import { mayDo } from '../../shared/permissions';
import { NotYours } from '../requests/RequestActions';
import { ActingForSelect, NOBODY, type ActingForChoice } from './ActingFor';
import { useCareTeam, type CareTeamMember } from './care-team';
import { CareTeamCard } from './CareTeam';
import { CompetenceCard } from './Competence';
import { EndOfCareCard } from './EndOfCare';
import { IdentityCard } from './Identity';
import { InternObjectionCard } from './InternObjection';
import { MessagesCard } from './Messages';
import { PortalInvitationCard } from './PortalInvitation';
import { RelationsCard } from './Relations';
import { Toggle } from './Toggle';

const TABS: [string, string][] = [['overzicht', 'Overzicht'], ['tijdlijn', 'Dossier (tijdlijn)'], ['verzoeken', 'Verzoeken'], ['verstrekkingen', 'Verstrekkingen']];

export function ClientPage({ me, clientId, tab, sub }: { me: Me; clientId: string; tab: string; sub: string | undefined }) {
  const client = useLoad(() => get<ClientDetail>(`/api/clients/${encodeURIComponent(clientId)}`), [clientId]);
  // Reading a restricted dossier for a procedure (AVG 18(2)) names a hold; it holds for this client only.
  const [procedure, setProcedure] = useState<{ clientId: string; holdId: string }>();
  const holdId = procedure?.clientId === clientId ? procedure.holdId : undefined;
  useEffect(() => () => setClientPurpose(clientId, undefined), [clientId]);
  if (client.loading && client.data === undefined) return <Loading what="Cliënt" />;
  if (client.data === undefined) {
    return (
      <>
        <h1>Dossier openen</h1>
        <ProblemBox problem={client.problem} />
        {client.problem?.status === 403 && me.role !== 'application-administrator' && <EmergencyAccess clientId={clientId} onOpened={client.reload} />}
        {me.role === 'privacy-officer' && <WhoSawLink clientId={clientId} />}
        <p><Link to="/">Terug naar mijn caseload</Link></p>
      </>
    );
  }
  const c = client.data;
  return (
    <>
      {/* The client's name and the parts stay in view while scrolling a long dossier (issue 15). */}
      <div className="client-head">
        <p className="breadcrumb"><Link to="/">Mijn caseload</Link> › {c.givenNames} {c.familyName}</p>
        <h1>{c.givenNames} {c.familyName} <span className="muted">({ageOn(c.birthDate)} jaar)</span></h1>
        <nav aria-label="Onderdelen van het dossier" className="tabs">
          <ul>
            {TABS.map(([key, text]) => (
              <li key={key}><Link to={`/clienten/${c.id}${key === 'overzicht' ? '' : `/${key}`}`} current={tab === key}>{text}</Link></li>
            ))}
          </ul>
        </nav>
      </div>
      {c.emergencyAccess != null && <EmergencyBanner expiresAt={c.emergencyAccess.expiresAt} onEnded={client.reload} />}
      {me.role === 'privacy-officer' && <WhoSawLink clientId={c.id} />}
      {c.processingRestriction != null && mayReadForProcedure(me) && (holdId !== undefined || tab === 'overzicht' || tab === 'tijdlijn') && (
        <LegalClaimsReading
          clientId={c.id}
          holdId={holdId}
          onChange={(id) => setProcedure(id === undefined ? undefined : { clientId: c.id, holdId: id })}
        />
      )}
      {/* Keyed by the procedure: starting or stopping it loads what it opens (or closes) again. */}
      {tab === 'overzicht' && <Overview key={holdId ?? 'closed'} client={c} me={me} onChanged={client.reload} />}
      {tab === 'tijdlijn' && <TimelinePage key={holdId ?? 'closed'} client={c} me={me} />}
      {tab === 'verzoeken' && sub === undefined && <ClientRequests client={c} me={me} />}
      {tab === 'verzoeken' && sub !== undefined && <RequestDetail client={c} requestId={sub} me={me} onClientChanged={client.reload} />}
      {tab === 'verstrekkingen' && <ClientDisclosures clientId={c.id} />}
    </>
  );
}

/**
 * Whether the engine lets this employee name a procedure to read a restricted dossier (decide-purpose.ts: the care
 * professional involved or their substitute, and the manager; not interns, administrative staff or the privacy
 * officer). The gate asks the same engine, with the hold, and stays the judge.
 */
function mayReadForProcedure(me: Me): boolean {
  return decidePurpose({ actor: purposeActor(me), purpose: NamedPurpose.legalClaims, reference: PurposeReference.found }).outcome === 'allow';
}

/** The engine's actor for a purpose: a care professional who can open the client page is in its care team. */
function purposeActor(me: Me): Actor {
  switch (me.role) {
    case 'care-professional': return Actor.careProfessional;
    case 'manager': return Actor.manager;
    case 'intern': return Actor.intern;
    case 'admin-staff': return Actor.adminStaff;
    default: return Actor.employeeWithoutRelation;
  }
}

const HOLD_REFERENCE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A restricted dossier is read only for a procedure (AVG 18(2)): the professional fills in the kenmerk of the hold
 * the privacy officer recorded. The server's engine decides first; only then does the purpose go with this
 * client's requests (never another's), until "Klaar met inzien" or leaving the client.
 */
function LegalClaimsReading({ clientId, holdId, onChange }: {
  clientId: string; holdId: string | undefined; onChange: (holdId: string | undefined) => void;
}) {
  const [reference, setReference] = useState('');
  const open = useSubmit(async () => {
    const value = reference.trim().toLowerCase();
    if (!HOLD_REFERENCE.test(value)) {
      throw new ApiError({
        status: 400,
        nl: 'Dit is geen kenmerk van een procedure. Een kenmerk bestaat uit 32 cijfers en letters in vijf groepen, gescheiden door streepjes. Vraag het aan de privacyfunctionaris.',
      });
    }
    // A wrong kenmerk, or a role without a part in the procedure, is refused here with the engine's explanation.
    await get(`/api/clients/${clientId}/entries?limit=1`, { 'x-dossierwijzer-purpose': `legal-claims ${value}` });
    setClientPurpose(clientId, `legal-claims ${value}`);
    return value;
  }, (value) => {
    setReference('');
    onChange(value);
  });
  const stop = () => {
    setClientPurpose(clientId, undefined);
    onChange(undefined);
  };
  if (holdId !== undefined) {
    return (
      <section className="card" aria-labelledby="legal-claims-title" data-testid="legal-claims">
        <h2 id="legal-claims-title">Inzien voor een procedure (AVG 18)</h2>
        <p role="status">
          U leest dit dossier nu voor de procedure met kenmerk <code>{holdId}</code>. Alles wat u opent, wordt met dit doel vastgelegd.
          Lees alleen wat u voor de procedure nodig hebt.
        </p>
        <button type="button" onClick={stop}>Klaar met inzien</button>
      </section>
    );
  }
  return (
    <form className="card" onSubmit={(e) => void open.submit(e)} aria-labelledby="legal-claims-title" data-testid="legal-claims">
      <h2 id="legal-claims-title">Inzien voor een procedure (AVG 18)</h2>
      <p>
        De cliënt heeft gevraagd het gebruik van zijn of haar gegevens te beperken. Daarom is het dossier nu dicht: het wordt alleen bewaard.
        Loopt er een klacht, tuchtzaak of rechtszaak en hebt u het dossier nodig om u te verdedigen? Dan mag u het daarvoor inzien.
        De privacyfunctionaris legt de procedure vast en geeft u het kenmerk.
      </p>
      <TextInput label="Kenmerk van de procedure" value={reference} onChange={setReference} required hint="Het kenmerk geldt alleen voor deze cliënt." />
      <ProblemBox problem={open.problem} />
      <button type="submit" disabled={open.busy}>Inzien voor de procedure</button>
    </form>
  );
}

/** Reading the access log is the privacy officer's appointment (NEN 7513), so only they get this way in from the dossier. */
function WhoSawLink({ clientId }: { clientId: string }) {
  return <p><Link to={`/privacy/toegang/${clientId}`}>Wie zag dit dossier? (toegangslog)</Link></p>;
}

function Overview({ client: c, me, onChanged }: { client: ClientDetail; me: Me; onChanged: () => void }) {
  // The care team, loaded once: its own card, and whom administrative staff act for in the others.
  const team = useCareTeam(c.id);
  return (
    <div className="grid">
      <IdentityCard client={c} me={me} onChanged={onChanged} />
      <RelationsCard client={c} me={me} team={team.data} onChanged={onChanged} />
      <DeathCard client={c} me={me} onDone={onChanged} />
      {mayDo(me, c, Act.keepForGoodCare).outcome === 'allow' && <GoodCareCard clientId={c.id} onDone={onChanged} />}
      <Consents client={c} me={me} team={team.data} />
      <Agreements client={c} me={me} />
      <CareTeamCard client={c} me={me} team={team} onChanged={onChanged} />
      <EndOfCareCard
        client={c}
        me={me}
        onChanged={() => {
          team.reload();
          onChanged();
        }}
      />
      <InternObjectionCard client={c} me={me} />
      <PortalInvitationCard client={c} me={me} />
      {(me.role === 'care-professional' || me.role === 'intern') && <MessagesCard client={c} me={me} />}
      <CompetenceCard client={c} me={me} onChanged={onChanged} />
      {/* Updating the summary is recording in the dossier (the route asks the engine's recording decision for "dossier"). */}
      <EmergencySummaryCard clientId={c.id} canEdit={mayDo(me, c, Act.recordEntry).outcome === 'allow'} />
      <ClientFamilies clientId={c.id} clientName={c.familyName} families={c.families} />
      <TransferCard client={c} me={me} transfer={c.transfer} onDone={onChanged} />
      {/* Work notes are written for a client only by whom the engine lets record the part "personal work note". */}
      {mayDo(me, c, Act.recordEntry, { part: 'personal-work-note' }).outcome === 'allow' && <ClientWorkNotes clientId={c.id} />}
    </div>
  );
}

interface Consent { id: string; kind: string; givenBy: string; givenByRelationId: string | null; givenOn: string; recipient: string | null; purpose: string | null; validTo: string | null; active: boolean; withdrawnAt: string | null }

function Consents({ client, me, team }: { client: ClientDetail; me: Me; team: readonly CareTeamMember[] | undefined }) {
  const clientId = client.id;
  const [problem, setProblem] = useState<Problem>();
  // Administrative staff record and withdraw consents for an involved professional (004 C): they choose whom.
  const [actingFor, setActingFor] = useState<ActingForChoice>(NOBODY);
  const mayRecord = mayDo(me, client, Act.recordConsent, { actingFor: actingFor.actingFor });
  const mayWithdraw = mayDo(me, client, Act.withdrawConsent, { actingFor: actingFor.actingFor }).outcome === 'allow';
  // Only whoever gave a consent withdraws it, or the client once the law leaves that consent to them (AVG 7(3)).
  const withdraw = (consent: Consent, byClient: boolean) => {
    setProblem(undefined);
    const body = byClient ? { withdrawnBy: 'client' } : { withdrawnBy: consent.givenBy, ...(consent.givenByRelationId === null ? {} : { relationId: consent.givenByRelationId }) };
    api('POST', `/api/clients/${clientId}/consents/${consent.id}/withdraw`, body, actingFor.headers).then(() => {
      consents.reload();
      care.reload();
    }, (error: unknown) => setProblem(toProblem(error)));
  };
  const consents = useLoad(() => get<{ consents: Consent[] }>(`/api/clients/${clientId}/consents`), [clientId]);
  const care = useLoad(() => get<{ complete: boolean; missing: string[]; basis: string[]; explanation: string }>(`/api/clients/${clientId}/care-consent`), [clientId]);
  return (
    <section className="card" aria-labelledby="consents-title">
      <h2 id="consents-title">Toestemmingen</h2>
      {care.data !== undefined && (
        <div className={care.data.complete ? 'ok' : 'warning'}>
          <p><strong>{care.data.complete ? 'Toestemming voor de hulp is compleet.' : 'Toestemming voor de hulp is nog niet compleet.'}</strong></p>
          <p>{care.data.explanation}</p>
          <Basis basis={care.data.basis} />
        </div>
      )}
      <ProblemBox problem={care.problem} />
      <ProblemBox problem={consents.problem} />
      {consents.data !== undefined && (consents.data.consents.length === 0
        ? <p>Geen toestemmingen vastgelegd.</p>
        : (
            <ul className="plain">
              {consents.data.consents.map((x) => (
                <li key={x.id}>
                  {label(CONSENT_KINDS, x.kind)} — {label(CONSENT_GIVERS, x.givenBy)}, {formatDate(x.givenOn)}
                  {x.recipient !== null && `, aan ${x.recipient}`}{x.purpose !== null && ` voor ${x.purpose}`}
                  {' '}<span className={x.active ? 'tag ok' : 'tag'}>{x.active ? 'Geldig' : x.withdrawnAt !== null ? 'Ingetrokken' : 'Niet geldig'}</span>
                  {x.active && mayWithdraw && <> <button type="button" className="link-button" onClick={() => withdraw(x, false)}>ingetrokken door wie haar gaf</button></>}
                  {x.active && mayWithdraw && x.givenBy === 'legal-representatives' && <> <button type="button" className="link-button" onClick={() => withdraw(x, true)}>ingetrokken door de jongere zelf</button></>}
                </li>
              ))}
            </ul>
          ))}
      <ProblemBox problem={problem} />
      <ActingForSelect me={me} team={team} value={actingFor} onChange={setActingFor} label="Namens wie legt u toestemmingen vast?" />
      {mayRecord.outcome === 'allow'
        ? (
            <NewConsent
              client={client}
              headers={actingFor.headers}
              onDone={() => {
                consents.reload();
                care.reload();
              }}
            />
          )
        : <NotYours title="Toestemmingen vastleggen of intrekken" decision={mayRecord} />}
    </section>
  );
}

function Agreements({ client, me }: { client: ClientDetail; me: Me }) {
  const clientId = client.id;
  // The holder makes an agreement at the start of care; the holder or a manager ends it (acts.ts, Jeugdwet 7.3.11).
  const mayMake = mayDo(me, client, Act.makeAgreement);
  const mayEnd = mayDo(me, client, Act.endAgreement).outcome === 'allow';
  const [problem, setProblem] = useState<Problem>();
  const end = (id: string) => {
    setProblem(undefined);
    post(`/api/clients/${clientId}/agreements/${id}/end`).then(() => agreements.reload(), (error: unknown) => setProblem(toProblem(error)));
  };
  const agreements = useLoad(() => get<{ agreements: { id: string; agreement: string; agreedOn: string; endedOn: string | null; recordedBy: string }[] }>(`/api/clients/${clientId}/agreements`), [clientId]);
  return (
    <section className="card" aria-labelledby="agreements-title">
      <h2 id="agreements-title">Afspraken bij de start van de hulp</h2>
      <ProblemBox problem={agreements.problem} />
      {agreements.data !== undefined && (agreements.data.agreements.length === 0
        ? <p>Geen afspraken vastgelegd.</p>
        : (
            <ul className="plain">
              {agreements.data.agreements.map((a) => (
                <li key={a.id}>
                  {label(AGREEMENTS, a.agreement)} — sinds {formatDate(a.agreedOn)}{a.endedOn !== null && `, beëindigd ${formatDate(a.endedOn)}`} ({a.recordedBy})
                  {a.endedOn === null && mayEnd && <> <ConfirmButton className="link-button" ariaLabel={`Afspraak ${label(AGREEMENTS, a.agreement).toLowerCase()} beëindigen`} question="Deze afspraak beëindigen?" confirm="Ja, beëindigen" onConfirm={() => end(a.id)}>beëindigen</ConfirmButton></>}
                </li>
              ))}
            </ul>
          ))}
      <ProblemBox problem={problem} />
      {mayMake.outcome === 'allow'
        ? (
            <Toggle open="Afspraak vastleggen">
              {(close) => (
                <NewAgreement
                  clientId={clientId}
                  onDone={() => {
                    close();
                    agreements.reload();
                  }}
                />
              )}
            </Toggle>
          )
        : <NotYours title="Afspraken vastleggen" decision={mayMake} />}
    </section>
  );
}

function EmergencySummaryCard({ clientId, canEdit }: { clientId: string; canEdit: boolean }) {
  const summary = useLoad(() => get<EmergencySummary>(`/api/clients/${clientId}/emergency-summary`), [clientId]);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState({ medication: '', keyContacts: '', knownRisks: '' });
  const save = useSubmit(() => api<EmergencySummary>('PUT', `/api/clients/${clientId}/emergency-summary`, draft), () => {
    setEditing(false);
    summary.reload();
  });
  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title">Noodsamenvatting</h2>
      <ProblemBox problem={summary.problem} />
      {summary.data !== undefined && !editing && (
        <>
          <SummaryView summary={summary.data} />
          {canEdit && (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                const s = summary.data!;
                setDraft({ medication: s.medication, keyContacts: s.keyContacts, knownRisks: s.knownRisks });
                setEditing(true);
              }}
            >Noodsamenvatting bijwerken
            </button>
          )}
        </>
      )}
      {editing && (
        <form onSubmit={(e) => void save.submit(e)}>
          <TextArea label="Medicatie" value={draft.medication} onChange={(v) => setDraft({ ...draft, medication: v })} rows={2} />
          <TextArea label="Belangrijke contacten" value={draft.keyContacts} onChange={(v) => setDraft({ ...draft, keyContacts: v })} rows={2} />
          <TextArea label="Bekende risico's" value={draft.knownRisks} onChange={(v) => setDraft({ ...draft, knownRisks: v })} rows={2} />
          <ProblemBox problem={save.problem} />
          <div className="actions">
            <button type="submit" disabled={save.busy}>Opslaan</button>
            <button type="button" className="secondary" onClick={() => setEditing(false)}>Annuleren</button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The client's death (Jeugdwet 7.3.12a): shown when recorded; the holder or a manager records it (the engine's record-death). */
function DeathCard({ client: c, me, onDone }: { client: ClientDetail; me: Me; onDone: () => void }) {
  const death = c.death ?? null;
  if (death === null && mayDo(me, c, Act.recordDeath).outcome !== 'allow') return null;
  return (
    <section className="card" aria-labelledby="death-title">
      <h2 id="death-title">Overlijden</h2>
      {death !== null
        ? (
            <dl className="facts">
              <dt>Overleden op</dt><dd>{formatDate(death.diedOn)}</dd>
              <dt>Wens bij leven</dt><dd>{label(WISHES_IN_LIFE, death.wishInLife)}</dd>
              <dt>Vastgelegd door</dt><dd>{death.recordedBy}, {formatDate(death.recordedAt)}</dd>
            </dl>
          )
        : (
            <Toggle open="Overlijden vastleggen">
              {(close) => (
                <DeathForm
                  clientId={c.id}
                  onDone={() => {
                    close();
                    onDone();
                  }}
                />
              )}
            </Toggle>
          )}
      <DeathRecords client={c} onDone={onDone} />
      <p className="muted">
        Na het overlijden blijft het beroepsgeheim gelden. Nabestaanden en anderen krijgen alleen inzage of een kopie als de cliënt daar bij leven
        toestemming voor gaf, als zij een zwaarwegend belang hebben, of als zij het gezag hadden over een kind dat jonger dan 16 jaar overleed.
      </p>
    </section>
  );
}

/**
 * The dossier holder's good-care extension (Jeugdwet 7.3.8: "of zoveel langer als redelijkerwijs uit de zorg van een goed
 * jeugdhulpverlener voortvloeit"): keep the dossier until a date, with the reason. Distinct from a procedure hold.
 */
function GoodCareCard({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useSubmit(() => api('PUT', `/api/clients/${clientId}/retention/good-care`, { until, reason }), () => {
    setSaved(true);
    onDone();
  });
  return (
    <section className="card" aria-labelledby="good-care-title">
      <h2 id="good-care-title">Langer bewaren voor goede zorg</h2>
      <p className="muted">
        Vraagt goede zorg dat het dossier langer bewaard blijft dan de gewone termijn, bijvoorbeeld bij seksueel misbruik?
        Leg dan vast tot wanneer, en waarom. Dit is iets anders dan bewaren voor een procedure.
      </p>
      <form onSubmit={(e) => void save.submit(e)}>
        <TextInput label="Bewaren tot" type="date" value={until} onChange={setUntil} required />
        <TextArea label="Waarom goede zorg dit vraagt" hint="Minstens 10 tekens." value={reason} onChange={setReason} required />
        <ProblemBox problem={save.problem} />
        {saved && save.problem === undefined && <p role="status">Vastgelegd. De bewaartermijn hierboven is bijgewerkt.</p>}
        <button type="submit" disabled={save.busy}>Langer bewaren vastleggen</button>
      </form>
    </section>
  );
}

function DeathForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [diedOn, setDiedOn] = useState('');
  const [wishInLife, setWishInLife] = useState('none');
  const save = useSubmit(() => post(`/api/clients/${clientId}/death`, { diedOn, wishInLife }), onDone);
  return (
    <form onSubmit={(e) => void save.submit(e)}>
      <TextInput label="Datum van overlijden" type="date" value={diedOn} onChange={setDiedOn} required />
      <Select label="Wat legde de cliënt bij leven vast over inzage na overlijden?" value={wishInLife} onChange={setWishInLife} options={WISHES_IN_LIFE} />
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Overlijden vastleggen</button>
    </form>
  );
}

function NewConsent({ client, headers, onDone }: { client: ClientDetail; headers: Record<string, string>; onDone: () => void }) {
  return (
    <Toggle open="Toestemming vastleggen">
      {(close) => (
        <ConsentForm
          client={client}
          headers={headers}
          onDone={() => {
            close();
            onDone();
          }}
        />
      )}
    </Toggle>
  );
}

function ConsentForm({ client, headers, onDone }: { client: ClientDetail; headers: Record<string, string>; onDone: () => void }) {
  const [kind, setKind] = useState('care');
  const [givenBy, setGivenBy] = useState('client');
  const [relationId, setRelationId] = useState('');
  const [givenOn, setGivenOn] = useState(today());
  const [informationGiven, setInformationGiven] = useState('');
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState('');
  const [dataDescription, setDataDescription] = useState('');
  const relations: [string, string][] = client.relations.filter((r) => r.validTo === null).map((r) => [r.id, `${r.givenNames} ${r.familyName} (${label(RELATIONS, r.relation).toLowerCase()})`]);
  const save = useSubmit(() => api('POST', `/api/clients/${client.id}/consents`, {
    kind, givenBy, givenOn, informationGiven,
    ...(givenBy !== 'client' && relationId !== '' ? { givenByRelationId: relationId } : {}),
    ...(kind === 'disclosure' ? { recipient, purpose, dataDescription } : {}),
  }, headers), onDone);
  return (
    <form onSubmit={(e) => void save.submit(e)}>
      <Select label="Soort toestemming" value={kind} onChange={setKind} options={CONSENT_KINDS} />
      <Select label="Gegeven door" value={givenBy} onChange={setGivenBy} options={CONSENT_GIVERS} />
      {givenBy !== 'client' && <Select label="Welke persoon?" value={relationId} onChange={setRelationId} options={relations} allowEmpty="Kies een persoon" />}
      <TextInput label="Datum" type="date" value={givenOn} onChange={setGivenOn} required />
      <TextArea label="Welke uitleg is vooraf gegeven?" value={informationGiven} onChange={setInformationGiven} required rows={2} />
      {kind === 'disclosure' && (
        <>
          <TextInput label="Aan wie mogen gegevens worden gegeven?" value={recipient} onChange={setRecipient} required />
          <TextInput label="Waarvoor?" value={purpose} onChange={setPurpose} required />
          <TextInput label="Welke gegevens?" value={dataDescription} onChange={setDataDescription} required />
        </>
      )}
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Toestemming opslaan</button>
    </form>
  );
}

function NewAgreement({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [agreement, setAgreement] = useState('no-conversation-reports-to-parents');
  const [agreedOn, setAgreedOn] = useState(today());
  const save = useSubmit(() => post(`/api/clients/${clientId}/agreements`, { agreement, agreedOn }), onDone);
  return (
    <form onSubmit={(e) => void save.submit(e)}>
      <Select label="Afspraak" value={agreement} onChange={setAgreement} options={AGREEMENTS} />
      <TextInput label="Afgesproken op" type="date" value={agreedOn} onChange={setAgreedOn} required />
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Afspraak opslaan</button>
    </form>
  );
}
