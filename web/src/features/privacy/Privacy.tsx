/** The privacy officer's pages: emergency-access review queue, unusual-access report, disclosure register, who saw a dossier (privacy/AccessLogDesk.tsx), the requests' deadlines. */
import { useState } from 'react';
import { api, get, post } from '../../shared/api';
import { Link, Loading, ProblemBox, TextArea, TextInput, useLoad, useSubmit, Wide, ConfirmButton } from '../../shared/components';
import { ACCESS_BASES, ACCESS_OUTCOMES, ROLES, formatDate, label, today } from '../../shared/labels';
import { match } from '../../shared/router';
import type { Me } from '../auth/Login';
import { ProcessingRecords, RetentionReview } from './PrivacyRegisters';
import { BreachRegister } from './BreachRegister';
import { AccessSessions, FindClientLog } from './AccessLogDesk';
import { DisclosureRegister, PrivacyRequests } from './PrivacyRegisterViews';

const SECTIONS: [string, string][] = [
  ['/privacy', 'Noodtoegang beoordelen'],
  ['/privacy/ongewoon', 'Ongewone toegang'],
  ['/privacy/verstrekkingen', 'Verstrekkingen'],
  ['/privacy/toegang', 'Wie zag dit dossier?'],
  ['/privacy/verzoeken', 'Verzoeken'],
  ['/privacy/datalekken', 'Datalekken'],
  ['/privacy/bewaren', 'Bewaartermijnen'],
  ['/privacy/verwerkingen', 'Verwerkingsregister'],
  ['/privacy/instellingen', 'Instellingen'],
];

export function PrivacyPage({ path }: { me: Me; path: string }) {
  const log = match('/privacy/toegang/:clientId', path);
  return (
    <>
      <h1>Privacy</h1>
      <nav aria-label="Privacy-onderdelen" className="tabs">
        <ul>
          {SECTIONS.map(([to, text]) => (
            <li key={to}><Link to={to} current={to === '/privacy' ? path === to : path.startsWith(to)}>{text}</Link></li>
          ))}
        </ul>
      </nav>
      {path === '/privacy' && <ReviewQueue reviewer="privacy-officer" />}
      {path === '/privacy/ongewoon' && <UnusualAccess />}
      {path === '/privacy/verstrekkingen' && <DisclosureRegister />}
      {path === '/privacy/toegang' && <FindClientLog />}
      {log !== undefined && <AccessSessions key={log.clientId} clientId={log.clientId!} />}
      {path === '/privacy/verzoeken' && <PrivacyRequests />}
      {path === '/privacy/datalekken' && <BreachRegister />}
      {path === '/privacy/bewaren' && <RetentionReview />}
      {path === '/privacy/verwerkingen' && <ProcessingRecords />}
      {path === '/privacy/instellingen' && <OrganisationSettings />}
    </>
  );
}

interface EmergencyAccess {
  id: string; client: { id: string; familyName: string; givenNames: string }; employee: { id: string; name: string; role: string };
  reason: string; startedAt: string; expiresAt: string; review: { justified?: boolean; note?: string; reviewedBy?: string; reviewedAt?: string } | null;
}

/**
 * The review queue of emergency accesses: the privacy officer reviews everyone's, a manager the privacy officer's own
 * (issue 14: nobody reviews their own emergency access). Only the privacy officer has the access-log page to link to.
 */
