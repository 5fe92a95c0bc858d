/**
 * No raw code, no ISO date and no English field name reaches a person (issue 15, Deliver 6 and "Done when": "no raw
 * code or ISO date appears in any page, PDF, letter or spreadsheet (a test scans rendered pages and exported
 * documents for the code list); axe stays at zero violations").
 *
 * Every staff page, as every demo role that can reach it, is opened at 1366 px and at 390 px: its visible text
 * (`innerText`), the texts of attributes people hear or see (title, aria-label, placeholder, alt), the options of its
 * lists and the document title are scanned for every code of the label catalogue (src/shared/labels.ts and the
 * vocabularies beside it), for ISO dates and times, for camelCase field names and for programmers' words; the forms
 * a page opens in place are opened and scanned too. axe-core runs at both widths; screenshots land in the
 * git-ignored e2e-screenshots/. Then the documents a page hands out — the copy PDF, the decision letter of each
 * outcome and the extension letter, the general-information letter, the portability XLSX, the transfer PDF, the
 * access log as CSV and XLSX — are downloaded through their buttons and their text scanned the same way.
 *
 * What is still found on a page is listed in KNOWN (each entry names its request in
 * /work/coord/reports/raw-codes.md); a finding not in that list fails the test.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AdministrationAct } from '../src/organisation/administration-acts.js';
import * as catalogue from '../src/shared/labels.js';
import { pdfDocumentText } from '../src/test-support/pdf-text.js';
import { amsterdamDate, apiCall, screenshot, useDemoBrowser, wcagViolations } from './support.js';

const demo = useDemoBrowser();

// ---------------------------------------------------------------------------------------------------------------
// The code list

/** Tables of the catalogue whose keys are not codes a person could meet: API field names and the letter's parts. */
const NOT_CODE_TABLES = new Set(['FIELD_NAMES', 'LETTER_TEXTS']);

/**
 * Codes that are also ordinary Dutch words (or loanwords in everyday Dutch), with where they occur: a scan for them
 * would flag correct Dutch sentences, so they are left out of the code list. A raw code among them is not caught.
 */
export const DUTCH_WORDS: Readonly<Record<string, string>> = {
  dossier: 'PARTS "dossier" is the Dutch word for the dossier, on every page',
  plan: 'ENTRY_KINDS "plan" is Dutch ("het plan loopt door", demo entries)',
  school: 'SOURCE_KINDS "school" is Dutch ("naar school", demo entries)',
  intern: 'ROLES/CARE_RELATIONS "intern" is a Dutch adjective',
  manager: 'ROLES "manager" is the Dutch loanword for a team lead',
  mentor: 'RELATIONS "mentor" is Dutch ("de mentor meldt", demo entries)',
  curator: 'RELATIONS "curator" is Dutch',
  partner: 'RELATIONS "partner" is Dutch',
  incident: 'PURPOSES/incident kinds "incident" is Dutch ("Incident of calamiteit")',
  register: 'ACCESS_ACTIONS "register" is Dutch ("Register van verstrekkingen")',
  record: 'ACCESS_ACTIONS "record" is Dutch',
  correct: 'REQUEST_KINDS "correct" is a Dutch adjective',
  object: 'REQUEST_KINDS "object" is Dutch',
  transfer: 'ACCESS_ACTIONS "transfer" is a Dutch loanword',
  open: 'BREACH_STATUSES "open" is Dutch ("Ja, open het hele dossier")',
  account: 'portal action "account" is the Dutch loanword ("Mijn account" in every page header)',
  risk: 'breach risk "risk": the Dutch "risico" is spelled differently, but "risk" appears in proper names (none in the demo); kept out to be safe',
};

/** Every code of the catalogue's tables, and of the vocabularies whose labels still live in a page (see the report's requests). */
export const CODES: readonly string[] = [...new Set([
  ...Object.entries(catalogue)
    .filter(([name, value]) => !NOT_CODE_TABLES.has(name) && typeof value === 'object' && value !== null && !Array.isArray(value))
    .flatMap(([, table]) => Object.keys(table as Record<string, string>)),
  ...catalogue.REPRESENTATIVE_RELATIONS,
  ...Object.values(AdministrationAct),
  'care-consent-missing', 'consent-expiring', 'evaluation-due', 'emergency-access',
])].filter((code) => !(code in DUTCH_WORDS)).sort();

