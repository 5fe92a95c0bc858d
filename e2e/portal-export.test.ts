/**
 * The portability export in the portal, in a browser (issue 19 item 4; AVG 20): the demo's mother of Sara (14) asks
 * for her data in the portal on a phone; the holder records Sara's consent and grants the request; the mother's
 * request then shows one download per format — JSON, Excel, FHIR — in Dutch and in English, and each file is made for
 * her: the passage shielded from her is left out, the conversation report under the agreement with Sara is not in it
 * (Jeugdwet 7.3.10, 7.3.11). Axe-core on the page with the downloads, screenshots at 390 px.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, apiCall, currentCode, expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();

/** What the demo shields from Sara's mother, and what the agreement keeps from both parents (src/demo/seed-portal-demo.ts). */
const SHIELDED = 'Sara vertelde dat ze soms bij haar vader slaapt zonder dat haar moeder het weet.';
const REPORT = 'Sara vertelt over school';

async function portalLogIn(page: Page, username: string): Promise<void> {
  const secret = demo.server.secrets.get(username);
  if (secret === undefined) throw new Error(`no TOTP secret printed for ${username}`);
  await page.goto('/portaal');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.getByLabel('Code (6 cijfers)').fill(currentCode(secret));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByTestId('portal-who').waitFor();
}

async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

async function downloaded(page: Page, button: string): Promise<{ name: string; body: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('portal-export').getByRole('button', { name: button }).click()]);
  return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
}

describe('the portability export in the portal (issue 19 item 4)', () => {
  it('the mother asks for her data, the holder grants it, and she downloads JSON, Excel and FHIR made for her', async () => {
    const page = await demo.freshPage();
    await page.setViewportSize({ width: 390, height: 860 });
    await portalLogIn(page, 'demo.moeder');
    await page.getByRole('navigation', { name: 'Menu van mijn dossier' }).getByRole('link', { name: 'Mijn verzoeken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn verzoeken' }).waitFor();
    await settled(page);
    await page.getByRole('radio', { name: /Gegevens meenemen/ }).check();
    await page.getByLabel('Vertel wat je precies wilt').fill('Ik wil de gegevens over Sara in een bestand.');
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Je verzoek is verstuurd.').waitFor();
    const card = page.getByTestId('portal-request').filter({ hasText: 'Gegevens meenemen' }).first();
    await card.waitFor();
    // No download before the decision.
    await expect(card.getByTestId('portal-export').count()).resolves.toBe(0);

    // The holder records Sara's consent (portability at 14 is her own right) and grants the request.
    const staff = await demo.pageFor('demo.hulpverlener');
    const clientId = await openClient(staff, 'Sara Demo-Mulder');
    const list = JSON.parse((await apiCall(staff, 'GET', `/api/clients/${clientId}/requests`)).text) as { requests: { id: string; kind: string; state: string }[] };
    const request = list.requests.find((r) => r.kind === 'portability' && r.state === 'received');
    expect(request, JSON.stringify(list.requests)).toBeDefined();
    const one = JSON.parse((await apiCall(staff, 'GET', `/api/clients/${clientId}/requests/${request!.id}`)).text) as { intake: { outcome: string } };
    if (one.intake.outcome === 'needs-consent') {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
      const consent = await apiCall(staff, 'POST', `/api/clients/${clientId}/requests/${request!.id}/consent`, { givenOn: today, how: 'in-person' });
      expect(consent.status, consent.text).toBe(200);
    }
    const decided = await apiCall(staff, 'POST', `/api/clients/${clientId}/requests/${request!.id}/decision`, { outcome: 'granted', reasons: 'U krijgt de gegevens.', facts: [] });
    expect(decided.status, decided.text).toBe(200);

    await page.reload();
    await settled(page);
    const exports = page.getByTestId('portal-export');
    await exports.getByRole('heading', { name: 'Je gegevens om mee te nemen' }).waitFor();
    await expectAccessible(page);
    await exports.scrollIntoViewIfNeeded();
    await screenshot(page, 'portal-390-gegevens-meenemen');

    const json = await downloaded(page, 'Downloaden als JSON (voor computers)');
    expect(json.name).toBe('gegevens.json');
    const text = json.body.toString('utf8');
    const data = JSON.parse(text) as { format: string; reference: string; entries: { kind: string; text: string }[]; withheld: { ground: string }[] };
    expect(data).toMatchObject({ format: 'dossierwijzer-portability', reference: request!.id });
    expect(text).not.toContain(SHIELDED);
    expect(text).toContain('[…afgeschermd…]');
    expect(text).not.toContain(REPORT);
    expect(data.entries.map((e) => e.kind)).not.toContain('Gespreksverslag');
    expect(data.withheld.length).toBeGreaterThan(0);

    const xlsx = await downloaded(page, 'Downloaden als Excel');
    expect(xlsx.name).toBe('gegevens.xlsx');
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');

    const fhir = await downloaded(page, 'Downloaden als FHIR (voor zorgsystemen)');
    expect(fhir.name).toBe('gegevens-fhir.json');
    const bundle = JSON.parse(fhir.body.toString('utf8')) as { resourceType: string; entry: { resource: { content?: { attachment: { data: string } }[] } }[] };
    expect(bundle.resourceType).toBe('Bundle');
    const texts = bundle.entry.flatMap((e) => e.resource.content ?? []).map((c) => Buffer.from(c.attachment.data, 'base64').toString('utf8')).join('\n');
    expect(texts).toContain('Fictieve evaluatie');
    expect(texts).not.toContain(SHIELDED);
    expect(texts).not.toContain(REPORT);

    // The same in English: every text from the catalogue.
    await page.getByTestId('language-switch').click();
    await page.getByTestId('portal-export').getByRole('heading', { name: 'Your data to take with you' }).waitFor();
    await expect(page.getByTestId('portal-export').getByRole('button', { name: 'Download as JSON (for computers)' }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await page.getByTestId('language-switch').click();
  });
});
