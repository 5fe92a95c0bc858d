/**
 * The privacy officer's desk (issue 15 item 8), in the browser: the officer finds a client's access log by name
 * (no client number), reads it per session with employees' names and Dutch labels, filters it, downloads it as CSV
 * and XLSX, and sees names in the disclosure register and every open request's deadline. axe at zero; no horizontal
 * scrolling at 390 px and nothing sticking out at 1366 px.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();

/** Raw codes of the access log a person must never read. */
const RAW = /\b(care-relation|administrative-task|not-found|allowed|denied|review-log|care-professional|privacy-officer|none)\b/;

async function fitsAt(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `page width at ${width} px`).toBeLessThanOrEqual(client + 1);
}

describe('the privacy officer\'s desk', () => {
  it('finds the log by name, groups it per session, filters and downloads it in Dutch', async () => {
    // The holder reads the dossier, so the log has a session to show.
    const holder = await demo.pageFor('demo.hulpverlener');
    await openClient(holder, 'Emre Demo-Yilmaz');

    const page = await demo.pageFor('demo.fg');
    await page.goto('/privacy/toegang');
    await page.getByRole('heading', { name: 'Wie zag dit dossier?' }).waitFor();
    await expect(page.getByLabel('Cliëntnummer', { exact: true }).count()).resolves.toBe(0);
    await page.getByLabel('Naam van de cliënt').fill('yilmaz');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByTestId('log-clients').getByRole('link', { name: 'Emre Demo-Yilmaz' }).click();
    await page.getByRole('heading', { name: 'Wie zag het dossier van Emre Demo-Yilmaz?' }).waitFor();
    const table = page.getByTestId('access-sessions');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Behandelrelatie');
    expect(text).toMatch(/\d+ handelingen/);
    expect(text).not.toMatch(RAW);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await expectAccessible(page);
    await screenshot(page, 'privacy-desk-01-per-sessie');
    for (const width of [390, 1366]) await fitsAt(page, width);

    // Filters: only refusals (none yet for this dossier), then back to all.
    await page.getByLabel('Uitkomst').selectOption({ label: 'Geweigerd' });
    await page.getByText('Niets gevonden met deze keuzes.').waitFor();
    await page.getByLabel('Uitkomst').selectOption({ label: 'Alle uitkomsten' });
    await table.waitFor();

    // Downloads: CSV with Dutch heads and labels, dates in words.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden als CSV' }).click()]);
    const content = await readFile((await csv.path()), 'utf8');
    expect(content).toContain('Toegangslog van Emre Demo-Yilmaz');
    expect(content).toContain('Begin;Einde;Medewerker;Functie');
    expect(content).toContain('Behandelrelatie');
    expect(content).not.toMatch(RAW);
    expect(content).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden als spreadsheet (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('toegangslog.xlsx');
  });

  it('names the client in the disclosure register and shows the requests\' deadlines', async () => {
    const page = await demo.pageFor('demo.fg');
    await page.goto('/privacy/verstrekkingen');
    await page.getByRole('heading', { name: 'Register van verstrekkingen' }).waitFor();
    await page.waitForFunction(() => document.querySelector('.loading') === null);
    // The demo holds a disclosure with Milan's consent (issue 15 item 12): the register names him, with a link to his log.
    const register = page.getByTestId('disclosure-register');
    await expect(register.getByRole('columnheader', { name: 'Cliënt', exact: true }).count()).resolves.toBe(1);
    const milan = register.getByRole('row', { name: /Huisartsenpraktijk Demodorp/ });
    await expect(milan.getByRole('link', { name: 'Milan Demo-Visser' }).count()).resolves.toBe(1);
    await expect(milan.textContent()).resolves.toContain('Toestemming');
    await expectAccessible(page);

    await page.getByRole('navigation', { name: 'Privacy-onderdelen' }).getByRole('link', { name: 'Verzoeken' }).click();
    await page.getByRole('heading', { name: 'Verzoeken en hun termijnen' }).waitFor();
    await page.waitForFunction(() => document.querySelector('.loading') === null);
    const requests = await page.locator('main').textContent();
    expect(requests).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await expectAccessible(page);
    await screenshot(page, 'privacy-desk-02-verzoeken');
    for (const width of [390, 1366]) await fitsAt(page, width);
  });
});