export function ReviewQueue({ reviewer }: { reviewer: 'privacy-officer' | 'manager' }) {
  const [openOnly, setOpenOnly] = useState(true);
  const list = useLoad(() => get<{ accesses: EmergencyAccess[] }>(`/api/privacy/emergency-reviews?open=${openOnly}`), [openOnly]);
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">Noodtoegang beoordelen</h2>
      <p>
        {reviewer === 'manager'
          ? 'De functionaris gegevensbescherming heeft een dossier geopend met noodtoegang. Zij kan dat niet zelf beoordelen; dat doet u. '
          : 'Iemand zonder behandelrelatie heeft een dossier geopend met noodtoegang. Beoordeel of dat terecht was. '}
        Was het niet terecht? Dan is het mogelijk een datalek.
      </p>
      <label className="checkbox"><input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> Alleen nog niet beoordeelde tonen</label>
      {list.loading && <Loading what="Noodtoegangen" />}
      <ProblemBox problem={list.problem} />
      {list.data !== undefined && list.data.accesses.length === 0 && <p>Er is niets te beoordelen.</p>}
      <ul className="plain" data-testid="review-queue">
        {list.data?.accesses.map((a) => <ReviewItem key={a.id} access={a} onDone={list.reload} linkToLog={reviewer === 'privacy-officer'} />)}
      </ul>
    </section>
  );
}

function ReviewItem({ access: a, onDone, linkToLog }: { access: EmergencyAccess; onDone: () => void; linkToLog: boolean }) {
  const [note, setNote] = useState('');
  const [result, setResult] = useState<{ justified: boolean; candidateBreach: boolean }>();
  const review = (justified: boolean) => post<{ id: string; justified: boolean; candidateBreach: boolean }>(`/api/privacy/emergency-reviews/${a.id}`, { justified, ...(note.trim() === '' ? {} : { note: note.trim() }) });
  const yes = useSubmit(() => review(true), setResult);
  const no = useSubmit(() => review(false), setResult);
  const reviewed = a.review !== null && a.review.justified !== undefined;
  return (
    <li className="card" data-testid="review-item">
      <h3>{a.employee.name} ({label(ROLES, a.employee.role)}) opende het dossier van {a.client.givenNames} {a.client.familyName}</h3>
      <p>Op {formatDate(a.startedAt)}, toegang tot {formatDate(a.expiresAt)}.</p>
      <p>Reden: <q>{a.reason}</q></p>
      {linkToLog && <p><Link to={`/privacy/toegang/${a.client.id}`}>Bekijk wie dit dossier zag</Link></p>}
      {reviewed && <p className="meta">Beoordeeld: {a.review?.justified === true ? 'terecht' : 'niet terecht'}{a.review?.note !== undefined && ` — ${a.review.note}`} ({a.review?.reviewedBy}, {formatDate(a.review?.reviewedAt)})</p>}
      {result !== undefined && (
        <p role="status" className={result.candidateBreach ? 'warning' : 'ok'}>
          Vastgelegd: {result.justified ? 'terecht' : 'niet terecht'}.{result.candidateBreach && ' Dit is mogelijk een datalek. Beoordeel of u het moet melden bij de Autoriteit Persoonsgegevens (AVG 33) en aan de cliënt (AVG 34).'}
        </p>
      )}
      {!reviewed && result === undefined && (
        <form onSubmit={(e) => e.preventDefault()}>
          <TextArea label="Toelichting bij uw oordeel" value={note} onChange={setNote} rows={2} />
          <ProblemBox problem={yes.problem ?? no.problem} />
          <div className="actions">
            <button type="button" disabled={yes.busy || no.busy} onClick={() => void yes.submit()}>Terecht</button>
            <ConfirmButton className="danger" disabled={yes.busy || no.busy} question="Niet terecht? Dan is dit mogelijk een datalek, en uw oordeel ligt vast." confirm="Ja, niet terecht" onConfirm={() => void no.submit()}>Niet terecht</ConfirmButton>
          </div>
        </form>
      )}
      {result !== undefined && <button type="button" className="secondary" onClick={onDone}>Lijst verversen</button>}
    </li>
  );
}

interface Unusual {
  day: string; thresholds: { outsideCaseloadPerDay: number; employeesPerDossierPerDay: number };
  withoutRelation: { employee: { id: string; name: string }; client: { id: string; name: string }; at: string; outcome: string; basis: string }[];
  emergencyAwaitingReview: { id: string; employee: { name: string }; client: { id: string; name: string }; startedAt: string }[];
  employeesOutsideCaseload: { employee: { name: string }; dossiers: number }[];
  dossiersManyEmployees: { client: { id: string; name: string }; employees: number }[];
}