/** Lower-case words joined by hyphens that are Dutch, not codes. */
const DUTCH_HYPHENATED = new Set([
  'e-mail', 'e-mailadres', 'e-mailadressen', 'niet-ouder', 'regenboog-demo', 'ex-partner', 'vier-ogenprincipe', 'privacy-instellingen',
  'demo-organisatie',
]);

/** The API's field names a person must never read ("streetAddress", "clientId"), beside any camelCase word. */
const FIELD_NAMES = Object.keys(catalogue.FIELD_NAMES);

interface Finding { where: string; what: string; context: string }

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CODE_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}_-])(${[...CODES].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');
const FIELD_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}_.])(${FIELD_NAMES.filter((f) => /[A-Z]/.test(f)).map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
const CHECKS: [what: string, pattern: RegExp][] = [
  ['code', CODE_PATTERN],
  ['ISO date', /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/g],
  ['ISO time', /\d{2}T\d{2}:\d{2}/g],
  ['field name', FIELD_PATTERN],
  ['camelCase', /(?<![\p{L}\p{N}_])[a-z]+[A-Z][a-zA-Z]*(?![\p{L}\p{N}_])/gu],
  ['hyphenated code', /(?<![\p{L}\p{N}_-])[a-z]+(?:-[a-z]+)+(?![\p{L}\p{N}_-])/gu],
  ['programmer\'s word', /(?<![\p{L}\p{N}_])(undefined|null|NaN|\[object \w+\])(?![\p{L}\p{N}_])/gu],
];

/** Everything in `text` a person should not read, with 50 characters either side. */
export function rawFindings(text: string, where: string): Finding[] {
  const found: Finding[] = [];
  const seen = new Set<string>();
  for (const [what, pattern] of CHECKS) {
    for (const m of text.matchAll(pattern)) {
      if (what === 'hyphenated code' && (DUTCH_HYPHENATED.has(m[0]) || CODES.includes(m[0]))) continue;
      const key = `${what} ${m[0]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const at = m.index;
      found.push({ where, what: `${what} "${m[0]}"`, context: text.slice(Math.max(0, at - 50), at + m[0].length + 50).replace(/\s+/g, ' ') });
    }
  }
  return found;
}

/**
 * Findings on pages that are somebody else's to fix (web/src/features/*, being restructured): each names its request
 * in /work/coord/reports/raw-codes.md. A finding matches when its place and what was found both match.
 */
interface Known { request: string; where: RegExp; what: RegExp }
const KNOWN: Known[] = [];

/** axe violations on pages that are somebody else's to fix, each naming its request; matched against "where @width: rule …". */
const KNOWN_AXE: { request: string; violation: RegExp }[] = [];

/** axe violations not in KNOWN_AXE. */
function axeLeft(axe: string[]): string[] {
  return axe.filter((v) => !KNOWN_AXE.some((k) => k.violation.test(v)));
}

// ---------------------------------------------------------------------------------------------------------------
// Pages

/** What the page shows a person: the visible text, the texts of titles and labels, the lists' options, the title. */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    // Text node by text node, so that a label and the button after it ("…gecontroleerd" "Uitnodiging maken") are two
    // texts, as a screen reader reads them, not one word as innerText joins inline elements.
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent === null || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName)) continue;
      if (!(parent instanceof HTMLOptionElement) && !parent.checkVisibility({ visibilityProperty: true })) continue;
      const text = node.textContent?.trim() ?? '';
      if (text !== '') texts.push(text);
    }
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      if (element.closest('[aria-hidden="true"]') !== null) continue;
      for (const attribute of ['title', 'aria-label', 'placeholder', 'alt', 'aria-description']) {
        const value = element.getAttribute(attribute);
        if (value !== null && value.trim() !== '') texts.push(value);
      }
      if (element instanceof HTMLOptionElement) texts.push(element.text);
    }
    return texts.join('\n');
  });
}

async function settle(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.loading') === null);
  // Cards load after the heading.
  await page.waitForTimeout(400);
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

/** Buttons that only open a form or a view in place (never one that changes something). */
const OPENERS = ['Nieuw verzoek vastleggen', 'Nieuwe dossierregel', 'Verstrekking vastleggen', 'Nieuwe cliënt inschrijven', 'Bekijken wat de verzoeker te zien krijgt'];

/** Opens the forms a page opens in place: the named openers and every Toggle (a lone `button.secondary` in a paragraph). */
async function openForms(page: Page): Promise<number> {
  let opened = 0;
  for (const name of OPENERS) {
    const button = page.locator('main').getByRole('button', { name, exact: true });
    if (await button.count() === 1 && await button.isEnabled()) {
      await button.click();
      opened++;
    }
  }
  for (let round = 0; round < 25; round++) {
    // Marked before it is clicked, so a Toggle that stays (or a refusal in its place) is not clicked twice.
    const clicked = await page.evaluate(() => {
      const button = Array.from(document.querySelectorAll<HTMLButtonElement>('main p > button.secondary[type="button"]:only-child:not([data-scanned])'))
        .find((b) => b.checkVisibility());
      if (button === undefined) return undefined;
      button.setAttribute('data-scanned', '');
      if (button.disabled || /blokkeren|intrekken|vernietig|verwijder|beëindig|opheffen/i.test(button.textContent ?? '')) return false;
      button.click();
      return true;
    });
    if (clicked === undefined) break;
    if (clicked) opened++;
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(300);
  return opened;
}

const WIDTHS = [1366, 390] as const;

/** Scans the page as it is at both widths (text, axe, screenshot), then with its in-place forms open. */
async function scanPage(page: Page, where: string, findings: Finding[], axe: string[], options: { forms?: boolean } = {}): Promise<void> {
  const shot = where.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '');
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(150);
    const text = await readableText(page);
    // A blank or half-loaded page would pass any scan.
    expect(text.length, `${where}: the page's text`).toBeGreaterThan(100);
    findings.push(...rawFindings(text, `${where} @${width}`));
    for (const v of await wcagViolations(page)) axe.push(`${where} @${width}: ${v}`);
    await screenshot(page, `raw-codes-${width}-${shot}`);
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  if (options.forms !== false && await openForms(page) > 0) {
    findings.push(...rawFindings(await readableText(page), `${where} (forms open)`));
    for (const v of await wcagViolations(page)) axe.push(`${where} (forms open): ${v}`);
    await screenshot(page, `raw-codes-1366-${shot}-forms`);
  }
}

async function visit(page: Page, path: string, where: string, findings: Finding[], axe: string[], options: { forms?: boolean } = {}): Promise<void> {
  await page.goto(path);
  try {
    await settle(page);
  } catch (error) {
    await screenshot(page, `raw-codes-failed-${where.replace(/[^a-z0-9]+/gi, '_')}`);
    throw new Error(`${where} (${path}) did not load: ${String(error)}\n${(await page.locator('body').innerText()).slice(0, 500)}`);
  }
  await scanPage(page, where, findings, axe, options);
}

/** Findings not in KNOWN; KNOWN entries that matched nothing are printed (fixed: remove them). */
function unexplained(findings: Finding[], used: Set<Known>): string[] {
  const left: string[] = [];
  for (const f of findings) {
    const known = KNOWN.find((k) => k.where.test(f.where) && k.what.test(f.what));
    if (known === undefined) left.push(`${f.where}: ${f.what} in "…${f.context}…"`);
    else used.add(known);
  }
  return [...new Set(left)];
}

// ---------------------------------------------------------------------------------------------------------------
// Documents

async function downloadText(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }).catch(async (error: unknown) => {
      throw new Error(`no download from "${button}": ${String(error)}; ${await page.getByTestId('problem').allInnerTexts().then((t) => t.join(' | '))}`);
    }),
    page.locator('main').getByRole('button', { name: button, exact: true }).first().click(),
  ]);
  const name = download.suggestedFilename();
  const bytes = await readFile(await download.path());
  return { name, text: await documentText(name, bytes) };
}

