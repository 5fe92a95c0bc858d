/**
 * The organisation's privacy settings (issue 14) and its address on letters (issue 15 item 3), on the privacy
 * officer's Instellingen tab.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type ResponseOf } from '../../shared/api-client';
import { Loading, ProblemBox } from '../../shared/components';
import { ROLES, label } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';

type Settings = ResponseOf<'/api/organisation/settings'>;
type Contact = Settings['contact'];
type Role = Settings['emergencyAccessRoles'][number];

/** The roles an organisation may let break the glass, each with one line of why (never the application administrator). */
const EMERGENCY_ROLE_CHOICES: [Role, string][] = [
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
  const loaded = useQuery({ queryKey: queryKeys.organisationSettings, queryFn: () => dataOf(server.GET('/api/organisation/settings')) });
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">Instellingen</h2>
      {loaded.isPending && <Loading what="Instellingen" />}
      <ProblemBox problem={problemOf(loaded.error)} />
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
  const save = useApiMutation({
    mutationFn: () => dataOf(server.PUT('/api/organisation/contact', { body: values })),
    invalidates: () => [queryKeys.organisationSettings],
    onSuccess: (answer) => {
      setValues(answer.contact);
      setSaved(true);
    },
  });
  const change = (field: keyof Contact, value: string) => {
    setSaved(false);
    setValues((now) => ({ ...now, [field]: value }));
  };
  return (
    <form onSubmit={submitWith(() => readOnly || save.mutate())} aria-labelledby="contact-title" aria-describedby="contact-intro" data-testid="organisation-contact">
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
      <ProblemBox problem={problemOf(save.error)} />
      {saved && <p role="status" className="ok">Het adres op brieven is opgeslagen.</p>}
      {!readOnly && <div className="actions"><button type="submit" disabled={save.isPending}>Adres opslaan</button></div>}
    </form>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const [roles, setRoles] = useState<Role[]>(settings.emergencyAccessRoles);
  const [second, setSecond] = useState(settings.destructionSecondConfirmation);
  const [days, setDays] = useState(String(settings.portalReleaseDays));
  const [saved, setSaved] = useState(false);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.PUT('/api/organisation/settings', {
      body: { emergencyAccessRoles: roles, destructionSecondConfirmation: second, portalReleaseDays: Number(days) },
    })),
    invalidates: () => [queryKeys.organisationSettings],
    onSuccess: (answer) => {
      setRoles(answer.emergencyAccessRoles);
      setSecond(answer.destructionSecondConfirmation);
      setDays(String(answer.portalReleaseDays));
      setSaved(true);
    },
  });
  const readOnly = !settings.mayChange;
  const changeDays = (value: string) => {
    setSaved(false);
    setDays(value);
  };
  const changeSecond = (on: boolean) => {
    setSaved(false);
    setSecond(on);
  };
  const toggle = (role: Role, on: boolean) => {
    setSaved(false);
    setRoles((now) => (on ? [...now.filter((r) => r !== role), role] : now.filter((r) => r !== role)));
  };
  return (
    <form onSubmit={submitWith(() => readOnly || save.mutate())} aria-describedby="settings-intro">
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
      <ProblemBox problem={problemOf(save.error)} />
      {saved && <p role="status" className="ok">De instellingen zijn opgeslagen.</p>}
      {!readOnly && <div className="actions"><button type="submit" disabled={save.isPending}>Instellingen opslaan</button></div>}
    </form>
  );
}