function UnusualAccess() {
  const [day, setDay] = useState(today());
  const report = useLoad(() => get<Unusual>(`/api/privacy/unusual-access?day=${day}`), [day]);
  const r = report.data;
  return (
    <section aria-labelledby="unusual-title">
      <h2 id="unusual-title">Ongewone toegang</h2>
      <TextInput label="Dag" type="date" value={day} onChange={(v) => v !== '' && setDay(v)} />
      {report.loading && <Loading what="Rapport" />}
      <ProblemBox problem={report.problem} />
      {r !== undefined && (
        <>
          <h3>Toegang zonder behandelrelatie</h3>
          {r.withoutRelation.length === 0
            ? <p>Geen.</p>
            : (
                <Wide label="Toegang zonder behandelrelatie (tabel)">
                  <table className="list">
                    <thead><tr><th scope="col">Tijd</th><th scope="col">Medewerker</th><th scope="col">Dossier</th><th scope="col">Uitkomst</th><th scope="col">Grond</th></tr></thead>
                    <tbody>
                      {r.withoutRelation.map((w, i) => (
                        <tr key={i}><td>{formatDate(w.at)}</td><td>{w.employee.name}</td><td><Link to={`/privacy/toegang/${w.client.id}`}>{w.client.name}</Link></td><td>{label(ACCESS_OUTCOMES, w.outcome)}</td><td>{label(ACCESS_BASES, w.basis)}</td></tr>
                      ))}
                    </tbody>
                  </table>
                </Wide>
              )}
          <h3>Noodtoegang die nog beoordeeld moet worden</h3>
          {r.emergencyAwaitingReview.length === 0
            ? <p>Geen.</p>
            : (
                <ul className="plain">{r.emergencyAwaitingReview.map((e) => <li key={e.id}>{e.employee.name} — {e.client.name}, {formatDate(e.startedAt)}</li>)}</ul>
              )}
          <h3>Medewerkers die veel dossiers buiten hun caseload openden (meer dan {r.thresholds.outsideCaseloadPerDay})</h3>
          {r.employeesOutsideCaseload.length === 0
            ? <p>Geen.</p>
            : (
                <ul className="plain">{r.employeesOutsideCaseload.map((e, i) => <li key={i}>{e.employee.name}: {e.dossiers} dossiers</li>)}</ul>
              )}
          <h3>Dossiers die door veel medewerkers werden geopend (meer dan {r.thresholds.employeesPerDossierPerDay})</h3>
          {r.dossiersManyEmployees.length === 0
            ? <p>Geen.</p>
            : (
                <ul className="plain">{r.dossiersManyEmployees.map((d, i) => <li key={i}><Link to={`/privacy/toegang/${d.client.id}`}>{d.client.name}</Link>: {d.employees} medewerkers</li>)}</ul>
              )}
        </>
      )}
    </section>
  );
}

interface Contact { postalAddress: string; postalCode: string; place: string; phone: string; email: string; website: string }
interface Settings { emergencyAccessRoles: string[]; destructionSecondConfirmation: boolean; portalReleaseDays: number; contact: Contact; mayChange: boolean }

/** The roles an organisation may let break the glass, each with one line of why (never the application administrator). */
const EMERGENCY_ROLE_CHOICES: [string, string][] = [
  ['care-professional', 'Geeft hulp aan cliënten. Ook wie een collega vervangt, hoort hierbij.'],
  ['intern', 'Werkt onder begeleiding. Heeft de cliënt bezwaar tegen stagiairs? Dan geldt dat ook bij nood.'],
  ['admin-staff', 'Doet de administratie en geeft zelf geen hulp.'],
  ['manager', 'Stuurt de hulp aan en geeft zelf meestal geen hulp.'],
  ['privacy-officer', 'Houdt toezicht op privacy. Een leidinggevende beoordeelt dan uw eigen noodtoegang.'],
];

