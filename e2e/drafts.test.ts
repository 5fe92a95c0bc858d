/**
 * Nothing typed is lost (issue 15), in a real browser against the real server
 * with a one-minute idle timeout (DW_SESSION_IDLE_MINUTES=1): the entry form
 * saves what is typed as a draft ("Concept opgeslagen om …"); the session
 * warns before it ends, typing and "Ingelogd blijven" keep it alive; after the
 * time-out and a new log-in the form is back with the text; the draft is
 * listed to continue or to throw away (with a confirmation), and saving the
 * entry puts it in the dossier and removes the draft. "Wijzigen" keeps the
 * rewrite as an annotation instead of throwing it away.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode, DEMO_PASSWORD, launchBrowser, newContext, screenshot, startServer, wcagViolations, type Server } from './support.js';

let server: Server;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  // The server reads its configuration from the environment it is started with (support.ts passes ours on).
  process.env.DW_SESSION_IDLE_MINUTES = '1';
  server = await startServer();
  browser = await launchBrowser();
  context = await newContext(browser, server);
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  delete process.env.DW_SESSION_IDLE_MINUTES;
});

/** Logs in on the log-in page as it is shown (no reload: the page keeps what it holds in memory). */
async function logInHere(page: Page, username: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.getByLabel('Code (6 cijfers) of herstelcode').fill(currentCode(server.secrets.get(username)!));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByTestId('who').waitFor();
}

const TEXT = 'Gesprek met moeder over de verhuizing. Noor slaapt slecht en wil haar vriendinnen niet kwijt.';

describe('drafts and the idle timeout in the web application', () => {
  it('keeps what is typed through a time-out: warned, kept alive by typing, and back in the form after logging in again', async () => {
    const page = await context.newPage();
    await page.goto('/');
    await logInHere(page, 'demo.hulpverlener');
    await page.getByTestId('caseload').getByRole('link', { name: 'Noor Demo-de Boer' }).click();
    await page.getByRole('heading', { level: 1, name: /Noor Demo-de Boer/ }).waitFor();
    await page.getByRole('link', { name: 'Dossier (tijdlijn)' }).click();
    await page.getByTestId('entry').first().waitFor();

    await page.getByRole('button', { name: 'Nieuwe dossierregel' }).click();
    await page.getByLabel('Titel').fill('Huisbezoek');
    await page.getByLabel('Tekst', { exact: true }).pressSequentially(TEXT.slice(0, 40), { delay: 5 });
    await page.getByLabel('Tekst', { exact: true }).fill(TEXT);
    await expect(page.getByTestId('draft-state').textContent()).resolves.not.toContain('Concept opgeslagen');
    await page.getByTestId('draft-state').filter({ hasText: /Concept opgeslagen om \d\d:\d\d/ }).waitFor({ timeout: 10_000 });

    // Warned before the session ends (with one minute: half a minute before the browser's safe end).
    const warning = page.getByTestId('session-warning');
    await warning.waitFor({ timeout: 40_000 });
    await expect(warning.textContent()).resolves.toContain('Typt u nog? Dan blijft u ingelogd.');
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'concept-sessie-waarschuwing');
    // Typing counts as activity: the warning goes.
    await page.getByLabel('Tekst', { exact: true }).press('End');
    await page.getByLabel('Tekst', { exact: true }).pressSequentially(' Vader', { delay: 20 });
    await warning.waitFor({ state: 'detached', timeout: 10_000 });
    // It comes back when nothing happens; "Ingelogd blijven" keeps the session too.
    await warning.waitFor({ timeout: 40_000 });
    await warning.getByRole('button', { name: 'Ingelogd blijven' }).click();
    await warning.waitFor({ state: 'detached', timeout: 10_000 });

    // Then nothing more: the session ends, and the log-in page says so.
    await page.getByLabel('Gebruikersnaam').waitFor({ timeout: 100_000 });
    await expect(page.locator('body').textContent()).resolves.toContain('Uw sessie is afgelopen');
    await logInHere(page, 'demo.hulpverlener');
    // The form is back, with every word typed.
    const form = page.getByTestId('new-entry');
    await form.waitFor({ timeout: 15_000 });
    await expect(form.getByLabel('Tekst', { exact: true }).inputValue()).resolves.toBe(`${TEXT} Vader`);
    await expect(form.getByLabel('Titel').inputValue()).resolves.toBe('Huisbezoek');
    expect(await wcagViolations(page)).toEqual([]);

    // Closed, it is listed as a draft of one's own; saved, it is an entry and the draft is gone.
    await form.getByRole('button', { name: 'Sluiten (concept bewaren)' }).click();
    const drafts = page.getByTestId('drafts');
    await drafts.getByText(/Huisbezoek/).waitFor();
    await screenshot(page, 'concepten-lijst');
    await drafts.getByRole('button', { name: 'Verder schrijven' }).click();
    await form.getByRole('button', { name: 'Opslaan in het dossier' }).click();
    await page.getByTestId('entry').filter({ hasText: `${TEXT} Vader` }).waitFor();
    await page.getByTestId('drafts').waitFor({ state: 'detached' });
    await page.close();
  }, 300_000);

  it('"Wijzigen" keeps the rewrite: recorded as an annotation beside the original; a draft is thrown away only after a confirmation', async () => {
    // A fresh browser session, as another user: a TOTP code counts once per 30 s per user.
    const other = await newContext(browser, server);
    const page = await other.newPage();
    await page.goto('/');
    await logInHere(page, 'demo.collega');
    await page.getByTestId('caseload').getByRole('link', { name: 'Noor Demo-de Boer' }).click();
    await page.getByRole('link', { name: 'Dossier (tijdlijn)' }).click();
    const entry = page.getByTestId('entry').filter({ hasText: TEXT });
    await entry.waitFor();
    await entry.getByRole('button', { name: 'Wijzigen' }).click();
    const rewrite = entry.getByTestId('rewrite');
    await expect(rewrite.textContent()).resolves.toContain('Een dossierregel verandert nooit');
    await rewrite.getByLabel('Nieuwe tekst').fill('Gesprek met moeder en vader over de verhuizing.');
    await rewrite.getByRole('button', { name: 'Opslaan als aantekening' }).click();
    await entry.getByText('Gesprek met moeder en vader over de verhuizing.').waitFor();
    await expect(entry.locator('p.text').textContent()).resolves.toBe(`${TEXT} Vader`);

    // A draft annotation, closed, then thrown away: only after "Ja, weggooien".
    await entry.getByRole('button', { name: 'Aantekening toevoegen' }).click();
    await entry.getByLabel('Aantekening', { exact: true }).fill('Nog navragen bij school');
    await entry.getByText(/Concept opgeslagen om/).waitFor({ timeout: 10_000 });
    await entry.getByRole('button', { name: 'Sluiten (concept bewaren)' }).click();
    await page.reload();
    const drafts = page.getByTestId('drafts');
    await drafts.getByText(/Nog navragen bij school/).waitFor();
    await drafts.getByRole('button', { name: 'Weggooien' }).click();
    await drafts.getByRole('button', { name: 'Nee, bewaren' }).click();
    await drafts.getByRole('button', { name: 'Weggooien' }).click();
    expect(await wcagViolations(page)).toEqual([]);
    await drafts.getByRole('button', { name: 'Ja, weggooien' }).click();
    await drafts.waitFor({ state: 'detached' });
    await other.close();
  }, 120_000);
});