/** A document the page does not (yet) offer as a button, fetched with the page's session. */
async function fetchText(page: Page, url: string, name: string): Promise<{ name: string; text: string }> {
  const fetched = await page.evaluate(async (address) => {
    const response = await fetch(address, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { status: response.status, base64: btoa(binary) };
  }, url);
  expect(fetched.status, url).toBe(200);
  return { name, text: await documentText(name, Buffer.from(fetched.base64, 'base64')) };
}

/** The words of a PDF, an XLSX (every cell's text; dates must be date cells, shown by their format) or a CSV. */
async function documentText(name: string, bytes: Buffer): Promise<string> {
  if (name.endsWith('.pdf')) {
    expect(bytes.subarray(0, 5).toString('latin1'), name).toBe('%PDF-');
    return pdfDocumentText(bytes);
  }
  if (name.endsWith('.xlsx')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const texts: string[] = [];
    book.eachSheet((sheet) => {
      texts.push(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => {
        // A date cell is shown through its number format (checked by the exports' own tests); its text here would be ISO.
        if (cell.value instanceof Date) return;
        texts.push(cell.text);
      }));
    });
    return texts.join('\n');
  }
  return bytes.toString('utf8');
}

// ---------------------------------------------------------------------------------------------------------------
// The demo's clients and what the test adds to them

