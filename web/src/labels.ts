/** Dutch labels (B1) for the codes the API uses. Unknown codes are shown as they are. */

export const ROLES: Record<string, string> = {
  'care-professional': 'Hulpverlener',
  'admin-staff': 'Administratief medewerker',
  'intern': 'Stagiair',
  'manager': 'Manager',
  'privacy-officer': 'Functionaris gegevensbescherming',
  'application-administrator': 'Functioneel beheerder',
};

export const ENTRY_KINDS: Record<string, string> = {
  'referral': 'Verwijzing',
  'intake-report': 'Intakeverslag',
  'help-question': 'Hulpvraag en besluit over de hulp',
  'plan': 'Plan',
  'evaluation': 'Evaluatie',
  'conversation-report': 'Gespreksverslag',
  'research-report': 'Onderzoeksverslag',
  'raw-test-data': 'Ruwe testgegevens',
  'case-discussion': 'Casusbespreking',
  'court-decision': 'Rechterlijke beslissing',
  'correspondence': 'Correspondentie',
  'third-party-information': 'Informatie van derden',
  'strengths-inventory': 'Krachteninventarisatie',
  'work-agreement': 'Werkafspraak',
  'decision': 'Besluit met onderbouwing',
  'information-given': 'Informatie aan cliënt gegeven',
  'disclosure': 'Gegevensverstrekking',
  'meldcode-step': 'Stap meldcode',
  'freedom-restriction': 'Vrijheidsbeperkende maatregel',
  'own-statement': 'Eigen verklaring cliënt',
};

export const SOURCE_KINDS: Record<string, string> = {
  'client': 'De cliënt zelf',
  'parent': 'Ouder',
  'guardian': 'Voogd',
  'family-guardian': 'Gezinsvoogd',
  'care-professional': 'Hulpverlener (eigen waarneming)',
  'other-professional': 'Andere professional',
  'school': 'School',
  'court': 'Rechter',
  'municipality': 'Gemeente',
  'other': 'Anders',
};

export const STATEMENT_TYPES: Record<string, string> = { fact: 'Feit', opinion: 'Mening of indruk' };

export const ANNOTATION_KINDS: Record<string, string> = {
  incorrect: 'Onjuist',
  outdated: 'Verouderd',
  addition: 'Aanvulling',
};

export const RELATIONS: Record<string, string> = {
  'parent': 'Ouder',
  'guardian': 'Voogd',
  'family-guardian': 'Gezinsvoogd',
  'foster-parent': 'Pleegouder',
  'confidential-advisor': 'Vertrouwenspersoon',
  'curator': 'Curator',
  'mentor': 'Mentor',
  'authorised': 'Schriftelijk gemachtigde',
  'partner': 'Partner (echtgenoot, geregistreerd partner of levensgezel)',
  'child': 'Kind van de cliënt',
  'sibling': 'Broer of zus',
  'other': 'Anders',
};

/** Relations that can represent an adult who cannot oversee their interests (BW 7:465 lid 3); they never hold custody. */
export const REPRESENTATIVE_RELATIONS: readonly string[] = ['curator', 'mentor', 'authorised', 'partner', 'child', 'sibling'];

/** What the client recorded in life about inspection after death (Jeugdwet 7.3.12a). */
export const WISHES_IN_LIFE: Record<string, string> = {
  none: 'Niets vastgelegd',
  consented: 'Schriftelijk of elektronisch toestemming gegeven voor inzage na overlijden',
  objected: 'Schriftelijk of elektronisch vastgelegd dat hij of zij dat niet wilde',
};

export const CUSTODY_KINDS: Record<string, string> = {
  'two-headed-parental': 'Gezamenlijk ouderlijk gezag',
  'single-headed-parental': 'Eenhoofdig ouderlijk gezag',
  'joint-with-non-parent': 'Gezamenlijk gezag met niet-ouder',
  'guardianship': 'Voogdij',
  'guardianship-institution': 'Voogdij door een gecertificeerde instelling',
  'temporarily-none': 'Tijdelijk geen gezag',
  'undeterminable': 'Niet vast te stellen',
};

export const GENDERS: Record<string, string> = { female: 'Vrouw', male: 'Man', other: 'Anders', unknown: 'Onbekend' };

export const REQUEST_KINDS: Record<string, string> = {
  'inspect': 'Inzage',
  'copy': 'Kopie',
  'correct': 'Correctie',
  'add-statement': 'Eigen verklaring toevoegen',
  'destroy': 'Vernietiging',
  'restrict': 'Beperking',
  'object': 'Bezwaar',
  'portability': 'Gegevens meenemen (overdraagbaarheid)',
  'withdraw-consent': 'Toestemming intrekken',
  'general-information': 'Algemene informatie',
};

