/**
 * The one catalogue of Dutch labels (B1) for every code a person can see: on screens (web/src imports this
 * module), in PDFs, letters, spreadsheets and error messages. Each table is typed by the union derived from
 * the code's own `as const` vocabulary, so a new code without a label does not compile; labels.test.ts checks
 * the same at run time against the vocabularies' values.
 *
 * Only type imports from server modules (erased at build), so the web bundle takes this file and the small
 * modules it imports at run time (entry kinds, the rules' date words), nothing of the server.
 */
import type { AccessBasis, AccessOutcome } from '../access/access-log.js';
import type { AccessAction, AccessPurpose } from '../access/policy.js';
import type { PortalAction } from '../access/gate-scope.js';
import type { Gender, IdentityDocument } from '../clients/clients-service.js';
import type { BreachRisk, BreachStatus } from '../breaches/breach-store.js';
import type { DisclosureBasis } from '../disclosures/disclosure-service.js';
import type { FamilyEntryKind } from '../families/family-store.js';
import type { ComplaintOutcome, IncidentKind } from '../registers/register-store.js';
import type { RecipientKind } from '../transfers/transfer-record.js';
import type { AnnotationKind, SourceKind, StatementType } from '../dossier/entry-kinds.js';
import type { EmployeeRole } from '../organisation/employee-roles.js';
import type { CustodyBasis, CustodyKind, RelationKind } from '../representation/representation-service.js';
import type { DecisionFact, RequestKind } from '../requests/request-kinds.js';
import type { ConsentHow, RequestState } from '../requests/request-service.js';
import type { ConsentParty, Outcome, Part } from '../rules/vocabulary.js';
import { ENTRY_KIND_LABELS } from '../dossier/entry-kinds.js';
import { dateInWords } from '../rules/explanations.js';

export { dateInWords };

/** Entry kinds (soorten dossierregels): the dossier module's table, the only copy. */
export const ENTRY_KINDS = ENTRY_KIND_LABELS;

export const ROLES: Record<EmployeeRole, string> = {
  'care-professional': 'Hulpverlener',
  'admin-staff': 'Administratief medewerker',
  'intern': 'Stagiair',
  'manager': 'Manager',
  'privacy-officer': 'Functionaris gegevensbescherming',
  'application-administrator': 'Functioneel beheerder',
};

