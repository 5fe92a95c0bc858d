/**
 * Reading a restricted dossier for a procedure, in the browser (issue 14: purposes are references; AVG 18(2)).
 * The client restricts processing; the privacy officer holds the dossier for a procedure and reads the hold's
 * kenmerk in the retention list; the care professional fills it in on the client page and reads the dossier —
 * without it (a wrong kenmerk, after "Klaar met inzien", after leaving the client) the dossier stays closed.
 * Administrative staff are never offered the form. Real server with the demo organisation, Chromium, axe-core.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiCall, expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();
const { pageFor } = demo;
const CLIENT = 'Lieke Demo-Hoekstra';
const ENTRY_TEXT = 'Gesprek met Lieke over de afspraken op school.';

async function openTimeline(page: Page): Promise<string> {
  const clientId = await openClient(page, CLIENT);
  await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Dossier (tijdlijn)' }).click();
  await page.getByRole('heading', { name: 'Dossier', level: 2 }).waitFor();
  return clientId;
}

/** The restriction's refusal shows on the timeline: the engine's explanation, nothing of the dossier. */
async function expectClosed(page: Page): Promise<void> {
  const refusal = page.getByTestId('problem').filter({ hasText: 'juridische procedure' }).first();
  await refusal.waitFor();
  expect(await page.getByText(ENTRY_TEXT).count()).toBe(0);
}

describe('a restricted dossier is read for a procedure with the hold\'s kenmerk (AVG 18(2))', () => {
  it('the privacy officer passes the kenmerk; the care professional reads with it, and only with it', async () => {
    const page = await pageFor('demo.hulpverlener');
    const clientId = await openClient(page, CLIENT);
    // Set-up through the API: an entry, then the client's restriction request, granted and carried out (AVG 18).
    const entry = await apiCall(page, 'POST', `/api/clients/${clientId}/entries`, {
      kind: 'plan', title: 'Plan', text: ENTRY_TEXT, source: { kind: 'client' }, statementType: 'fact',
    });
    expect(entry.status, entry.text).toBe(201);
    const request = await apiCall(page, 'POST', `/api/clients/${clientId}/requests`, {
      kind: 'restrict', channel: 'written', receivedOn: '2026-11-20', details: 'Lieke wil dat er niets met haar gegevens gebeurt.',
    });
    expect(request.status, request.text).toBe(201);
    const requestId = (JSON.parse(request.text) as { id: string }).id;
    expect((await apiCall(page, 'POST', `/api/clients/${clientId}/requests/${requestId}/decision`, { outcome: 'granted', reasons: '', facts: [] })).status).toBe(200);
    expect((await apiCall(page, 'POST', `/api/clients/${clientId}/requests/${requestId}/fulfil`, {})).status).toBe(200);

    // Closed, with the form for a procedure; a kenmerk that is no hold is refused with the engine's explanation.
    await openTimeline(page);
    await expectClosed(page);
    const form = page.getByTestId('legal-claims');
    await form.getByRole('heading', { name: 'Inzien voor een procedure (AVG 18)' }).waitFor();
    await form.getByLabel('Kenmerk van de procedure').fill('00000000-0000-4000-8000-000000000000');
    await form.getByRole('button', { name: 'Inzien voor de procedure' }).click();
    await form.getByTestId('problem').filter({ hasText: 'hoort niet bij een vastgelegde procedure' }).waitFor();
    expect(await page.getByText(ENTRY_TEXT).count()).toBe(0);
    await expectAccessible(page);

    // The privacy officer holds the dossier for the procedure and reads its kenmerk in the list.
    const fg = await pageFor('demo.fg');
    await fg.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacy' }).click();
    await fg.getByRole('link', { name: 'Bewaartermijnen' }).click();
    const hold = fg.locator('form', { has: fg.getByRole('heading', { name: 'Dossier vasthouden voor een procedure' }) });
    // The retention page finds the dossier by name since 977ecce (no client number to type over).
    await hold.getByLabel('Naam van de cliënt om vast te houden').fill('hoekstra');
    await hold.getByRole('button', { name: 'Zoeken' }).click();
    await hold.getByRole('button', { name: `Kiezen: ${CLIENT}` }).click();
    await hold.getByTestId('hold-client').getByText(CLIENT).waitFor();
    await hold.getByLabel('Waarvoor is het dossier nodig?').fill('Klacht van de moeder bij de geschillencommissie.');
    await hold.getByRole('button', { name: 'Vasthouden' }).click();
    const reference = fg.getByTestId('retention-reviews').getByRole('row').filter({ hasText: 'Klacht van de moeder' }).getByTestId('hold-reference');
    await reference.waitFor();
    const kenmerk = (await reference.innerText()).trim();
    expect(kenmerk).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await expectAccessible(fg);
    await screenshot(fg, 'procedure-hold-kenmerk');
    // The same kenmerk in the view of the one dossier.
    const one = fg.locator('section.card', { has: fg.getByRole('heading', { name: 'Bewaren van één dossier' }) });
    await one.getByLabel('Naam van de cliënt om te bekijken').fill('hoekstra');
    await one.getByRole('button', { name: 'Zoeken' }).click();
    await one.getByRole('button', { name: `Bekijken: ${CLIENT}` }).click();
    expect((await one.getByTestId('hold-reference').innerText()).trim()).toBe(kenmerk);

    // With the kenmerk the care professional reads the dossier, told it is for the procedure.
    await form.getByLabel('Kenmerk van de procedure').fill(kenmerk);
    await form.getByRole('button', { name: 'Inzien voor de procedure' }).click();
    await page.getByText(ENTRY_TEXT).waitFor();
    await expect(form.getByRole('status').innerText()).resolves.toContain(kenmerk);
    await expectAccessible(page);
    await screenshot(page, 'procedure-hold-reading');

    // "Klaar met inzien" closes it again.
    await form.getByRole('button', { name: 'Klaar met inzien' }).click();
    await expectClosed(page);

    // Leaving the client ends it too: back on the client, the dossier is closed.
    await form.getByLabel('Kenmerk van de procedure').fill(kenmerk);
    await form.getByRole('button', { name: 'Inzien voor de procedure' }).click();
    await page.getByText(ENTRY_TEXT).waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
    await page.getByTestId('caseload').waitFor();
    await openTimeline(page);
    await expectClosed(page);
    await page.getByTestId('legal-claims').getByLabel('Kenmerk van de procedure').waitFor();
  });

  it('administrative staff are not offered the form: the law gives them no part in the procedure', async () => {
    const admin = await pageFor('demo.administratie');
    await openTimeline(admin);
    await admin.getByTestId('problem').first().waitFor();
    expect(await admin.getByText(ENTRY_TEXT).count()).toBe(0);
    expect(await admin.getByTestId('legal-claims').count()).toBe(0);
  });
});
