/**
 * Nothing typed is lost, for a request too (issue 15 item 1: letters and statements), in a real browser against the
 * real server with a one-minute idle timeout (DW_SESSION_IDLE_MINUTES=1): the reasons of a decision — the text of
 * the decision letter (AVG 12) — and an own statement written down at its fulfilment (Jeugdwet 7.3.8; BW 7:454
 * lid 2) are saved as drafts as they are typed; after the session times out and the professional logs in again,
 * both forms are back with every word; once the decision is recorded and the statement is in the dossier, the
 * drafts are gone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, currentCode, DEMO_PASSWORD, launchBrowser, newContext, screenshot, startServer, wcagViolations, type Server } from './support.js';

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

/** Registers a request of `kind` from the client themself on the client's requests page and waits for its page. */
async function register(page: Page, kind: string, details: string): Promise<string> {
  await page.getByRole('button', { name: 'Nieuw verzoek vastleggen' }).click();
  await page.getByLabel('Soort verzoek').selectOption(kind);
  await page.getByLabel('Wat wordt er precies gevraagd?').fill(details);
  await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
  await page.getByTestId('intake').waitFor();
  return /\/verzoeken\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

const savedLine = /Concept opgeslagen om \d\d:\d\d/;
const REASONS = 'U krijgt inzage in het dossier. Het verslag van het gesprek met uw vader laten we weg: het gaat vooral over hem.';
const STATEMENT = 'Ik zie dat anders. Ik ging die week wel naar school, alleen later op de dag, omdat ik mijn broertje wegbracht.';

describe('drafts of a request\'s texts and the idle timeout', () => {
  it('a decision\'s reasons and an own statement are saved as typed, back after a time-out and a new log-in, and gone once finalised', async () => {
    const page = await context.newPage();
    await page.goto('/');
    await logInHere(page, 'demo.hulpverlener');
    await page.getByTestId('caseload').getByRole('link', { name: 'Lieke Demo-Hoekstra' }).click();
    await page.getByRole('heading', { level: 1, name: /Lieke Demo-Hoekstra/ }).waitFor();
    const clientId = /\/clienten\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const requests = async () => {
      await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Verzoeken' }).click();
      await page.getByRole('heading', { name: 'Verzoeken', level: 2 }).waitFor();
    };

    // An own statement: granted, then written down as the client gives it.
    await requests();
    const statementId = await register(page, 'add-statement', 'Lieke is het niet eens met het verslag en wil haar kant erbij.');
    const statementPage = page.url();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByTestId('decision').waitFor();
    const fulfil = page.getByTestId('fulfil');
    const entrySelect = fulfil.getByLabel('Bij welke dossierregel hoort de verklaring?');
    await entrySelect.locator('option').nth(1).waitFor({ state: 'attached' });
    await entrySelect.selectOption({ index: 1 });
    const disputed = await entrySelect.inputValue();
    await fulfil.getByLabel('Titel van de verklaring (mag leeg blijven)').fill('Mijn kant');
    await fulfil.getByLabel('Verklaring van de verzoeker').fill(STATEMENT);
    await fulfil.getByTestId('draft-state').filter({ hasText: savedLine }).waitFor({ timeout: 15_000 });

    // A decision on a request to inspect: its reasons are the letter's text.
    await requests();
    const inspectId = await register(page, 'inspect', 'Lieke wil haar dossier inzien.');
    const decide = page.getByTestId('decide');
    await decide.getByLabel('Besluit', { exact: true }).selectOption('partly');
    await decide.getByLabel('Redenen').pressSequentially(REASONS.slice(0, 30), { delay: 5 });
    await decide.getByLabel('Redenen').fill(REASONS);
    await decide.getByTestId('draft-state').filter({ hasText: savedLine }).waitFor({ timeout: 15_000 });
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'concept-besluit');

    // Then nothing more: the session ends, and the log-in page says so.
    await page.getByLabel('Gebruikersnaam').waitFor({ timeout: 150_000 });
    await expect(page.locator('body').textContent()).resolves.toContain('Uw sessie is afgelopen');
    await logInHere(page, 'demo.hulpverlener');

    // The decision form is back on the request's page, as typed.
    await decide.waitFor({ timeout: 15_000 });
    await expect(decide.getByLabel('Redenen').inputValue()).resolves.toBe(REASONS);
    await expect(decide.getByLabel('Besluit', { exact: true }).inputValue()).resolves.toBe('partly');
    expect(await wcagViolations(page)).toEqual([]);
    // So is the statement, with the entry it is about.
    await page.goto(statementPage);
    await fulfil.getByLabel('Verklaring van de verzoeker').waitFor({ timeout: 15_000 });
    await expect(fulfil.getByLabel('Verklaring van de verzoeker').inputValue()).resolves.toBe(STATEMENT);
    await expect(fulfil.getByLabel('Titel van de verklaring (mag leeg blijven)').inputValue()).resolves.toBe('Mijn kant');
    await entrySelect.locator(`option[value="${disputed}"]`).waitFor({ state: 'attached' });
    await expect(entrySelect.inputValue()).resolves.toBe(disputed);

    // Finalised: the statement is in the dossier and its draft is gone.
    await fulfil.getByRole('button', { name: 'Uitvoering vastleggen' }).click();
    await page.getByText(/Uitgevoerd op/).waitFor();
    const timeline = JSON.parse((await apiCall(page, 'GET', `/api/clients/${clientId}/entries?limit=200`)).text) as { entries: { kind: string; text: string }[] };
    expect(timeline.entries.some((e) => e.kind === 'own-statement' && e.text === STATEMENT)).toBe(true);
    const left = async (requestId: string) =>
      (JSON.parse((await apiCall(page, 'GET', `/api/clients/${clientId}/drafts?requestId=${requestId}`)).text) as { drafts: unknown[] }).drafts;
    expect(await left(statementId)).toEqual([]);

    // And the decision: recorded with the reasons typed before the time-out; its draft is gone too.
    await page.goto(statementPage.replace(statementId, inspectId));
    await decide.getByLabel('Redenen').waitFor({ timeout: 15_000 });
    await decide.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByTestId('decision').waitFor();
    await expect(page.getByTestId('decision').textContent()).resolves.toContain(REASONS);
    expect(await left(inspectId)).toEqual([]);
    await page.close();
  }, 300_000);
});
