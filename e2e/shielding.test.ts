/**
 * Shielding in the web application (issue 13; 003 §3.1; Jeugdwet 7.3.10), in
 * a real browser against the real server with the demo organisation: the
 * professional selects a passage in an entry's text and shields it, and the
 * entry's title, source and annotation, from the father of an 8-year-old
 * with a reason; sees on the entry from whom; lifts one with a reason; the
 * father's inspection view then lacks exactly what is still shielded. A
 * manager sees the shieldings but gets no controls to change them. Every step
 * is checked with axe-core (WCAG 2.1 A/AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate, apiCall, expectAccessible, launchBrowser, logIn, newContext, screenshot, startServer, type Server } from './support.js';

let server: Server;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function pageFor(username: string): Promise<Page> {
  const context = await newContext(browser, server);
  contexts.push(context);
  const page = await context.newPage();
  await logIn(page, server, username);
  return page;
}

const TITLE = 'Verhuizing naar Geheimeweg 12';
const SOURCE = 'moeder (nu Geheimeweg 12)';
const PASSAGE = 'Geheimeweg 12 in Verstopt';
const TEXT = `Moeder en Noor wonen sinds vorige week op ${PASSAGE}. Noor slaapt weer goed.`;
const ANNOTATION = 'Nieuw adres Geheimeweg 12A, telefoon moeder 06 1234 5678';

describe('shielding in the web application', () => {
  let clientId: string;

  it('a professional shields a selected passage, the title, the source and an annotation from the father, and sees from whom', async () => {
    const page = await pageFor('demo.hulpverlener');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
    await page.getByTestId('caseload').getByRole('link', { name: 'Noor Demo-de Boer' }).click();
    await page.getByRole('heading', { level: 1, name: /Noor Demo-de Boer/ }).waitFor();
    clientId = /\/clienten\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByRole('link', { name: 'Dossier (tijdlijn)' }).click();
    await page.getByTestId('entry').first().waitFor();

    await page.getByRole('button', { name: 'Nieuwe dossierregel' }).click();
    await page.getByLabel('Titel').fill(TITLE);
    await page.getByLabel('Tekst', { exact: true }).fill(TEXT);
    await page.getByLabel('Bron: van wie komt deze informatie?').selectOption('parent');
    await page.getByLabel('Bron, toelichting').fill(SOURCE);
    await page.getByRole('button', { name: 'Opslaan in het dossier' }).click();
    const entry = page.getByTestId('entry').filter({ hasText: TITLE });
    await entry.waitFor();
    await entry.getByRole('button', { name: 'Aantekening toevoegen' }).click();
    await entry.getByLabel('Aantekening', { exact: true }).fill(ANNOTATION);
    await entry.getByRole('button', { name: 'Aantekening opslaan' }).click();
    await entry.getByText(ANNOTATION).waitFor();

    // A passage: selected in the entry's text.
    await entry.getByRole('button', { name: 'Afschermen' }).click();
    await entry.getByLabel('Een passage uit de tekst').check();
    const text = entry.getByLabel('Selecteer de passage in de tekst');
    await text.evaluate((el, passage) => {
      const area = el as HTMLTextAreaElement;
      const start = area.value.indexOf(passage);
      area.focus();
      area.setSelectionRange(start, start + passage.length);
      area.dispatchEvent(new Event('select', { bubbles: true }));
    }, PASSAGE);
    await expect(entry.getByTestId('selected-passage').textContent()).resolves.toContain(PASSAGE);
    await entry.getByLabel('Tom Demo-de Boer (Ouder)').check();
    await entry.getByLabel('Reden', { exact: true }).fill('Geheim adres in verband met huiselijk geweld.');
    await expectAccessible(page);
    await screenshot(page, 'afschermen-passage');
    await entry.getByRole('button', { name: 'Afscherming opslaan' }).click();
    await entry.getByTestId('shielding-item').filter({ hasText: `Passage: “${PASSAGE}”` }).waitFor();

    // Without a person named, the server refuses and says why.
    await entry.getByRole('button', { name: 'Afschermen' }).click();
    await entry.getByLabel(/De titel/).check();
    await entry.getByLabel('Reden', { exact: true }).fill('Geheim adres in verband met huiselijk geweld.');
    await entry.getByRole('button', { name: 'Afscherming opslaan' }).click();
    await expect(entry.getByTestId('problem').textContent()).resolves.toContain('Geef aan voor wie');
    await expectAccessible(page);
    await entry.getByLabel('Tom Demo-de Boer (Ouder)').check();
    await entry.getByRole('button', { name: 'Afscherming opslaan' }).click();
    await entry.getByTestId('shielding-item').filter({ hasText: 'Titel' }).waitFor();

    for (const [option, shown] of [[/De bron/, 'Bron (toelichting)'], [/Aantekening 1/, 'Aantekening']] as const) {
      await entry.getByRole('button', { name: 'Afschermen' }).click();
      await entry.getByLabel(option).check();
      await entry.getByLabel('Tom Demo-de Boer (Ouder)').check();
      await entry.getByLabel('Reden', { exact: true }).fill('Geheim adres in verband met huiselijk geweld.');
      await entry.getByRole('button', { name: 'Afscherming opslaan' }).click();
      await entry.getByTestId('shielding-item').filter({ hasText: shown }).waitFor();
    }
    const items = entry.getByTestId('shielding-item');
    await expect(items.count()).resolves.toBe(4);
    for (const item of await items.all()) await expect(item.textContent()).resolves.toContain('afgeschermd voor Tom Demo-de Boer');
    await expectAccessible(page);
    await screenshot(page, 'afgeschermd');

    // The contact data too (the secret address is in the formal data as well).
    const contact = page.getByTestId('contact-shielding');
    await contact.getByRole('button', { name: 'Contactgegevens afschermen' }).click();
    await contact.getByLabel('Tom Demo-de Boer (Ouder)').check();
    await contact.getByLabel('Reden', { exact: true }).fill('Geheim adres in verband met huiselijk geweld.');
    await contact.getByRole('button', { name: 'Afscherming opslaan' }).click();
    await contact.getByTestId('shielding-item').filter({ hasText: 'afgeschermd voor Tom Demo-de Boer' }).waitFor();
    await expectAccessible(page);

    // Lifting needs a reason; the title is lifted.
    const title = items.filter({ hasText: 'Titel' });
    await title.getByRole('button', { name: 'Afscherming opheffen' }).click();
    await title.getByLabel('Waarom heft u deze afscherming op?').fill('De titel zegt niets meer over het adres na overleg.');
    await expectAccessible(page);
    await title.getByRole('button', { name: 'Opheffen' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="entry"] [data-testid="shielding-item"]').length === 3);

    // What the father gets: an inspection request of his, granted, read through the API.
    const relations = JSON.parse((await apiCall(page, 'GET', `/api/clients/${clientId}`)).text) as { relations: { id: string; givenNames: string }[] };
    const tom = relations.relations.find((r) => r.givenNames === 'Tom')!.id;
    const created = await apiCall(page, 'POST', `/api/clients/${clientId}/requests`, { kind: 'inspect', channel: 'written', receivedOn: amsterdamDate(), details: 'Inzage.', requesterRelationId: tom });
    expect(created.status, created.text).toBe(201);
    const requestId = (JSON.parse(created.text) as { id: string }).id;
    const decided = await apiCall(page, 'POST', `/api/clients/${clientId}/requests/${requestId}/decision`, { outcome: 'granted', reasons: '' });
    expect(decided.status, decided.text).toBe(200);
    const view = await apiCall(page, 'GET', `/api/clients/${clientId}/requests/${requestId}/view`);
    expect(view.status).toBe(200);
    expect(view.text).toContain(TITLE); // lifted
    for (const hidden of [PASSAGE, SOURCE, ANNOTATION]) expect(view.text).not.toContain(hidden);
    expect(view.text).toContain('Noor slaapt weer goed.');
  });

  it('a manager sees from whom something is shielded, without the controls to change it', async () => {
    const page = await pageFor('demo.manager');
    // A purpose names its record (issue 14): a quality audit with this client in its sample, registered by the manager.
    const today = amsterdamDate();
    const audit = await apiCall(page, 'POST', '/api/registers/quality-audits', { subject: 'Afscherming in dossiers', startsOn: today, endsOn: today, clientIds: [clientId] });
    expect(audit.status, audit.text).toBe(201);
    await page.getByLabel('Doel van inzage').selectOption('quality-control');
    await page.getByLabel('Waarover').selectOption({ index: 1 });
    // In-app navigation: the purpose lives in the page, a reload would drop it.
    await page.evaluate((url) => {
      window.history.pushState(null, '', url);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/clienten/${clientId}/tijdlijn`);
    const entry = page.getByTestId('entry').filter({ hasText: TITLE });
    await entry.waitFor();
    await entry.getByTestId('shielding-item').first().waitFor();
    await expect(entry.getByTestId('shielding-item').count()).resolves.toBe(3);
    await expect(entry.getByRole('button', { name: 'Afschermen' }).count()).resolves.toBe(0);
    await expect(entry.getByRole('button', { name: 'Afscherming opheffen' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('contact-shielding').count()).resolves.toBe(0);
    await expectAccessible(page);
  });
});
