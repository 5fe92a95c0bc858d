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

  it('names the clients of a data breach by name and asks before what cannot be undone (AVG 33, 34)', async () => {
    const page = await demo.pageFor('demo.fg');
    await page.goto('/privacy/datalekken');
    await page.getByRole('heading', { name: 'Datalekken' }).waitFor();
    const form = page.getByRole('form', { name: 'Datalek vastleggen' });
    await form.getByLabel('Wat is er gebeurd?').fill('Een map met verslagen lag een middag in de trein.');
    // The affected client is found by name; nobody types a client number.
    await form.getByLabel('Naam van een betrokken cliënt').fill('yilmaz');
    await form.getByRole('button', { name: 'Zoeken' }).click();
    await form.getByRole('button', { name: 'Toevoegen: Emre Demo-Yilmaz' }).click();
    await form.getByTestId('chosen-clients').getByText('Emre Demo-Yilmaz').waitFor();
    await form.getByRole('button', { name: 'Datalek vastleggen' }).click();
    const breach = page.getByTestId('breach').filter({ hasText: 'in de trein' });
    await breach.getByText('Betrokken cliënten: Emre Demo-Yilmaz.').waitFor();
    const text = (await breach.textContent()) ?? '';
    // The deadline as a date in words (AVG 33(1): 72 hours), never a number date or a code.
    expect(text).toMatch(/uiterlijk \d{1,2} [a-z]+ \d{4}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{4}/);
    expect(text).not.toMatch(RAW);
    await expectAccessible(page);

    // Closing asks first; Annuleren leaves the breach open (issue 15 item 10).
    await breach.getByRole('button', { name: /^Datalek afsluiten/ }).click();
    const question = breach.getByRole('group', { name: /Dit datalek afsluiten\?/ });
    await question.waitFor();
    await question.getByRole('button', { name: 'Annuleren' }).click();
    await expect(breach.getByRole('heading', { name: /^Open:/ }).count()).resolves.toBe(1);
    // So does "notified to the AP"; then it shows when.
    await breach.getByRole('button', { name: 'Gemeld bij de AP' }).click();
    await breach.getByRole('button', { name: 'Ja, gemeld' }).click();
    await breach.getByText(/Gemeld bij de Autoriteit Persoonsgegevens op \d{1,2} [a-z]+ \d{4}/).waitFor();
    // Not informing the clients needs a reason (AVG 34(3)); the button waits for it.
    await expect(breach.getByRole('button', { name: 'Niet informeren' }).isDisabled()).resolves.toBe(true);
    await breach.getByLabel('Reden om de betrokkenen niet te informeren').fill('De map is ongeopend teruggevonden.');
    await breach.getByRole('button', { name: 'Niet informeren' }).click();
    await breach.getByRole('button', { name: 'Ja, niet informeren' }).click();
    await breach.getByText('De betrokkenen zijn niet geïnformeerd: De map is ongeopend teruggevonden.').waitFor();
    await breach.getByRole('button', { name: /^Datalek afsluiten/ }).click();
    await breach.getByRole('button', { name: 'Ja, afsluiten' }).click();
    await breach.getByRole('heading', { name: /^Afgesloten:/ }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'privacy-desk-03-datalek');
    for (const width of [390, 1366]) await fitsAt(page, width);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('holds a dossier for a procedure and shows one dossier\'s retention, both found by name', async () => {
    const page = await demo.pageFor('demo.fg');
    await page.goto('/privacy/bewaren');
    await page.getByRole('heading', { name: 'Bewaartermijnen' }).waitFor();
    await expect(page.getByLabel(/Cliëntnummer/).count()).resolves.toBe(0);

    const one = page.getByRole('region', { name: 'Bewaren van één dossier' });
    await one.getByLabel('Naam van de cliënt om te bekijken').fill('visser');
    await one.getByRole('button', { name: 'Zoeken' }).click();
    await one.getByRole('button', { name: 'Bekijken: Milan Demo-Visser' }).click();
    await one.getByRole('heading', { name: 'Dossier van Milan Demo-Visser' }).waitFor();
    await expect(one.getByTestId('dossier-retention').textContent()).resolves.toMatch(/Bewaren tot en met \d{1,2} [a-z]+ \d{4}/);

    const hold = page.getByRole('form', { name: 'Dossier vasthouden voor een procedure' });
    await hold.getByLabel('Naam van de cliënt om vast te houden').fill('yilmaz');
    await hold.getByLabel('Naam van de cliënt om vast te houden').press('Enter');
    await hold.getByRole('button', { name: 'Kiezen: Emre Demo-Yilmaz' }).click();
    await hold.getByTestId('hold-client').getByText('Emre Demo-Yilmaz').waitFor();
    await hold.getByLabel('Waarvoor is het dossier nodig?').fill('Klacht bij de klachtencommissie');
    await hold.getByRole('button', { name: 'Vasthouden' }).click();
    await hold.getByText('Het dossier van Emre Demo-Yilmaz wordt vastgehouden.').waitFor();
    await expectAccessible(page);
    for (const width of [390, 1366]) await fitsAt(page, width);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows each role in the registers only the lists and forms the register policy allows, and why not the others', async () => {
    // The privacy officer oversees complaints and incidents (AVG 39) but records none, and has no task in the intake register.
    const fg = await demo.pageFor('demo.fg');
    await fg.goto('/registers');
    await fg.getByRole('heading', { name: 'Klachten', level: 2 }).waitFor();
    await fg.waitForFunction(() => document.querySelector('.loading') === null);
    await expect(fg.getByRole('button', { name: 'Klacht vastleggen' }).count()).resolves.toBe(0);
    await fg.getByTestId('not-allowed').getByText('Met uw rol mag u niets vastleggen in het klachtenregister.', { exact: false }).waitFor();
    await fg.goto('/registers/aanmeldingen');
    await fg.getByRole('heading', { name: 'Aanmeldingen', level: 2 }).waitFor();
    await expect(fg.getByRole('button', { name: 'Aanmelding vastleggen' }).count()).resolves.toBe(0);
    await expect(fg.getByText('Dit mag niet').count()).resolves.toBe(0);
    await expect(fg.getByTestId('not-allowed').count()).resolves.toBe(2);
    await expectAccessible(fg);

    // Administrative staff record complaints but do not read the register: the form, no refusal.
    const staff = await demo.pageFor('demo.administratie');
    await staff.goto('/registers');
    await staff.getByRole('button', { name: 'Klacht vastleggen' }).waitFor();
    await expect(staff.getByText('Dit mag niet').count()).resolves.toBe(0);
    await staff.getByTestId('not-allowed').getByRole('heading', { name: 'Klachten inzien' }).waitFor();
    await expectAccessible(staff);
  });

  it('dates the administrator\'s invitation link, the roles awaiting approval and the administration log in words', async () => {
    const admin = await demo.pageFor('demo.beheer');
    await admin.goto('/beheer');
    await admin.getByRole('button', { name: 'Nieuwe medewerker' }).click();
    await admin.getByLabel('Gebruikersnaam').fill('nieuwe.fg');
    await admin.getByLabel('Naam', { exact: true }).fill('Noor Nieuw');
    await admin.getByLabel('Functie').fill('Tweede functionaris');
    await admin.getByLabel('Rol', { exact: true }).selectOption({ label: 'Functionaris gegevensbescherming' });
    await admin.getByRole('button', { name: 'Medewerker aanmaken' }).click();
    const notice = (await admin.getByTestId('enrolment-link').textContent()) ?? '';
    expect(notice).toMatch(/Hij werkt één keer, tot \d{1,2} [a-z]+ \d{4}/);
    expect(notice).not.toMatch(/\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{2}-\d{2}T/);

    const fg = await demo.pageFor('demo.fg');
    await fg.goto('/rollen');
    const grant = fg.getByTestId('role-grants').getByRole('row', { name: /Noor Nieuw/ });
    await grant.waitFor();
    expect(await grant.textContent()).toMatch(/Ravi Kisoensingh\d{1,2} [a-z]+ \d{4}/);
    await fg.goto('/logboek-beheer');
    const log = fg.getByTestId('admin-log');
    await log.getByText('Account aangemaakt').first().waitFor();
    const lines = (await log.textContent()) ?? '';
    expect(lines).not.toMatch(/\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{2}-\d{2}/);
    expect(lines).toMatch(/\d{1,2} [a-z]+ \d{4}/);
    await expectAccessible(fg);
  });
});
