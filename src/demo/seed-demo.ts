/**
 * The clearly fictional demo organisation: employees in every role, six
 * clients aged 8, 12, 14, 16, 17 and 19 with parents (with and without
 * custody) or a guardian, and a few entries each. Idempotent: a second run
 * finds the organisation and adds nothing. BSNs are from the test range.
 *
 * Entries are written through the same access path as the API (policy and
 * access log), acting as the demo care professional.
 *
 * All of it is one transaction, under an advisory lock (seed-demo-store.ts):
 * several servers starting at once in demo mode wait for each other, and
 * exactly one creates the organisation; a seed that fails half-way leaves
 * nothing behind (three servers once printed log-ins for users another was
 * still creating).
 */
import { enter, type RequestContext } from '../access/gate.js';
import { loadTotpSecret, setTotpSecret } from '../auth/second-factor.js';
import type { Actor } from '../auth/sessions.js';
import { newTotpSecret, totpUri } from '../auth/totp.js';
import { registerClient, type NewClient } from '../clients/clients-service.js';
import { recordConsent } from '../consents/consent-service.js';
import type { Database } from '../db/database.js';
import { addEntry, type NewEntry } from '../dossier/dossier-service.js';
import { partOfEntryKind } from '../dossier/entry-kinds.js';
import type { EmployeeRole } from '../organisation/employee-roles.js';
import { employeeIdByUsername, organisationNamed, setOrganisationContact } from '../organisation/employee-store.js';
import { addToCareTeam, ensureEmployee, ensureOrganisation, ensureTeam } from '../organisation/organisation-service.js';
import { insertRegisteredRelation, type CustodyBasis, type CustodyKind } from '../representation/relation-store.js';
import { addDays, formatIsoDate, toCalendarDate } from '../rules/calendar.js';
import { calendarDate } from '../shared/calendar-date.js';
import { inSeedTransaction } from './seed-demo-store.js';
import { seedDemoRequests } from './seed-demo-requests.js';
import { seedPortalDemo } from './seed-portal-demo.js';

export { DEMO_SEED_LOCK } from './seed-demo-store.js';

export const DEMO_ORGANISATION = 'Jeugdhulp De Regenboog (fictieve demo-organisatie)';
export const DEMO_PASSWORD = 'Regenboog-demo-2026';

export interface DemoUser {
  username: string;
  displayName: string;
  functionTitle: string;
  role: EmployeeRole;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'demo.hulpverlener', displayName: 'Fatima el Amrani', functionTitle: 'Jeugdhulpverlener', role: 'care-professional' },
  { username: 'demo.collega', displayName: 'Jeroen de Wit', functionTitle: 'Gezinsbehandelaar', role: 'care-professional' },
  { username: 'demo.stagiair', displayName: 'Lotte Visser', functionTitle: 'Stagiair social work', role: 'intern' },
  { username: 'demo.administratie', displayName: 'Petra Jansen', functionTitle: 'Administratief medewerker', role: 'admin-staff' },
  { username: 'demo.manager', displayName: 'Henk Bakker', functionTitle: 'Teamleider', role: 'manager' },
  { username: 'demo.fg', displayName: 'Anouk Smit', functionTitle: 'Functionaris gegevensbescherming', role: 'privacy-officer' },
  { username: 'demo.beheer', displayName: 'Ravi Kisoensingh', functionTitle: 'Functioneel beheerder', role: 'application-administrator' },
];

interface DemoRelation {
  relation: 'parent' | 'guardian' | 'family-guardian';
  hasCustody: boolean;
  custodyKind: CustodyKind | null;
  familyName: string;
  givenNames: string;
}

/** How the demo relation's custody was established: a guardianship order, else by law (the mother alone, or marriage). */
function custodyBasisOf(relation: DemoRelation): CustodyBasis | null {
  if (!relation.hasCustody) return null;
  if (relation.relation === 'guardian') return 'guardianship-order';
  return relation.custodyKind === 'single-headed-parental' ? 'by-law-mother' : 'by-law-marriage';
}

