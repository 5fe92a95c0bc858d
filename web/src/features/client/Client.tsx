/** One client: overview (identity, custody and representation, consents, agreements, emergency summary), timeline, requests; emergency access when refused. */
import { useEffect, useState } from 'react';
import { ApiError, setClientPurpose } from '../../shared/api';
import { dataOf, server } from '../../shared/api-client';
import { Link, Loading, ProblemBox, TextInput } from '../../shared/components';
import { ageOn } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import type { Me } from '../auth/Login';
import { TimelinePage } from './Timeline';
import { ClientRequests, RequestDetail } from '../requests/Requests';
import { ClientDisclosures } from '../privacy/Disclosures';
import { TransferCard } from './Transfer';
import type { ClientDetail } from '../../shared/client-detail';
import { ClientWorkNotes } from '../work-notes/WorkNotes';
import { ClientFamilies } from '../family/Family';
import { EmergencyAccess, EmergencyBanner } from './EmergencyAccess';
import { Act } from '../../../../src/rules/acts.js';
import { NamedPurpose, PurposeReference, decidePurpose } from '../../../../src/rules/decide-purpose.js';
import { Actor } from '../../../../src/rules/vocabulary.js';
import { mayDo } from '../../shared/permissions';
import { AgreementsCard } from './Agreements';
import { useCareTeam } from './care-team';
import { CareTeamCard } from './CareTeam';
import { useClientDetail, useForgetProcedureReads, useRefreshClient } from './client-queries';
import { CompetenceCard } from './Competence';
import { ConsentsCard } from './Consents';
import { DeathCard, GoodCareCard } from './Death';
import { EmergencySummaryCard } from './EmergencySummary';
import { EndOfCareCard } from './EndOfCare';
import { IdentityCard } from './Identity';
import { InternObjectionCard } from './InternObjection';
import { MessagesCard } from './Messages';
import { PortalInvitationCard } from './PortalInvitation';
import { RelationsCard } from './Relations';

const TABS: [string, string][] = [['overzicht', 'Overzicht'], ['tijdlijn', 'Dossier (tijdlijn)'], ['verzoeken', 'Verzoeken'], ['verstrekkingen', 'Verstrekkingen']];