/** Who the information in an entry came from (003 §2.3.7–2.3.9). */
export const SOURCE_KINDS: Record<SourceKind, string> = {
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

export const STATEMENT_TYPES: Record<StatementType, string> = { fact: 'Feit', opinion: 'Mening of indruk' };

export const ANNOTATION_KINDS: Record<AnnotationKind, string> = {
  incorrect: 'Onjuist',
  outdated: 'Verouderd',
  addition: 'Aanvulling',
};

export const RELATIONS: Record<RelationKind, string> = {
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
export const REPRESENTATIVE_RELATIONS: readonly RelationKind[] = ['curator', 'mentor', 'authorised', 'partner', 'child', 'sibling'];

export const CUSTODY_KINDS: Record<CustodyKind, string> = {
  'two-headed-parental': 'Gezamenlijk ouderlijk gezag',
  'single-headed-parental': 'Eenhoofdig ouderlijk gezag',
  'joint-with-non-parent': 'Gezamenlijk gezag met niet-ouder',
  'guardianship': 'Voogdij',
  'guardianship-institution': 'Voogdij door een gecertificeerde instelling',
  'temporarily-none': 'Tijdelijk geen gezag',
  'undeterminable': 'Niet vast te stellen',
};

/**
 * How custody came about (migration 0048; 003 §2.3.5: custody is established with care, never assumed), in the
 * words a parent knows. The API refuses custody without it.
 */
export const CUSTODY_BASES: Record<CustodyBasis, string> = {
  'by-law-marriage': 'Van rechtswege: de ouders waren bij de geboorte getrouwd of geregistreerd partner',
  'by-law-mother': 'Van rechtswege: de moeder alleen',
  'recognition': 'Door erkenning (met aantekening in het gezagsregister)',
  'court-decision': 'Door een beslissing van de rechter',
  'guardianship-order': 'Door benoeming tot voogd door de rechter',
  'appointed-by-will': 'Voogd aangewezen bij testament of in het gezagsregister',
};

/** The matters a competence assessment is about (Jeugdwet 7.3.15, BW 7:465; representation-routes.ts). */
export const COMPETENCE_MATTERS: Record<'dossier-rights' | 'care-consent', string> = {
  'dossier-rights': 'De rechten over het dossier (inzage, afschrift, correctie, vernietiging)',
  'care-consent': 'Toestemming voor de hulp',
};

/** What the client recorded in life about inspection after death (Jeugdwet 7.3.12a). */
export const WISHES_IN_LIFE: Record<'none' | 'consented' | 'objected', string> = {
  none: 'Niets vastgelegd',
  consented: 'Schriftelijk of elektronisch toestemming gegeven voor inzage na overlijden',
  objected: 'Schriftelijk of elektronisch vastgelegd dat hij of zij dat niet wilde',
};

export const GENDERS: Record<Gender, string> = { female: 'Vrouw', male: 'Man', other: 'Anders', unknown: 'Onbekend' };

export const REQUEST_KINDS: Record<RequestKind, string> = {
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

/** What was asked, as a letter says it: "U vroeg om …". */
export const REQUEST_KINDS_IN_A_SENTENCE: Record<RequestKind, string> = {
  'inspect': 'inzage in het dossier',
  'copy': 'een kopie van het dossier',
  'correct': 'het verbeteren van gegevens in het dossier',
  'add-statement': 'het toevoegen van uw eigen verklaring aan het dossier',
  'destroy': 'het vernietigen van (een deel van) het dossier',
  'restrict': 'het beperken van het gebruik van uw gegevens',
  'object': 'bezwaar tegen het gebruik van uw gegevens',
  'portability': 'het krijgen van uw gegevens in een digitaal bestand',
  'withdraw-consent': 'het intrekken van uw toestemming',
  'general-information': 'algemene informatie over de hulp',
};

export const REQUEST_STATES: Record<RequestState, string> = {
  'received': 'Ontvangen',
  'extended': 'Verlengd',
  'decided': 'Besloten',
  'fulfilled': 'Uitgevoerd',
  'refused-at-intake': 'Geweigerd bij intake',
};

/** The engine's answer at intake (and on any question). */
export const INTAKE_OUTCOMES: Record<Outcome | 'needs-assessment', string> = {
  'allow': 'Toegestaan',
  'deny': 'Niet toegestaan',
  'needs-consent': 'Toestemming nodig',
  'needs-assessment': 'Beoordeling nodig',
};

/** How a consent a request needed was given (AVG 7(1)). */
export const CONSENT_HOW: Record<ConsentHow, string> = { 'in-person': 'Mondeling, in een gesprek', 'in-writing': 'Op papier, ondertekend', 'electronic': 'Digitaal (bijvoorbeeld e-mail)' };

export const CHANNELS: Record<'written' | 'electronic' | 'in-person', string> = { 'written': 'Schriftelijk', 'electronic': 'Elektronisch', 'in-person': 'Persoonlijk' };

/** Parts of the dossier (the rules engine's `Part`). */
export const PARTS: Record<Part, string> = {
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

/** The professional's decision on a request (the choice on screen). */
export const DECISION_OUTCOMES: Record<'granted' | 'partly' | 'refused', string> = { granted: 'Toewijzen', partly: 'Gedeeltelijk toewijzen', refused: 'Weigeren' };

/**
 * The same decision as the letter tells it. A granted inspection or copy from which the reader view still withholds
 * something is told as `partly` (issue 15): the letter never says "what you asked" while parts are kept back.
 */
export const DECISION_OUTCOMES_IN_A_LETTER: Record<'granted' | 'partly' | 'refused', string> = {
  granted: 'Wij geven u wat u vroeg.',
  partly: 'Wij geven u een deel van wat u vroeg. Hieronder leest u wat u niet krijgt, en waarom.',
  refused: 'Wij wijzen uw verzoek af. Hieronder leest u waarom.',
};

/** A fact the decider established, as the letter tells the requester why (Dutch, B1, "u"). */
export const DECISION_FACTS_IN_A_LETTER: Record<DecisionFact, string> = {
  'factual-error': 'Er staat een feitelijke fout in het dossier.',
  'serious-harm-assessed': 'Wij denken dat het de jongere ernstig kan schaden als u deze gegevens krijgt.',
  'significant-interest-of-another': 'Iemand anders heeft er een zwaarwegend belang bij dat wij deze gegevens bewaren.',
  'good-care-requires-keeping': 'Goede zorg vraagt dat wij deze gegevens bewaren.',
  'needed-for-procedure': 'Wij hebben deze gegevens nodig in een procedure.',
  'other-person-consents': 'De persoon over wie de informatie gaat, geeft toestemming.',
  'compelling-interest': 'U heeft een zwaarwegend belang bij deze gegevens.',
};

/** The fixed sentences of a letter on a request (Dutch, B1, addressed to the requester). */
export const LETTER_TEXTS = {
  decisionTitle: 'Besluit op uw verzoek',
  extensionTitle: 'Wij hebben meer tijd nodig voor uw verzoek',
  whatWeDecide: 'Ons besluit',
  whatYouDoNotGet: 'Wat u niet krijgt, en waarom',
  why: 'Waarom',
  law: 'Dit staat in de wet',
  workNotes: 'Persoonlijke werkaantekeningen van hulpverleners horen niet bij het dossier. Die vallen daarom niet onder uw verzoek.',
  consulted: 'Voordat wij dit besloten, hebben wij een andere hulpverlener om advies gevraagd.',
  disagree: 'Bent u het niet eens met dit besluit?',
  questions: 'Heeft u vragen over deze brief? Neem dan contact met ons op.',
  greeting: 'Met vriendelijke groet,',
} as const;

export const DECISION_FACTS: Record<DecisionFact, string> = {
  'factual-error': 'Er staat een feitelijke fout in',
  'serious-harm-assessed': 'Ernstig nadeel voor de jongere (beoordeeld)',
  'significant-interest-of-another': 'Zwaarwegend belang van een ander',
  'good-care-requires-keeping': 'Goede zorg vraagt om bewaren',
  'needed-for-procedure': 'Nodig voor een procedure',
  'other-person-consents': 'De ander geeft toestemming',
  'compelling-interest': 'Zwaarwegend belang van de aanvrager bij deze gegevens (na overlijden)',
};

/** Why a destruction was refused for a part, as a letter says it: "… omdat …" (Jeugdwet 7.3.9). */
export const DESTRUCTION_GROUNDS_IN_A_SENTENCE: Record<'significant-interest-of-another' | 'good-care-requires-keeping' | 'needed-for-procedure', string> = {
  'significant-interest-of-another': 'het aanmerkelijk belang van een ander',
  'good-care-requires-keeping': 'goede zorg vraagt dat wij deze gegevens bewaren',
  'needed-for-procedure': 'wij hebben deze gegevens nodig in een procedure',
};

export const DOCUMENT_TYPES: Record<IdentityDocument, string> = {
  'passport': 'Paspoort',
  'identity-card': 'Identiteitskaart',
  'driving-licence': 'Rijbewijs',
  'residence-permit': 'Verblijfsdocument',
  'other': 'Ander document',
};

export const CONSENT_KINDS: Record<'care' | 'disclosure', string> = { care: 'Toestemming voor de hulp', disclosure: 'Toestemming om gegevens te delen' };
export const CONSENT_GIVERS: Record<ConsentParty, string> = {
  'client': 'De cliënt', 'legal-representatives': 'De wettelijk vertegenwoordigers', 'representative': 'De vertegenwoordiger (curator, mentor of ander)', 'other-person': 'Een ander',
};
export const AGREEMENTS: Record<'no-conversation-reports-to-parents', string> = { 'no-conversation-reports-to-parents': 'Gespreksverslagen niet delen met ouders' };

export const CARE_RELATIONS: Record<'holder' | 'member' | 'substitute' | 'intern', string> = { holder: 'Dossierhouder', member: 'Teamlid', substitute: 'Vervanger', intern: 'Stagiair' };

/** Why care ended (migration 0086; dossier-store.ts CARE_END_REASONS, which names the same codes). */
export const CARE_END_REASONS: Record<'goals-reached' | 'client-stopped' | 'referred' | 'moved' | 'other', string> = {
  'goals-reached': 'De doelen zijn bereikt', 'client-stopped': 'De cliënt of de ouders wilden stoppen', 'referred': 'Doorverwezen naar andere hulp',
  'moved': 'Verhuisd', 'other': 'Een andere reden',
};

/** The access log's outcome (NEN 7513), and the engine's allow/deny where a screen shows that. */
export const ACCESS_OUTCOMES: Record<AccessOutcome | 'refused' | 'allow' | 'deny', string> = {
  'allowed': 'Toegestaan', 'denied': 'Geweigerd', 'not-found': 'Niet gevonden of niet zichtbaar', 'refused': 'Geweigerd', 'allow': 'Toegestaan', 'deny': 'Geweigerd',
};

/** The access log's basis (grondslag, NEN 7513). */
export const ACCESS_BASES: Record<AccessBasis, string> = {
  'care-relation': 'Behandelrelatie',
  'administrative-task': 'Administratieve taak',
  'management-purpose': 'Doel van de leiding (kwaliteit, klacht, incident)',
  'emergency': 'Noodtoegang',
  'consent': 'Toestemming',
  'legal-duty': 'Wettelijke plicht',
  'author': 'Eigen aantekening',
  'none': 'Geen grondslag',
};

/** What was done, as the access log records it (the policy's actions and the rules' acts). */
export const ACCESS_ACTIONS: Record<AccessAction, string> = {
  'read': 'Gelezen',
  'record': 'Vastgelegd',
  'register': 'Ingeschreven',
  'review-log': 'Toegangslog bekeken',
  'administer': 'Beheer',
  'read-part': 'Deel van het dossier gelezen',
  'record-entry': 'Dossierregel vastgelegd',
  'annotate': 'Aantekening gemaakt',
  'shield': 'Afgeschermd',
  'lift-shielding': 'Afscherming opgeheven',
  'register-relation': 'Relatie vastgelegd',
  'end-relation': 'Relatie beëindigd',
  'record-custody': 'Gezag vastgelegd',
  'record-consent': 'Toestemming vastgelegd',
  'withdraw-consent': 'Toestemming ingetrokken',
  'make-agreement': 'Afspraak gemaakt',
  'end-agreement': 'Afspraak beëindigd',
  'assess-competence': 'Wilsbekwaamheid beoordeeld',
  'register-request': 'Verzoek vastgelegd',
  'decide-request': 'Op verzoek beslist',
  'fulfil-request': 'Verzoek uitgevoerd',
  'destroy': 'Vernietigd',
  'transfer': 'Overgedragen',
  'record-disclosure': 'Verstrekking vastgelegd',
  'change-care-team': 'Behandelteam gewijzigd',
  'end-care': 'Einde van de hulp vastgelegd',
  'record-objection': 'Bezwaar vastgelegd',
  'withdraw-objection': 'Bezwaar ingetrokken',
  'record-death': 'Overlijden vastgelegd',
  'correct-death': 'Overlijden gecorrigeerd',
  'record-wish-after-death': 'Wens over inzage na overlijden vastgelegd',
  'end-restriction': 'Beperking beëindigd',
  'keep-for-good-care': 'Langer bewaren voor goede hulp',
  'release-to-portal': 'Stuk vrijgegeven voor het portaal',
  'withhold-from-portal': 'Stuk achtergehouden voor het portaal',
  'invite-to-portal': 'Uitgenodigd voor het cliëntportaal',
  'open-emergency': 'Noodtoegang geopend',
  'review-emergency': 'Noodtoegang beoordeeld',
  'hold-retention': 'Bewaard voor een procedure',
  'release-retention': 'Bewaring voor procedure beëindigd',
  'confirm-retention-review': 'Vernietiging na bewaartermijn bevestigd',
  'confirm-destruction': 'Vernietiging als tweede persoon bevestigd',
  'administer-account': 'Account beheerd',
};

/** What a client or parent did in the client portal, as the access log records it (gate-scope.ts `PortalAction`). */
export const PORTAL_ACCESS_ACTIONS: Record<PortalAction, string> = {
  'inspect': 'Dossier ingezien in het portaal',
  'copy': 'Afschrift gemaakt in het portaal',
  'correct': 'Correctie gevraagd in het portaal',
  'add-statement': 'Eigen verklaring gegeven in het portaal',
  'destroy': 'Vernietiging gevraagd in het portaal',
  'general-information': 'Algemene informatie bekeken in het portaal',
  'request': 'Verzoek gedaan in het portaal',
  'consent': 'Toestemming beheerd in het portaal',
  'message': 'Bericht in het portaal',
  'read-log': 'In het portaal bekeken wie het dossier zag',
  'account': 'Eigen account in het portaal',
};

/**
 * Every action a row of the access log can hold, for the privacy officer's desk and its exports: the employees'
 * (ACCESS_ACTIONS) and, where a code is the portal's alone, the portal's. A code both use (`inspect`, `destroy`, …)
 * keeps the employees' label; the desk shows who acted beside it.
 */
export const ACCESS_LOG_ACTIONS: Record<AccessAction | PortalAction, string> = { ...PORTAL_ACCESS_ACTIONS, ...ACCESS_ACTIONS };

/**
 * Every part a row of the access log can name: the dossier's parts, and the three the gate logs beside them
 * (gate-scope.ts): the emergency summary, the mere existence of a client (an organisation-wide search) and the portal.
 */
export const ACCESS_LOG_PARTS: Record<Part | 'emergency-summary' | 'client-existence' | 'portal', string> = {
  ...PARTS,
  'emergency-summary': 'Noodoverzicht',
  'client-existence': 'Alleen dat de cliënt bestaat (zoeken)',
  'portal': 'Cliëntportaal',
};

export const DISCLOSURE_BASES: Record<DisclosureBasis, string> = {
  'consent': 'Toestemming',
  'legal-representative': 'De voogd als wettelijk vertegenwoordiger',
  'family-guardian-threat': 'Gezinsvoogd: ernstige bedreiging',
  'cbs-statistics': 'CBS-statistiek',
  'municipality-billing': 'Declaratie gemeente',
  'inspectorate': 'Inspectie',
  'disciplinary-or-legal-procedure': 'Tucht- of rechtszaak',
  'conflict-of-duties': 'Conflict van plichten',
  'child-protection-report': 'Melding jeugdbescherming of Veilig Thuis',
  'research': 'Statistiek of wetenschappelijk onderzoek',
};

/** The manager's recorded purpose (DOMAIN §2) and reading a restricted dossier for legal claims (AVG 18(2)). */
export const PURPOSES: Record<AccessPurpose, string> = {
  'quality-control': 'Kwaliteitscontrole', 'complaint': 'Klacht', 'incident': 'Incident of calamiteit', 'legal-claims': 'Rechtsvordering',
};

/**
 * Every purpose a row of the access log can hold: the manager's and the legal-claims purposes, and the search the
 * gate logs when a professional looks a client up for emergency access (gate-scope.ts FIND_FOR_EMERGENCY_PURPOSE).
 */
export const ACCESS_LOG_PURPOSES: Record<AccessPurpose | 'find-client-for-emergency-access', string> = {
  ...PURPOSES,
  'find-client-for-emergency-access': 'Cliënt gezocht voor noodtoegang',
};

/** How likely a data breach puts people at risk (AVG 33, 34), as the privacy officer records it. */
export const BREACH_RISKS: Record<BreachRisk, string> = {
  'not-assessed': 'Nog niet beoordeeld', 'unlikely': 'Waarschijnlijk geen risico', 'risk': 'Risico', 'high-risk': 'Hoog risico',
};

export const BREACH_STATUSES: Record<BreachStatus, string> = { draft: 'Concept', open: 'Open', closed: 'Afgesloten' };

/** How a complaint ended (the complaints register beside the dossier). */
export const COMPLAINT_OUTCOMES: Record<ComplaintOutcome, string> = {
  'founded': 'Gegrond', 'partly-founded': 'Deels gegrond', 'unfounded': 'Ongegrond', 'withdrawn': 'Ingetrokken', 'settled': 'Opgelost',
};

/** What kind of incident was registered (Jeugdwet 4.1.8: calamities and violence are reported to the inspectorate). */
export const INCIDENT_KINDS: Record<IncidentKind, string> = { incident: 'Incident', calamity: 'Calamiteit', violence: 'Geweld in de hulprelatie' };

/** Who a dossier is transferred to (Jeugdwet 7.3.11; BW 7:457). */
export const TRANSFER_RECIPIENTS: Record<RecipientKind, string> = {
  'successor-provider': 'Een andere zorgaanbieder (met toestemming)', 'nidos-guardian': 'De voogd van Nidos (alleenstaande minderjarige)',
};

/** Kinds of entries in a family's shared part. */
export const FAMILY_ENTRY_KINDS: Record<FamilyEntryKind, string> = {
  'family-plan': 'Gezinsplan', 'family-conversation-report': 'Gespreksverslag met het gezin', 'family-evaluation': 'Evaluatie met het gezin', 'network-meeting': 'Netwerkberaad',
};

/**
 * Field names of the API as people read them in an error message ("Het veld … ontbreekt."). A field not
 * listed keeps its name in the English message and is called "een veld" in the Dutch one, never shown raw.
 */
export const FIELD_NAMES: Record<string, string> = {
  body: 'de inhoud van het verzoek',
  clientId: 'de cliënt',
  employeeId: 'de medewerker',
  requestId: 'het verzoek',
  entryId: 'de dossierregel',
  entryIds: 'de dossierregels',
  consentId: 'de toestemming',
  relationId: 'de relatie',
  guardianRelationId: 'de voogd',
  familyName: 'de achternaam',
  givenNames: 'de voornamen',
  birthDate: 'de geboortedatum',
  bsn: 'het BSN',
  gender: 'het geslacht',
  streetAddress: 'het adres',
  postcode: 'de postcode',
  town: 'de woonplaats',
  phone: 'het telefoonnummer',
  email: 'het e-mailadres',
  reason: 'de reden',
  reasons: 'de redenen',
  text: 'de tekst',
  title: 'de titel',
  kind: 'de soort',
  source: 'de bron',
  statementType: 'feit of mening',
  statement: 'de eigen verklaring',
  relation: 'de relatie',
  hasCustody: 'gezag',
  custodyKind: 'de soort gezag',
  validFrom: 'de begindatum',
  validTo: 'de einddatum',
  outcome: 'het besluit',
  facts: 'de feiten',
  purpose: 'het doel',
  recipient: 'de ontvanger',
  basis: 'de grondslag',
  username: 'de gebruikersnaam',
  password: 'het wachtwoord',
  code: 'de code',
  role: 'de rol',
  displayName: 'de naam',
  details: 'de toelichting',
  receivedOn: 'de datum van ontvangst',
  givenOn: 'de datum van de toestemming',
  part: 'het deel van het dossier',
  documentType: 'het soort identiteitsbewijs',
  checkedAt: 'het moment van de controle',
  note: 'de notitie',
  postalAddress: 'het postadres',
  postalCode: 'de postcode',
  place: 'de plaats',
  website: 'de website',
  endedOn: 'de laatste dag van de hulp',
  holderFrom: 'de eerste dag van de nieuwe dossierhouder',
  formerHolderStays: 'of de huidige dossierhouder in het team blijft',
};

/** The Dutch name of an API field ("streetAddress" → "het adres"; "relations.0.custodyKind" → "de soort gezag"). */
export function fieldName(field: string): string {
  const last = field.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? field;
  return FIELD_NAMES[last] ?? 'een veld';
}

/** The label of a code in one of the tables above; an unknown code is shown as it is, nothing as "—". */
export function label(table: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '—';
  return table[code] ?? code;
}

const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'] as const;

/**
 * A calendar date ('YYYY-MM-DD', or the date part of a timestamp already in Dutch time) with its weekday,
 * for the date line of a letter.
 * @example dayAndDateInWords('2026-12-04') // 'vrijdag 4 december 2026'
 */
export function dayAndDateInWords(iso: string): string {
  const date = iso.slice(0, 10);
  const weekday = WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? '';
  return `${weekday} ${dateInWords(date)}`;
}

const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const amsterdamTime = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });

/**
 * A date or an instant in words, in Dutch time: '2026-12-04' → '4 december 2026';
 * '2026-12-04T13:05:00Z' → '4 december 2026 om 14:05'.
 */
export function momentInWords(value: string | Date): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dateInWords(value);
  const instant = typeof value === 'string' ? new Date(value) : value;
  return `${dateInWords(amsterdamDate.format(instant))} om ${amsterdamTime.format(instant)}`;
}