interface DemoClient {
  age: number;
  client: Omit<NewClient, 'birthDate'>;
  relations: DemoRelation[];
  entries: NewEntry[];
}

const BSNS = ['999990019', '999990020', '999990032', '999990044', '999990056', '999990068'];

const DEMO_CLIENTS: readonly DemoClient[] = [
  {
    age: 8, client: { bsn: BSNS[0]!, familyName: 'Demo-de Boer', givenNames: 'Noor', gender: 'female' },
    relations: [
      { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', familyName: 'Demo-de Boer', givenNames: 'Marieke' },
      { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', familyName: 'Demo-de Boer', givenNames: 'Tom' },
    ],
    entries: [
      { kind: 'referral', title: 'Verwijzing huisarts', text: 'Fictieve verwijzing: zorgen over slaapproblemen en angst.', source: { kind: 'other-professional', description: 'huisarts (fictief)' }, statementType: 'fact' },
      { kind: 'intake-report', title: 'Intake', text: 'Fictief intakegesprek met beide ouders.', source: { kind: 'parent' }, statementType: 'fact' },
    ],
  },
  {
    age: 12, client: { bsn: BSNS[1]!, familyName: 'Demo-Yilmaz', givenNames: 'Emre', gender: 'male' },
    relations: [
      { relation: 'parent', hasCustody: true, custodyKind: 'single-headed-parental', familyName: 'Demo-Yilmaz', givenNames: 'Ayse' },
      { relation: 'parent', hasCustody: false, custodyKind: null, familyName: 'Demo-Jansen', givenNames: 'Kees' },
    ],
    entries: [
      { kind: 'help-question', title: 'Hulpvraag', text: 'Fictief: Emre wil beter leren omgaan met boosheid.', source: { kind: 'client' }, statementType: 'fact' },
      { kind: 'plan', title: 'Plan van aanpak', text: 'Fictief doel: minder ruzies thuis binnen drie maanden.', source: { kind: 'care-professional' }, statementType: 'opinion' },
    ],
  },
  {
    age: 14, client: { bsn: BSNS[2]!, familyName: 'Demo-Bakker', givenNames: 'Sanne', gender: 'female' },
    relations: [
      { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', familyName: 'Demo-Bakker', givenNames: 'Els' },
      { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', familyName: 'Demo-Bakker', givenNames: 'Pieter' },
    ],
    entries: [
      { kind: 'conversation-report', title: 'Gesprek met Sanne', text: 'Fictief gespreksverslag over school en vriendschappen.', source: { kind: 'client' }, statementType: 'fact' },
      { kind: 'research-report', title: 'Onderzoek', text: 'Fictief onderzoeksverslag.', source: { kind: 'care-professional' }, statementType: 'opinion' },
    ],
  },
  {
    age: 16, client: { familyName: 'Demo-Pinas', givenNames: 'Jayden', gender: 'male', streetAddress: 'Voorbeeldstraat 1', postcode: '1234 AB', town: 'Demodorp' },
    relations: [
      { relation: 'guardian', hasCustody: true, custodyKind: 'guardianship-institution', familyName: 'Voogdij-instelling (fictief)', givenNames: 'Gecertificeerde instelling' },
    ],
    entries: [
      { kind: 'court-decision', title: 'Voogdij', text: 'Fictief: voogdij belegd bij een gecertificeerde instelling.', source: { kind: 'court' }, statementType: 'fact' },
      { kind: 'work-agreement', title: 'Werkafspraak', text: 'Fictief: wekelijks contact op woensdag.', source: { kind: 'care-professional' }, statementType: 'fact' },
    ],
  },
  {
    age: 17, client: { bsn: BSNS[4]!, familyName: 'Demo-Visser', givenNames: 'Milan', gender: 'other' },
    relations: [
      { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', familyName: 'Demo-Visser', givenNames: 'Ingrid' },
      { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', familyName: 'Demo-Visser', givenNames: 'Bram' },
      { relation: 'family-guardian', hasCustody: false, custodyKind: null, familyName: 'Gezinsvoogd (fictief)', givenNames: 'Lisa' },
    ],
    entries: [
      { kind: 'evaluation', title: 'Evaluatie', text: 'Fictieve evaluatie: doelen grotendeels behaald.', source: { kind: 'care-professional' }, statementType: 'opinion' },
      { kind: 'third-party-information', title: 'Informatie school', text: 'Fictief: de mentor meldt verbeterde aanwezigheid.', source: { kind: 'school', description: 'mentor (fictief)' }, statementType: 'fact' },
    ],
  },
  {
    age: 19, client: { bsn: BSNS[5]!, familyName: 'Demo-Hoekstra', givenNames: 'Lieke', gender: 'female' },
    relations: [
      { relation: 'parent', hasCustody: false, custodyKind: null, familyName: 'Demo-Hoekstra', givenNames: 'Gerda' },
    ],
    entries: [
      { kind: 'strengths-inventory', title: 'Krachten', text: 'Fictief: sterk netwerk van vrienden, heeft een bijbaan.', source: { kind: 'client' }, statementType: 'fact' },
      { kind: 'information-given', title: 'Uitleg rechten', text: 'Fictief: uitgelegd hoe inzage in het dossier werkt.', source: { kind: 'care-professional' }, statementType: 'fact' },
    ],
  },
];

/** The ISO date `days` days before `today`. */
function daysBefore(today: string, days: number): string {
  return formatIsoDate(addDays(toCalendarDate(today, 'today'), -days));
}

/**
 * A year of everyday work in each demo dossier (issue 15 item 12): a plan with goals, conversations, a case
 * discussion, information from school, a letter, agreements, information given, a decision and — for most — an
 * evaluation, spread over the past months, so a visitor sees a dossier that lives. Two clients have no evaluation
 * yet, so the caseload shows an evaluation due. All fictional.
 */
function everydayEntries(demo: DemoClient, index: number, today: string): NewEntry[] {
  const name = demo.client.givenNames;
  const on = (days: number) => daysBefore(today, days + index * 7);
  const entries: NewEntry[] = [
    {
      kind: 'plan', title: 'Plan van aanpak met doelen', occurredOn: on(200), source: { kind: 'care-professional' }, statementType: 'opinion',
      text: `Fictief plan voor ${name}. Doel 1: ${name} gaat elke dag naar school. Doel 2: thuis minder ruzie, gemeten met een weekkaart. `
        + 'Doel 3: een vaste vrijetijdsbesteding. Evaluatie na een half jaar, samen met de cliënt en de ouders of de voogd.',
    },
    { kind: 'conversation-report', title: 'Kennismaking', occurredOn: on(190), source: { kind: 'client' }, statementType: 'fact', text: `Fictief: eerste gesprek met ${name} over wat goed gaat en wat lastig is.` },
    { kind: 'case-discussion', title: 'Casusbespreking', occurredOn: on(160), source: { kind: 'care-professional' }, statementType: 'opinion', text: 'Fictief: het team adviseert eerst de dagstructuur aan te pakken.' },
    { kind: 'third-party-information', title: 'Informatie van school', occurredOn: on(140), source: { kind: 'school', description: 'mentor (fictief)' }, statementType: 'fact', text: 'Fictief: de mentor meldt dat het verzuim daalt.' },
    { kind: 'conversation-report', title: 'Gesprek thuis', occurredOn: on(120), source: { kind: 'parent' }, statementType: 'fact', text: 'Fictief huisbezoek: afspraken over bedtijden en telefoongebruik.' },
    { kind: 'correspondence', title: 'Brief aan ouders', occurredOn: on(100), source: { kind: 'care-professional' }, statementType: 'fact', text: 'Fictief: uitnodiging voor het gesprek over de voortgang.' },
    { kind: 'work-agreement', title: 'Afspraak over contact', occurredOn: on(80), source: { kind: 'care-professional' }, statementType: 'fact', text: 'Fictief: om de week een gesprek, bij crisis bellen met het teamnummer.' },
    { kind: 'information-given', title: 'Uitleg over het dossier', occurredOn: on(60), source: { kind: 'care-professional' }, statementType: 'fact', text: 'Fictief: uitgelegd wat er in het dossier staat en hoe inzage werkt.' },
    { kind: 'decision', title: 'Besluit over de hulp', occurredOn: on(40), source: { kind: 'care-professional' }, statementType: 'opinion', text: 'Fictief: de hulp gaat door; het accent ligt op school.' },
    { kind: 'conversation-report', title: 'Gesprek over school', occurredOn: on(10), source: { kind: 'client' }, statementType: 'fact', text: `Fictief: ${name} vertelt over een nieuwe vriend in de klas.` },
  ];
  if (index % 3 !== 1) {
    entries.push({
      kind: 'evaluation', title: 'Evaluatie van het plan', occurredOn: on(20), source: { kind: 'care-professional' }, statementType: 'opinion',
      text: 'Fictieve evaluatie: doel 1 behaald, doel 2 deels, doel 3 nog niet. Het plan loopt een half jaar door.',
    });
  }
  return entries;
}

function birthDateForAge(today: string, age: number): string {
  // Born on 1 March, or 1 January when that keeps the age right early in the year.
  const year = Number(today.slice(0, 4)) - age;
  return today.slice(5) >= '03-01' ? `${year}-03-01` : `${year - 1}-12-01`;
}

/** A demo user's TOTP secret, to add to an authenticator app by hand or through the URI. */
export interface DemoTotp {
  username: string;
  secret: string;
  otpauthUri: string;
}

export interface SeedResult {
  created: boolean;
  users: readonly DemoUser[];
  password: string;
  /** The demo users' TOTP secrets: demo mode skips no factor, so `start` prints these. */
  totp: DemoTotp[];
}

/**
 * Gives every demo user without a second factor a TOTP secret (as if enrolled)
 * and returns all demo users' secrets. Demo users still log in with both
 * factors; printing their secrets is what makes that possible in a demo.
 */
export async function demoTotpSecrets(db: Database, masterKey: Buffer, now: Date): Promise<DemoTotp[]> {
  const result: DemoTotp[] = [];
  for (const user of DEMO_USERS) {
    const id = await employeeIdByUsername(db, user.username, DEMO_ORGANISATION);
    if (id === undefined) continue;
    let secret = await loadTotpSecret(db, masterKey, id);
    if (secret === undefined) {
      secret = newTotpSecret();
      await setTotpSecret(db, masterKey, id, secret, now);
    }
    result.push({ username: user.username, secret, otpauthUri: totpUri(secret, user.username) });
  }
  return result;
}

/** Creates the demo organisation unless it exists; either way returns the demo users' TOTP secrets. All in one transaction. */
export function seedDemo(db: Database, masterKey: Buffer, now: Date): Promise<SeedResult> {
  return inSeedTransaction(db, (transaction) => seedInTransaction(transaction, masterKey, now));
}

async function seedInTransaction(db: Database, masterKey: Buffer, now: Date): Promise<SeedResult> {
  if (await organisationNamed(db, DEMO_ORGANISATION)) return { created: false, users: DEMO_USERS, password: DEMO_PASSWORD, totp: await demoTotpSecrets(db, masterKey, now) };

  const organisationId = await ensureOrganisation(db, DEMO_ORGANISATION);
  // A fictional address for the letters (issue 15 item 3): the reserved .example domain, a postal code and place that do not exist.
  await setOrganisationContact(db, organisationId, {
    postalAddress: 'Regenbooglaan 1', postalCode: '9999 ZZ', place: 'Demodorp', phone: '012 345 67 89', email: 'post@regenboog-demo.example', website: 'www.regenboog-demo.example',
  });
  const teamId = await ensureTeam(db, organisationId, 'Team Noord');
  const ids = new Map<string, string>();
  for (const user of DEMO_USERS) {
    ids.set(user.username, await ensureEmployee(db, organisationId, { ...user, password: DEMO_PASSWORD, teamId }));
  }
  const holder: Actor = {
    employeeId: ids.get('demo.hulpverlener')!, organisationId, role: 'care-professional', displayName: 'Fatima el Amrani', sessionId: 'seed-demo',
  };
  const ctx: RequestContext = { actor: holder, route: 'CLI seed-demo', address: null, now };
  const today = calendarDate(now);
  const clientIds = new Map<string, string>();
  const relationIds = new Map<string, string>();
  for (const [index, demo] of DEMO_CLIENTS.entries()) {
    const birthDate = birthDateForAge(today, demo.age);
    // Through the gate as the holder would at the desk: the new client and each entry decided and logged as theirs.
    const clientId = await enter(db, ctx, { kind: 'new-client', born: birthDate }, 'register', async (scope) => (await registerClient(
      scope, masterKey, { ...demo.client, birthDate, identityCheck: { documentType: 'identity-card', checkedAt: now.toISOString() }, careStartedOn: today },
    )).clientId);
    clientIds.set(demo.client.givenNames, clientId);
    await addToCareTeam(db, clientId, ids.get('demo.collega')!, 'substitute', today);
    await addToCareTeam(db, clientId, ids.get('demo.stagiair')!, 'intern', today);
    for (const relation of demo.relations) {
      relationIds.set(relation.givenNames, await insertRegisteredRelation(db, clientId, {
        relation: relation.relation, hasCustody: relation.hasCustody, custodyKind: relation.custodyKind, familyName: relation.familyName,
        givenNames: relation.givenNames, establishedHow: 'gezagsregister geraadpleegd (demo)', validFrom: today, createdBy: holder.employeeId,
        custodyEstablishedBy: custodyBasisOf(relation),
      }));
    }
    for (const entry of [...demo.entries, ...everydayEntries(demo, index, today)]) {
      await enter(db, ctx, { kind: 'client', clientId }, { action: 'record', part: partOfEntryKind(entry.kind) },
        (scope) => addEntry(scope, masterKey, 1024 * 1024, entry));
    }
    // Care consent of the clients who decide alone (16 and over; Jeugdwet 7.3.5), one of them ending within a month; the
    // younger ones' consent is still missing, which the caseload shows (issue 15 items 9, 12).
    if (demo.age >= 16) {
      await enter(db, ctx, { kind: 'client', clientId }, { action: 'record-consent', part: 'administrative-data' }, (scope) => recordConsent(scope, masterKey, {
        kind: 'care', givenBy: 'client', givenOn: today, informationGiven: 'Fictief: uitleg over de hulp, de doelen en het dossier.',
        ...(demo.age === 17 ? { validTo: formatIsoDate(addDays(toCalendarDate(today, 'today'), 20)) } : {}),
      }));
    }
  }
  await seedDemoRequests(db, masterKey, ctx, {
    noor: clientIds.get('Noor')!, noorsFather: relationIds.get('Tom')!, jayden: clientIds.get('Jayden')!, milan: clientIds.get('Milan')!,
  });
  await seedPortalDemo(db, masterKey, ctx, ids.get('demo.collega')!, DEMO_PASSWORD); // the client portal's demo (issue 19 item 8)
  return { created: true, users: DEMO_USERS, password: DEMO_PASSWORD, totp: await demoTotpSecrets(db, masterKey, now) };
}