interface Ids { clients: Map<string, string>; requests: Map<string, string>; familyId: string; emergencyClient: string }
const ids: Ids = { clients: new Map(), requests: new Map(), familyId: '', emergencyClient: '' };

const clientId = (name: string): string => {
  const id = ids.clients.get(name);
  if (id === undefined) throw new Error(`no demo client ${name} (the first test looks them up)`);
  return id;
};

async function json<T>(page: Page, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const answer = await apiCall(page, method, url, body);
  if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text) as T;
}

/** A request of Lieke (19, asks for herself), registered and decided (or extended) through the API. */
async function liekeRequest(page: Page, kind: string, then: { decide?: Record<string, unknown>; extend?: boolean }): Promise<string> {
  const base = `/api/clients/${clientId('Lieke Demo-Hoekstra')}/requests`;
  const created = await json<{ id: string }>(page, 'POST', base, {
    kind, channel: 'written', receivedOn: amsterdamDate(), details: 'Lieke vraagt dit per brief.', identityCheck: { documentType: 'identity-card' },
  });
  if (then.extend === true) {
    await json(page, 'POST', `${base}/${created.id}/extend`, { noticeSentOn: amsterdamDate(), reasons: 'Het dossier is groot; wij hebben meer tijd nodig om het zorgvuldig te lezen.' });
  }
  if (then.decide !== undefined) await json(page, 'POST', `${base}/${created.id}/decision`, then.decide);
  return created.id;
}

const STAFF_ALL = ['/', '/verzoeken', '/account'];