/**
 * The organisation's privacy settings (issue 14): who may break the glass, and whether a destruction waits for a
 * second person. The privacy officer changes them; a manager who opens this sees them without the form.
 */
export function OrganisationSettings() {
  const loaded = useLoad(() => get<Settings>('/api/organisation/settings'), []);
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">Instellingen</h2>
      {loaded.loading && <Loading what="Instellingen" />}
      <ProblemBox problem={loaded.problem} />
      {loaded.data !== undefined && <SettingsForm settings={loaded.data} />}
      {loaded.data !== undefined && <ContactForm contact={loaded.data.contact} readOnly={!loaded.data.mayChange} />}
    </section>
  );
}

/** The fields of the organisation's contact details, with their Dutch label and an example. */
const CONTACT_FIELDS: [keyof Contact, string, string][] = [
  ['postalAddress', 'Straat en huisnummer, of postbus', 'Bijvoorbeeld: Stationsplein 12 of Postbus 1234'],
  ['postalCode', 'Postcode', 'Bijvoorbeeld: 3511 AB'],
  ['place', 'Plaats', 'Bijvoorbeeld: Utrecht'],
  ['phone', 'Telefoonnummer', 'Bijvoorbeeld: 030 123 45 67'],
  ['email', 'E-mailadres', 'Bijvoorbeeld: privacy@organisatie.nl'],
  ['website', 'Website', 'Bijvoorbeeld: www.organisatie.nl'],
];
const inputModes: Partial<Record<keyof Contact, 'tel' | 'email' | 'url'>> = { phone: 'tel', email: 'email', website: 'url' };

/**
 * The organisation's address, phone, e-mail and website as its letters show them (issue 15 item 3). The privacy
 * officer records them; without an address a letter asks the requester to get it from the dossier holder.
 */
