/**
 * Sara's 16th birthday in a browser (issue 19 items 2, 5 and 7), on the demo server with a clock the test sets
 * (e2e/clock-server.ts): the day before, her mother (custody) reads the dossier in the portal; on the birthday the
 * same page gives the engine's explanation instead (Jeugdwet 7.3.11, BW 7:457: from 16 the young person decides what
 * her parents get); Sara lets her mother see the care plan in the portal; her mother sees the plan — and only that.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeStep, totpCode } from '../src/auth/totp.js';
import { startServerOnClock, type ClockServer } from './clock-server.js';
import { DEMO_PASSWORD, expectAccessible, launchBrowser, screenshot } from './support.js';

let server: ClockServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let birthday: string;
let dayBefore: string;

beforeAll(async () => {
  server = await startServerOnClock();
  browser = await launchBrowser();
  const [sara] = await server.query<{ birth_date: string }>(
    `SELECT c.birth_date::text AS birth_date FROM formal.clients c JOIN org.portal_accounts a ON a.client_id = c.id
      WHERE a.username = 'demo.jongere' AND a.relation_id IS NULL`);
  if (sara === undefined) throw new Error('the demo has no portal account demo.jongere');
  birthday = `${Number(sara.birth_date.slice(0, 4)) + 16}${sara.birth_date.slice(4)}`;
  dayBefore = new Date(Date.parse(`${birthday}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

/** A phone-sized page in a fresh browser context (no session). */
async function phone(): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 390, height: 860 } });
  contexts.push(context);
  return context.newPage();
}

/** Logs a demo portal user in at /portaal; the TOTP code is the one for the server's clock. */
async function portalLogIn(username: string): Promise<Page> {
  const secret = server.secrets.get(username);
  if (secret === undefined) throw new Error(`no TOTP secret for ${username}`);
  const page = await phone();
  await page.goto('/portaal');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.getByLabel('Code (6 cijfers)').fill(totpCode(secret, timeStep(server.now())));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByTestId('portal-who').waitFor();
  return page;
}

async function openDossier(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu van mijn dossier' }).getByRole('link', { name: 'Mijn dossier', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: /dossier/i }).waitFor();
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

describe('Sara\'s 16th birthday: from that day she decides what her mother sees', () => {
  // No retry: a second run would go back to the day before, and a TOTP step earlier than one already used is refused.
  it('the day before, her mother reads the dossier; on the birthday the engine\'s explanation; after Sara\'s consent the care plan only', { retry: 0 }, async () => {
    server.setDay(dayBefore);
    const before = await portalLogIn('demo.moeder');
    await openDossier(before);
    const entries = before.getByTestId('portal-entries');
    await expect(entries.textContent()).resolves.toContain('Plan van aanpak');
    await expect(entries.textContent()).resolves.toContain('Evaluatie van het plan');
    await expect(before.getByTestId('dossier-refused').count()).resolves.toBe(0);
    await screenshot(before, 'portal-390-moeder-dag-voor-16');

    // The birthday: the same page now gives the engine's explanation, and no entry.
    server.setDay(birthday);
    const mother = await portalLogIn('demo.moeder');
    await openDossier(mother);
    const refused = mother.getByTestId('dossier-refused');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain('De jongere is 16 jaar. Vanaf 16 jaar beslist de jongere zelf.');
    await expect(refused.textContent()).resolves.toContain('Die toestemming is nog niet vastgelegd.');
    await expect(refused.textContent()).resolves.toMatch(/Waarom niet\?\s*\S+/);
    await expect(refused.textContent()).resolves.not.toMatch(/\b403\b|forbidden|needs-consent/);
    await expect(mother.getByTestId('portal-entry').count()).resolves.toBe(0);
    await expect(mother.locator('main').textContent()).resolves.not.toContain('Plan van aanpak');
    await expectAccessible(mother);
    await screenshot(mother, 'portal-390-moeder-op-16e-verjaardag');

    // Sara, 16 today, lets her mother see the care plan, per parent and per part.
    const sara = await portalLogIn('demo.jongere');
    await sara.getByRole('navigation', { name: 'Menu van mijn dossier' }).getByRole('link', { name: 'Toestemmingen' }).click();
    const section = sara.getByTestId('parents-consent');
    await section.waitFor();
    await expect(section.textContent()).resolves.toContain('Je bent 16 jaar of ouder.');
    const plan = section.getByRole('checkbox', { name: 'Mirjam Demo-Mulder mag hulpverleningsplan zien' });
    await expect(plan.isChecked()).resolves.toBe(false);
    const given = sara.getByTestId('consents');
    await given.waitFor({ state: 'attached' });
    const consentsBefore = await given.getByTestId('consent').count();
    // A click, not check(): the box shows the server's answer, so it turns checked only once the consent is saved.
    await plan.click();
    await expect.poll(() => plan.isChecked(), { timeout: 15_000 }).toBe(true);
    // The list of consents on the same page shows the consent just given at once, not after a reload (issue 15 item 13:
    // cards that refresh each other; the list kept its first answer).
    await expect.poll(() => given.getByTestId('consent').count(), { timeout: 10_000 }).toBe(consentsBefore + 1);
    await expect(given.getByTestId('consent').filter({ hasText: 'Mirjam Demo-Mulder' }).count()).resolves.toBeGreaterThan(0);
    // Recorded with its day, in words.
    await section.getByText(/gegeven op \d{1,2} [a-z]+ \d{4}/i).first().waitFor();
    await expect(section.getByRole('checkbox', { name: 'Mirjam Demo-Mulder mag gespreksverslagen zien' }).isChecked()).resolves.toBe(false);
    await expectAccessible(sara);
    await screenshot(sara, 'portal-390-sara-toestemming-moeder');

    // Her mother now sees the plan; the rest stays withheld with the engine's reason beside it.
    await mother.reload();
    await mother.waitForFunction(() => document.querySelector('.loading') === null);
    const now = mother.getByTestId('portal-entries');
    await now.waitFor();
    await expect(now.textContent()).resolves.toContain('Plan van aanpak');
    await expect(now.textContent()).resolves.not.toContain('Sara vertelt over school');
    await expect(now.textContent()).resolves.not.toContain('Fictieve evaluatie');
    const withheld = mother.getByTestId('withheld-entry');
    await expect(withheld.count()).resolves.toBeGreaterThan(0);
    await expect(withheld.first().textContent()).resolves.toMatch(/Waarom niet\?\s*\S+/);
    await expectAccessible(mother);
    await screenshot(mother, 'portal-390-moeder-na-toestemming');
  });
});