describe('no raw code, ISO date or field name on any staff page or exported document (issue 15 item 6)', () => {
  const used = new Set<Known>();

  it('the log-in, pickup and enrolment pages, before anyone logs in', async () => {
    const findings: Finding[] = [];
    const axe: string[] = [];
    const page = await demo.freshPage();
    for (const [path, where] of [['/', 'login'], ['/ophalen', 'pickup'], ['/inschrijven', 'enrolment']] as const) {
      await visit(page, path, where, findings, axe, { forms: false });
    }
    // The second step of the log-in, and a refused password.
    await page.goto('/');
    await page.getByLabel('Gebruikersnaam').fill('demo.hulpverlener');
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByTestId('problem').waitFor();
    await scanPage(page, 'login refused', findings, axe, { forms: false });
    expect(unexplained(findings, used)).toEqual([]);
  });

  it('sets up: the demo clients, requests of every outcome, a family, a work note, an emergency access', async () => {
    const page = await demo.pageFor('demo.hulpverlener');
    const { clients } = await json<{ clients: { id: string; givenNames: string; familyName: string }[] }>(page, 'GET', '/api/clients?limit=200');
    for (const c of clients) ids.clients.set(`${c.givenNames} ${c.familyName}`, c.id);
    expect(ids.clients.size).toBeGreaterThanOrEqual(7);

    ids.requests.set('copy-granted', await liekeRequest(page, 'copy', { decide: { outcome: 'granted', reasons: '' } }));
    ids.requests.set('inspect-partly', await liekeRequest(page, 'inspect', {
      decide: { outcome: 'partly', reasons: 'De informatie van school gaat ook over een ander; die krijgt u niet.', facts: ['significant-interest-of-another'] },
    }));
    ids.requests.set('destroy-refused', await liekeRequest(page, 'destroy', {
      decide: { outcome: 'refused', reasons: 'Goede zorg vraagt dat wij het dossier nog bewaren.', facts: ['good-care-requires-keeping'] },
    }));
    ids.requests.set('copy-extended', await liekeRequest(page, 'copy', { extend: true }));
    ids.requests.set('portability-granted', await liekeRequest(page, 'portability', { decide: { outcome: 'granted', reasons: '' } }));
    ids.requests.set('information-granted', await liekeRequest(page, 'general-information', { decide: { outcome: 'granted', reasons: '' } }));

    // Refusals name fields in Dutch: a few malformed or incomplete bodies, as a page's form would send them.
    const refusals: Finding[] = [];
    for (const [url, body] of [
      ['/api/clients', { givenNames: 'Noor', birthDate: 'gisteren', gender: 'female' }],
      ['/api/clients', {}],
      [`/api/clients/${clientId('Lieke Demo-Hoekstra')}/requests`, { kind: 'copy', channel: 'written', receivedOn: '5 december' }],
      [`/api/clients/${clientId('Lieke Demo-Hoekstra')}/consents`, { kind: 'disclosure', givenBy: 'client' }],
      [`/api/clients/${clientId('Lieke Demo-Hoekstra')}/transfer`, { recipient: 'Elders', recipientKind: 'successor-provider', transferredOn: amsterdamDate(), clientToldBeforehand: true }],
      ['/api/families', { name: '', memberIds: [] }],
    ] as const) {
      const answer = await apiCall(page, 'POST', url, body);
      expect(answer.status, url).toBeGreaterThanOrEqual(400);
      const problem = JSON.parse(answer.text) as { nl?: string; errors?: { nl: string }[] };
      expect(problem.nl, url).toBeTypeOf('string');
      refusals.push(...rawFindings([problem.nl ?? '', ...(problem.errors ?? []).map((e) => e.nl)].join('\n'), `refusal ${url.replace(/[0-9a-f-]{36}/, 'client')}`));
    }
    expect(refusals.map((f) => `${f.where}: ${f.what} in "…${f.context}…"`)).toEqual([]);

    const family = await json<{ id: string }>(page, 'POST', '/api/families', { name: 'Gezin Demo-Bakker', memberIds: [clientId('Sanne Demo-Bakker')] });
    ids.familyId = family.id;
    await json(page, 'POST', `/api/families/${family.id}/entries`, { kind: 'family-conversation-report', text: 'Fictief gezinsgesprek over de weekplanning.' });
    await json(page, 'POST', `/api/clients/${clientId('Sanne Demo-Bakker')}/work-notes`, { text: 'Vragen naar de zwemles.' });

    // A client of the holder alone, so the colleague needs emergency access (003 §2.2.8).
    await page.goto('/');
    await page.getByRole('button', { name: 'Nieuwe cliënt inschrijven' }).click();
    await page.getByLabel('Voornamen').fill('Daan');
    await page.getByLabel('Achternaam').fill('Demo-Noodgeval');
    await page.getByLabel('Geboortedatum', { exact: true }).fill('2013-05-04');
    await page.getByLabel('Straat en huisnummer').fill('Voorbeeldlaan 7');
    await page.getByLabel('Postcode').fill('1234 AB');
    await page.getByLabel('Woonplaats').fill('Demodorp');
    await page.getByRole('button', { name: 'Inschrijven' }).click();
    await page.getByRole('heading', { level: 1, name: /Daan Demo-Noodgeval/ }).waitFor();
    ids.emergencyClient = /\/clienten\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  });

  it('as the care professional (holder): caseload, every client page, every request page, work notes, family, account', { timeout: 600_000 }, async () => {
    const findings: Finding[] = [];
    const axe: string[] = [];
    const page = await demo.pageFor('demo.hulpverlener');
    for (const path of [...STAFF_ALL, '/werkaantekeningen']) await visit(page, path, `hulpverlener ${path}`, findings, axe);
    for (const name of ['Sanne Demo-Bakker', 'Lieke Demo-Hoekstra', 'Milan Demo-Visser', 'Jayden Demo-Pinas', 'Noor Demo-de Boer', 'Emre Demo-Yilmaz', 'Sara Demo-Mulder']) {
      const id = clientId(name);
      for (const tab of ['', '/tijdlijn', '/verzoeken', '/verstrekkingen']) await visit(page, `/clienten/${id}${tab}`, `hulpverlener ${name}${tab || ' overzicht'}`, findings, axe);
    }
    for (const [what, requestId] of ids.requests) {
      await visit(page, `/clienten/${clientId('Lieke Demo-Hoekstra')}/verzoeken/${requestId}`, `hulpverlener request ${what}`, findings, axe);
    }
    // The demo's own open and decided requests (Noor's father's copy, Jayden's inspection).
    for (const name of ['Noor Demo-de Boer', 'Jayden Demo-Pinas']) {
      const { requests } = await json<{ requests: { id: string }[] }>(page, 'GET', `/api/clients/${clientId(name)}/requests`);
      for (const r of requests) await visit(page, `/clienten/${clientId(name)}/verzoeken/${r.id}`, `hulpverlener request of ${name}`, findings, axe);
    }
    await visit(page, `/gezinnen/${ids.familyId}`, 'hulpverlener family', findings, axe);
    await visit(page, '/nergens', 'hulpverlener not found', findings, axe, { forms: false });
    expect(unexplained(findings, used)).toEqual([]);
    expect(axeLeft(axe)).toEqual([]);
  });

  it('as the colleague: a dossier outside the care team, emergency access with its summary, banner and dossier', { timeout: 300_000 }, async () => {
    const findings: Finding[] = [];
    const axe: string[] = [];
    const page = await demo.pageFor('demo.collega');
    await visit(page, `/clienten/${ids.emergencyClient}`, 'collega refused (emergency access offered)', findings, axe, { forms: false });
    await page.getByLabel('Reden voor noodtoegang').fill('Crisis in de avond; de vaste hulpverlener is niet bereikbaar.');
    await page.getByRole('button', { name: 'Noodsamenvatting openen' }).click();
    await page.getByTestId('emergency-summary').waitFor();
    await scanPage(page, 'collega emergency summary', findings, axe, { forms: false });
    await page.getByRole('button', { name: 'Ja, open het hele dossier' }).click();
    await page.getByRole('heading', { level: 1, name: /Daan Demo-Noodgeval/ }).waitFor();
    await settle(page);
    await scanPage(page, 'collega emergency dossier with banner', findings, axe, { forms: false });
    for (const path of STAFF_ALL) await visit(page, path, `collega ${path}`, findings, axe);
    expect(unexplained(findings, used)).toEqual([]);
    expect(axeLeft(axe)).toEqual([]);
  });

  it('as the intern, the administrative employee: their pages and a client\'s pages', { timeout: 400_000 }, async () => {
    const findings: Finding[] = [];
    const axe: string[] = [];
    for (const [user, extra] of [['demo.stagiair', ['/werkaantekeningen']], ['demo.administratie', ['/registers', '/registers/incidenten', '/registers/aanmeldingen']]] as const) {
      const page = await demo.pageFor(user);
      const who = user.replace('demo.', '');
      for (const path of [...STAFF_ALL, ...extra]) await visit(page, path, `${who} ${path}`, findings, axe);
      const id = clientId('Milan Demo-Visser');
      for (const tab of ['', '/tijdlijn', '/verzoeken', '/verstrekkingen']) await visit(page, `/clienten/${id}${tab}`, `${who} Milan${tab || ' overzicht'}`, findings, axe);
      await visit(page, `/clienten/${clientId('Lieke Demo-Hoekstra')}/verzoeken/${ids.requests.get('inspect-partly')!}`, `${who} request inspect-partly`, findings, axe);
    }
    expect(unexplained(findings, used)).toEqual([]);
    expect(axeLeft(axe)).toEqual([]);
  });

  it('as the manager: registers, role approval, emergency-access review, a dossier without a purpose', { timeout: 300_000 }, async () => {
    const findings: Finding[] = [];
    const axe: string[] = [];
    const page = await demo.pageFor('demo.manager');
    // A complaint in the register, so its entry is on the page.
    await json(page, 'POST', '/api/registers/complaints', { receivedOn: amsterdamDate(-3), complainant: 'Een ouder', summary: 'Fictief: de afspraak werd twee keer verzet.' });
    for (const path of [...STAFF_ALL, '/registers', '/registers/incidenten', '/registers/aanmeldingen', '/rollen', '/noodtoegang']) {
      await visit(page, path, `manager ${path}`, findings, axe);
    }
    await visit(page, `/clienten/${clientId('Sanne Demo-Bakker')}`, 'manager dossier without a purpose', findings, axe, { forms: false });
    // With a purpose that names its record (DOMAIN §2; issue 14): an incident about Sanne opens her dossier to the manager.
    const sanne = clientId('Sanne Demo-Bakker');
    await json(page, 'POST', '/api/registers/incidents', {
      kind: 'incident', occurredOn: amsterdamDate(-2), clientIds: [sanne], description: 'Fictief: een ruzie in de wachtkamer, uitgezocht met het team.',
    });
    await page.goto('/');
    await settle(page);
    await page.getByLabel('Doel van inzage').selectOption('incident');
    await page.getByLabel('Waarover').selectOption({ index: 1 });
    // The purpose lives in the page (not the address): navigate within the app.
    await page.getByTestId('caseload').getByRole('link', { name: 'Sanne Demo-Bakker' }).click().catch(async () => {
      await page.evaluate((path) => { window.history.pushState(null, '', path); window.dispatchEvent(new PopStateEvent('popstate')); }, `/clienten/${sanne}`);
    });
    await settle(page);
    await scanPage(page, 'manager Sanne with an incident as purpose', findings, axe, { forms: false });
    for (const tab of ['Dossier (tijdlijn)', 'Verzoeken', 'Verstrekkingen']) {
      await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: tab }).click();
      await settle(page);
      await scanPage(page, `manager Sanne ${tab} with a purpose`, findings, axe, { forms: false });
    }
    expect(unexplained(findings, used)).toEqual([]);
    expect(axeLeft(axe)).toEqual([]);
  });

  it('as the privacy officer: the desk, the registers, the access log of a client, role approval, the administration log', { timeout: 400_000 }, async () => {
    const findings: Finding[] = [];
    const axe: string[] = [];
    const page = await demo.pageFor('demo.fg');
    // A breach in the register (AVG 33), so its risk, state and deadline are on the page.
    await json(page, 'POST', '/api/privacy/breaches', {
      description: 'Fictief: een brief met gegevens van een cliënt ging naar een verkeerd adres.', discoveredAt: new Date(Date.now() - 3_600_000).toISOString(),
      clientIds: [clientId('Sanne Demo-Bakker')], risk: 'risk', riskAssessment: 'Naam en adres; de ontvanger heeft de brief teruggestuurd.',
    });
    const desk = ['/privacy', '/privacy/ongewoon', '/privacy/verstrekkingen', '/privacy/toegang', '/privacy/verzoeken', '/privacy/datalekken',
      '/privacy/bewaren', '/privacy/verwerkingen', '/privacy/instellingen'];
    for (const path of [...STAFF_ALL, ...desk, `/privacy/toegang/${ids.emergencyClient}`, `/privacy/toegang/${clientId('Sanne Demo-Bakker')}`,
      `/privacy/toegang/${clientId('Sara Demo-Mulder')}`,
      '/registers', '/registers/incidenten', '/registers/aanmeldingen', '/rollen', '/logboek-beheer']) {
      await visit(page, path, `fg ${path.replace(/[0-9a-f-]{36}/, 'client')}`, findings, axe);
    }
    await visit(page, `/clienten/${clientId('Sanne Demo-Bakker')}`, 'fg dossier (refused, with the log link)', findings, axe, { forms: false });
    expect(unexplained(findings, used)).toEqual([]);
    expect(axeLeft(axe)).toEqual([]);
  });

  it('as the application administrator: employees, teams, account; a dossier refused', { timeout: 200_000 }, async () => {
    const findings: Finding[] = [];
    const axe: string[] = [];
    const page = await demo.pageFor('demo.beheer');
    for (const path of ['/', '/verzoeken', '/account', '/beheer', '/beheer/teams']) await visit(page, path, `beheer ${path}`, findings, axe);
    await visit(page, `/clienten/${clientId('Sanne Demo-Bakker')}`, 'beheer dossier refused', findings, axe, { forms: false });
    expect(unexplained(findings, used)).toEqual([]);
    expect(axeLeft(axe)).toEqual([]);
  });

  it('every document a page hands out: copy PDF, letters of each outcome, information letter, XLSX, transfer PDF, access log CSV and XLSX', { timeout: 400_000 }, async () => {
    const findings: Finding[] = [];
    const axe: string[] = [];
    const documents: { name: string; text: string }[] = [];
    const page = await demo.pageFor('demo.hulpverlener');
    const lieke = clientId('Lieke Demo-Hoekstra');
    const request = async (what: string) => {
      await page.goto(`/clienten/${lieke}/verzoeken/${ids.requests.get(what)!}`);
      await settle(page);
    };
    for (const what of ['copy-granted', 'inspect-partly', 'destroy-refused', 'information-granted']) {
      await request(what);
      const letter = await downloadText(page, 'Besluitbrief downloaden (PDF)');
      documents.push({ name: `letter ${what}`, text: letter.text });
    }
    // The extension letter (AVG 12(3)) is served before the decision, but the request page offers no button for it (R-extension-letter).
    const extended = await fetchText(page, `/api/clients/${lieke}/requests/${ids.requests.get('copy-extended')!}/letter.pdf`, 'extension.pdf');
    documents.push({ name: 'letter copy-extended', text: extended.text });
    await request('copy-granted');
    documents.push({ name: 'copy PDF', text: (await downloadText(page, 'Kopie van het dossier maken (PDF)')).text });
    await request('portability-granted');
    documents.push({ name: 'portability XLSX', text: (await downloadText(page, 'Gegevens als spreadsheet (XLSX)')).text });

    // The transfer ends the dossier's growth (no entries after it): Lieke's (19, consents herself), last of all.
    const recipient = 'Jeugdhulp Elders (fictief)';
    const consent = await json<{ id: string }>(page, 'POST', `/api/clients/${lieke}/consents`, {
      kind: 'disclosure', givenBy: 'client', givenOn: amsterdamDate(), informationGiven: 'Uitgelegd wat de nieuwe zorgaanbieder krijgt en waarom.',
      recipient, purpose: 'De hulp gaat verder bij een andere zorgaanbieder', dataDescription: 'Het hele dossier', part: 'dossier',
    });
    await json(page, 'POST', `/api/clients/${lieke}/transfer`, {
      recipient, recipientKind: 'successor-provider', transferredOn: amsterdamDate(), clientToldBeforehand: true, consentId: consent.id,
    });
    await page.goto(`/clienten/${lieke}`);
    await settle(page);
    await scanPage(page, 'hulpverlener Lieke after the transfer', findings, axe, { forms: false });
    documents.push({ name: 'transfer PDF', text: (await downloadText(page, 'Overdrachtsdossier (PDF)')).text });

    const fg = await demo.pageFor('demo.fg');
    // The emergency access's dossier: its log holds the emergency summary and the search, beside the dossier's parts.
    await fg.goto(`/privacy/toegang/${ids.emergencyClient}`);
    await settle(fg);
    documents.push({ name: 'access log CSV', text: (await downloadText(fg, 'Downloaden als CSV')).text });
    documents.push({ name: 'access log XLSX', text: (await downloadText(fg, 'Downloaden als spreadsheet (XLSX)')).text });

    const documentFindings = documents.flatMap((d) => {
      expect(d.text.length, d.name).toBeGreaterThan(100);
      return rawFindings(d.text, d.name);
    });
    expect(documentFindings.map((f) => `${f.where}: ${f.what} in "…${f.context}…"`)).toEqual([]);
    expect(unexplained(findings, used)).toEqual([]);
    expect(axeLeft(axe)).toEqual([]);
  });

  it('lists the known findings still left (each a request in the report)', () => {
    const stale = KNOWN.filter((k) => !used.has(k)).map((k) => `${k.request}: ${k.where.source} / ${k.what.source}`);
    // A fixed page leaves its entry unused: say so, so it is taken out of KNOWN.
    if (stale.length > 0) console.warn(`raw-codes: KNOWN entries no longer needed:\n${stale.join('\n')}`);
    expect(KNOWN.every((k) => k.request.startsWith('R'))).toBe(true);
  });
});