export function ClientPage({ me, clientId, tab, sub }: { me: Me; clientId: string; tab: string; sub: string | undefined }) {
  // Opening the client asks for the record again (procedure-holds.test: a restriction carried out a moment ago).
  const client = useClientDetail(clientId, { onOpen: 'always' });
  // An emergency access opened or ended, a procedure's purpose named or dropped: what the caller may see changed, so every card asks again.
  const refresh = useRefreshClient(clientId);
  // Reading a restricted dossier for a procedure (AVG 18(2)) names a hold; it holds for this client only.
  const [procedure, setProcedure] = useState<{ clientId: string; holdId: string }>();
  const holdId = procedure?.clientId === clientId ? procedure.holdId : undefined;
  // Leaving the client ends the procedure's reading, and what it opened leaves the cache with it.
  const forget = useForgetProcedureReads(clientId);
  useEffect(() => () => setClientPurpose(clientId, undefined), [clientId]);
  useEffect(() => (holdId === undefined ? undefined : forget), [holdId, forget]);
  if (client.isPending) return <Loading what="Cliënt" />;
  // A refusal after an earlier answer (an emergency access that ended) closes the dossier: the cached record is not shown.
  const c = client.isError ? undefined : client.data;
  if (c === undefined) {
    const problem = problemOf(client.error);
    return (
      <>
        <h1>Dossier openen</h1>
        <ProblemBox problem={problem} />
        {problem?.status === 403 && me.role !== 'application-administrator' && <EmergencyAccess clientId={clientId} onOpened={refresh} />}
        {me.role === 'privacy-officer' && <WhoSawLink clientId={clientId} />}
        <p><Link to="/">Terug naar mijn caseload</Link></p>
      </>
    );
  }
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
      {c.emergencyAccess != null && <EmergencyBanner expiresAt={c.emergencyAccess.expiresAt} onEnded={refresh} />}
      {me.role === 'privacy-officer' && <WhoSawLink clientId={c.id} />}
      {c.processingRestriction != null && mayReadForProcedure(me) && (holdId !== undefined || tab === 'overzicht' || tab === 'tijdlijn') && (
        <LegalClaimsReading
          clientId={c.id}
          holdId={holdId}
          onChange={(id) => {
            if (id === undefined) forget();
            setProcedure(id === undefined ? undefined : { clientId: c.id, holdId: id });
            refresh();
          }}
        />
      )}
      {/* Keyed by the procedure: starting or stopping it loads what it opens (or closes) again. */}
      {tab === 'overzicht' && <Overview key={holdId ?? 'closed'} client={c} me={me} />}
      {tab === 'tijdlijn' && <TimelinePage key={holdId ?? 'closed'} client={c} me={me} />}
      {tab === 'verzoeken' && sub === undefined && <ClientRequests client={c} me={me} />}
      {tab === 'verzoeken' && sub !== undefined && <RequestDetail client={c} requestId={sub} me={me} onClientChanged={refresh} />}
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
  const open = useApiMutation({
    mutationFn: async () => {
      const value = reference.trim().toLowerCase();
      if (!HOLD_REFERENCE.test(value)) {
        throw new ApiError({
          status: 400,
          nl: 'Dit is geen kenmerk van een procedure. Een kenmerk bestaat uit 32 cijfers en letters in vijf groepen, gescheiden door streepjes. Vraag het aan de privacyfunctionaris.',
        });
      }
      // A wrong kenmerk, or a role without a part in the procedure, is refused here with the engine's explanation.
      await dataOf(server.GET('/api/clients/{clientId}/entries', {
        params: { path: { clientId }, query: { limit: 1 } }, headers: { 'x-dossierwijzer-purpose': `legal-claims ${value}` },
      }));
      setClientPurpose(clientId, `legal-claims ${value}`);
      return value;
    },
    // What the purpose opens is loaded again by ClientPage's refresh (onChange).
    invalidates: () => [],
    onSuccess: (value) => {
      setReference('');
      onChange(value);
    },
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
    <form className="card" onSubmit={submitWith(() => open.mutate())} aria-labelledby="legal-claims-title" data-testid="legal-claims">
      <h2 id="legal-claims-title">Inzien voor een procedure (AVG 18)</h2>
      <p>
        De cliënt heeft gevraagd het gebruik van zijn of haar gegevens te beperken. Daarom is het dossier nu dicht: het wordt alleen bewaard.
        Loopt er een klacht, tuchtzaak of rechtszaak en hebt u het dossier nodig om u te verdedigen? Dan mag u het daarvoor inzien.
        De privacyfunctionaris legt de procedure vast en geeft u het kenmerk.
      </p>
      <TextInput label="Kenmerk van de procedure" value={reference} onChange={setReference} required hint="Het kenmerk geldt alleen voor deze cliënt." />
      <ProblemBox problem={problemOf(open.error)} />
      <button type="submit" disabled={open.isPending}>Inzien voor de procedure</button>
    </form>
  );
}

/** Reading the access log is the privacy officer's appointment (NEN 7513), so only they get this way in from the dossier. */
function WhoSawLink({ clientId }: { clientId: string }) {
  return <p><Link to={`/privacy/toegang/${clientId}`}>Wie zag dit dossier? (toegangslog)</Link></p>;
}

function Overview({ client: c, me }: { client: ClientDetail; me: Me }) {
  // The care team, one cached answer: its own card, and whom administrative staff act for in the others.
  const team = useCareTeam(c.id);
  const refresh = useRefreshClient(c.id);
  return (
    <div className="grid">
      <IdentityCard client={c} me={me} />
      <RelationsCard client={c} me={me} team={team.data} />
      <DeathCard client={c} me={me} onDone={refresh} />
      {mayDo(me, c, Act.keepForGoodCare).outcome === 'allow' && <GoodCareCard clientId={c.id} />}
      <ConsentsCard client={c} me={me} team={team.data} />
      <AgreementsCard client={c} me={me} />
      <CareTeamCard client={c} me={me} />
      <EndOfCareCard client={c} me={me} />
      <InternObjectionCard client={c} me={me} />
      <PortalInvitationCard client={c} me={me} />
      {(me.role === 'care-professional' || me.role === 'intern') && <MessagesCard client={c} me={me} />}
      <CompetenceCard client={c} me={me} />
      {/* Updating the summary is recording in the dossier (the route asks the engine's recording decision for "dossier"). */}
      <EmergencySummaryCard clientId={c.id} canEdit={mayDo(me, c, Act.recordEntry).outcome === 'allow'} />
      <ClientFamilies clientId={c.id} clientName={c.familyName} families={c.families} />
      <TransferCard client={c} me={me} transfer={c.transfer} />
      {/* Work notes are written for a client only by whom the engine lets record the part "personal work note". */}
      {mayDo(me, c, Act.recordEntry, { part: 'personal-work-note' }).outcome === 'allow' && <ClientWorkNotes clientId={c.id} />}
    </div>
  );
}