export const REQUEST_STATES: Record<string, string> = {
  'received': 'Ontvangen',
  'extended': 'Verlengd',
  'decided': 'Besloten',
  'fulfilled': 'Uitgevoerd',
  'refused-at-intake': 'Geweigerd bij intake',
};

export const INTAKE_OUTCOMES: Record<string, string> = {
  'allow': 'Toegestaan',
  'deny': 'Niet toegestaan',
  'needs-consent': 'Toestemming nodig',
  'needs-assessment': 'Beoordeling nodig',
};

/** How a consent a request needed was given (AVG 7(1)). */
export const CONSENT_HOW: Record<string, string> = { 'in-person': 'Mondeling, in een gesprek', 'in-writing': 'Op papier, ondertekend', 'electronic': 'Digitaal (bijvoorbeeld e-mail)' };

export const CHANNELS: Record<string, string> = { 'written': 'Schriftelijk', 'electronic': 'Elektronisch', 'in-person': 'Persoonlijk' };

export const PARTS: Record<string, string> = {
  'dossier': 'Het hele dossier',
  'conversation-report': 'Gespreksverslagen',
  'care-plan': 'Hulpverleningsplan',
  'evaluation': 'Evaluaties',
  'research-report': 'Onderzoeksverslagen',
  'raw-test-data': 'Ruwe testgegevens',
  'third-party-information': 'Informatie van derden',
  'administrative-data': 'Administratieve gegevens',
  'personal-work-note': 'Persoonlijke werkaantekeningen',
};

export const DECISION_OUTCOMES: Record<string, string> = { granted: 'Toewijzen', partly: 'Gedeeltelijk toewijzen', refused: 'Weigeren' };

export const DECISION_FACTS: Record<string, string> = {
  'factual-error': 'Er staat een feitelijke fout in',
  'serious-harm-assessed': 'Ernstig nadeel voor de jongere (beoordeeld)',
  'significant-interest-of-another': 'Zwaarwegend belang van een ander',
  'good-care-requires-keeping': 'Goede zorg vraagt om bewaren',
  'needed-for-procedure': 'Nodig voor een procedure',
  'other-person-consents': 'De ander geeft toestemming',
};

export const DOCUMENT_TYPES: Record<string, string> = {
  'passport': 'Paspoort',
  'identity-card': 'Identiteitskaart',
  'driving-licence': 'Rijbewijs',
  'residence-permit': 'Verblijfsdocument',
  'other': 'Ander document',
};

export const CONSENT_KINDS: Record<string, string> = { care: 'Toestemming voor de hulp', disclosure: 'Toestemming om gegevens te delen' };
export const CONSENT_GIVERS: Record<string, string> = { 'client': 'De cliënt', 'legal-representatives': 'De wettelijk vertegenwoordigers', 'representative': 'De vertegenwoordiger (curator, mentor of ander)', 'other-person': 'Een ander' };
export const AGREEMENTS: Record<string, string> = { 'no-conversation-reports-to-parents': 'Gespreksverslagen niet delen met ouders' };

export const CARE_RELATIONS: Record<string, string> = { holder: 'Dossierhouder', member: 'Teamlid', substitute: 'Vervanger', intern: 'Stagiair' };

export const ACCESS_OUTCOMES: Record<string, string> = { allowed: 'Toegestaan', refused: 'Geweigerd', allow: 'Toegestaan', deny: 'Geweigerd' };

export const DISCLOSURE_BASES: Record<string, string> = {
  'consent': 'Toestemming',
  'family-guardian-threat': 'Gezinsvoogd: ernstige bedreiging',
  'cbs-statistics': 'CBS-statistiek',
  'municipality-billing': 'Declaratie gemeente',
  'inspectorate': 'Inspectie',
  'disciplinary-or-legal-procedure': 'Tucht- of rechtszaak',
  'conflict-of-duties': 'Conflict van plichten',
  'child-protection-report': 'Melding Veilig Thuis',
  'research': 'Statistiek of wetenschappelijk onderzoek',
};

export function label(table: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return table[code] ?? code;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** A calendar date (YYYY-MM-DD) or a timestamp, in Dutch. */
export function formatDate(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateFormat.format(new Date(`${value}T12:00:00`));
  return dateTimeFormat.format(new Date(value));
}

/** Age in whole years on today's date. */
export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age;
}

export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export const PURPOSES: Record<string, string> = { 'quality-control': 'Kwaliteitscontrole', 'complaint': 'Klacht', 'incident': 'Incident of calamiteit' };