function ContactForm({ contact, readOnly }: { contact: Contact; readOnly: boolean }) {
  const [values, setValues] = useState<Contact>(contact);
  const [saved, setSaved] = useState(false);
  const save = useSubmit(() => api<Settings>('PUT', '/api/organisation/contact', values), (answer) => {
    setValues(answer.contact);
    setSaved(true);
  });
  const change = (field: keyof Contact, value: string) => {
    setSaved(false);
    setValues((now) => ({ ...now, [field]: value }));
  };
  return (
    <form onSubmit={(e) => void (readOnly ? e.preventDefault() : save.submit(e))} aria-labelledby="contact-title" aria-describedby="contact-intro" data-testid="organisation-contact">
      <h3 id="contact-title">Adres op brieven</h3>
      <p id="contact-intro">
        Dit adres staat bovenaan elke brief over een verzoek, met telefoon, e-mail en website. Zo weet de cliënt waar hij terecht kan.
        {readOnly ? ' Alleen de functionaris gegevensbescherming kan het veranderen.' : ' Laat een veld leeg als u het niet op de brief wilt.'}
      </p>
      {CONTACT_FIELDS.map(([field, text, hint]) => (
        <div key={field} className="field">
          <label htmlFor={`contact-${field}`}>{text}</label>
          <input
            id={`contact-${field}`}
            name={field}
            value={values[field]}
            disabled={readOnly}
            // The organisation's details, not the officer's own: the browser must not fill in a personal address.
            autoComplete="off"
            inputMode={inputModes[field]}
            onChange={(e) => change(field, e.target.value)}
            aria-describedby={`contact-${field}-hint`}
          />
          <p className="hint" id={`contact-${field}-hint`}>{hint}</p>
        </div>
      ))}
      <ProblemBox problem={save.problem} />
      {saved && <p role="status" className="ok">Het adres op brieven is opgeslagen.</p>}
      {!readOnly && <div className="actions"><button type="submit" disabled={save.busy}>Adres opslaan</button></div>}
    </form>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const [roles, setRoles] = useState<string[]>(settings.emergencyAccessRoles);
  const [second, setSecond] = useState(settings.destructionSecondConfirmation);
  const [days, setDays] = useState(String(settings.portalReleaseDays));
  const [saved, setSaved] = useState(false);
  const save = useSubmit(
    () => api<Settings>('PUT', '/api/organisation/settings', {
      emergencyAccessRoles: roles, destructionSecondConfirmation: second, portalReleaseDays: Number(days),
    }),
    (answer) => {
      setRoles(answer.emergencyAccessRoles);
      setSecond(answer.destructionSecondConfirmation);
      setDays(String(answer.portalReleaseDays));
      setSaved(true);
    },
  );
  const readOnly = !settings.mayChange;
  const changeDays = (value: string) => {
    setSaved(false);
    setDays(value);
  };
  const changeSecond = (on: boolean) => {
    setSaved(false);
    setSecond(on);
  };
  const toggle = (role: string, on: boolean) => {
    setSaved(false);
    setRoles((now) => (on ? [...now.filter((r) => r !== role), role] : now.filter((r) => r !== role)));
  };
  return (
    <form onSubmit={(e) => void (readOnly ? e.preventDefault() : save.submit(e))} aria-describedby="settings-intro">
      <p id="settings-intro">
        {readOnly
          ? 'Dit zijn de privacy-instellingen van de organisatie. Alleen de functionaris gegevensbescherming kan ze veranderen.'
          : 'U bepaalt hier hoe de organisatie dossiers beschermt. Elke wijziging komt in het logboek, met de oude en de nieuwe instelling.'}
      </p>
      <fieldset>
        <legend>Wie mag noodtoegang gebruiken?</legend>
        <p className="meta">Met noodtoegang opent iemand zonder behandelrelatie een dossier. Dat wordt altijd achteraf beoordeeld.</p>
        {EMERGENCY_ROLE_CHOICES.map(([role, why]) => (
          <div key={role}>
            <label className="checkbox">
              <input
                type="checkbox"
                name="emergency-role"
                value={role}
                checked={roles.includes(role)}
                disabled={readOnly}
                onChange={(e) => toggle(role, e.target.checked)}
                aria-describedby={`why-${role}`}
              />
              {' '}{label(ROLES, role)}
            </label>
            <p className="meta" id={`why-${role}`}>{why}</p>
          </div>
        ))}
        <p className="meta">De functioneel beheerder kan nooit noodtoegang krijgen: die beheert accounts en ziet geen cliënten.</p>
      </fieldset>
      <fieldset>
        <legend>Vernietigen</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            name="second-confirmation"
            checked={second}
            disabled={readOnly}
            onChange={(e) => changeSecond(e.target.checked)}
            aria-describedby="why-second"
          />
          {' '}Tweede bevestiging bij vernietiging
        </label>
        <p className="meta" id="why-second">Een dossier wordt pas vernietigd als een tweede persoon dat bevestigt. Zo kan niemand in zijn eentje een dossier laten verdwijnen.</p>
      </fieldset>
      <fieldset>
        <legend>Cliëntportaal</legend>
        <label htmlFor="portal-release-days">Na hoeveel dagen komt een nieuw stuk vanzelf in het portaal?</label>
        <input
          id="portal-release-days"
          name="portal-release-days"
          type="number"
          inputMode="numeric"
          min={0}
          max={365}
          required
          value={days}
          disabled={readOnly}
          onChange={(e) => changeDays(e.target.value)}
          aria-describedby="why-release-days"
        />
        <p className="meta" id="why-release-days">
          Zo kan de hulpverlener een stuk eerst met de cliënt of de ouders bespreken. De dossierhouder kan een stuk eerder vrijgeven,
          of achterhouden als het de cliënt duidelijk ernstig zou schaden (na overleg met een andere hulpverlener) of om de privacy van een ander
          te beschermen. Bij 0 dagen staat een stuk er meteen in.
        </p>
      </fieldset>
      <ProblemBox problem={save.problem} />
      {saved && <p role="status" className="ok">De instellingen zijn opgeslagen.</p>}
      {!readOnly && <div className="actions"><button type="submit" disabled={save.busy}>Instellingen opslaan</button></div>}
    </form>
  );
}