describe('the scan itself can fail', () => {
  it('finds a code, an ISO date, a field name and a programmer\'s word, and passes Dutch', () => {
    expect(rawFindings('Bron: care-professional', 'x').map((f) => f.what)).toEqual(['code "care-professional"']);
    expect(rawFindings('op 2026-12-04 gelezen', 'x').map((f) => f.what)).toEqual(['ISO date "2026-12-04"']);
    expect(rawFindings('Het veld streetAddress ontbreekt', 'x').map((f) => f.what)).toEqual(['field name "streetAddress"', 'camelCase "streetAddress"']);
    expect(rawFindings('Grondslag: none', 'x').map((f) => f.what)).toEqual(['code "none"']);
    expect(rawFindings('Waarde: undefined', 'x').map((f) => f.what)).toEqual(['programmer\'s word "undefined"']);
    expect(rawFindings('Soort: two-headed-parental-x', 'x').map((f) => f.what)).toEqual(['hyphenated code "two-headed-parental-x"']);
    expect(rawFindings('De mentor van school meldt dat het plan voor het dossier werkt; gezag met niet-ouder; mail naar post@regenboog-demo.example', 'x')).toEqual([]);
    expect(rawFindings('Gezamenlijk ouderlijk gezag, 4 december 2026 om 14:05, Demo-de Boer', 'x')).toEqual([]);
  });
});
