/**
 * End of care in the browser (issue 15 item 4), and the organisation's address on its letters (item 3). A substitute
 * reads the engine's reason instead of a form; the dossier holder records the end with a reason and confirms it
 * (it cannot be undone); the team closes — the substitute no longer has the client on the caseload — and the
 * holder's caseload shows the client apart as ended. The privacy officer's settings show the demo organisation's
 * fictional address, the one its letters carry. Real server with the demo organisation, Debian's Chromium, axe-core
 * on each screen.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();
const CLIENT = 'Lieke Demo-Hoekstra';

function card(page: Page, title: string): Locator {
  return page.locator('section.card', { has: page.getByRole('heading', { level: 2, name: title }) });
}

/** A date in words as the browser (Europe/Amsterdam) shows it. */
const dutchToday = () => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

async function caseload(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
  await page.getByTestId('caseload').waitFor();
}

describe('end of care', () => {
  it('a substitute reads why not before any form', async () => {
    const colleague = await demo.pageFor('demo.collega');
    await openClient(colleague, CLIENT);
    const end = card(colleague, 'Einde hulp');
    await end.getByTestId('not-allowed').waitFor();
    expect(await end.getByTestId('not-allowed').innerText()).toContain('Alleen de dossierhouder of een leidinggevende legt vast dat de hulp is gestopt.');
    expect(await end.getByRole('button', { name: 'Einde hulp vastleggen' }).count()).toBe(0);
    await expectAccessible(colleague);
  });

  it('the holder records the end with a reason, confirms it, and the team closes', async () => {
    const page = await demo.pageFor('demo.hulpverlener');
    await openClient(page, CLIENT);
    const end = card(page, 'Einde hulp');
    await end.getByRole('button', { name: 'Einde hulp vastleggen' }).click();
    // No reason is chosen for the user; saving waits for one.
    const reason = end.getByLabel('Waarom is de hulp gestopt?');
    expect(await reason.inputValue()).toBe('');
    expect(await end.getByRole('button', { name: 'Einde hulp opslaan' }).isDisabled()).toBe(true);
    await reason.selectOption({ label: 'De doelen zijn bereikt' });
    await expectAccessible(page);
    await end.getByRole('button', { name: 'Einde hulp opslaan' }).click();
    // Hard to undo: asked once more, in place.
    const ask = end.getByRole('group', { name: /Weet u zeker dat de hulp gestopt is\?/ });
    await ask.waitFor();
    await expectAccessible(page);
    await screenshot(page, 'end-of-care-confirm');
    await ask.getByRole('button', { name: 'Ja, hulp beëindigen' }).click();
    await end.getByRole('status').getByText(`De hulp is gestopt op ${dutchToday()}.`).waitFor();
    expect(await end.innerText()).toContain('De doelen zijn bereikt');
    expect(await end.innerText()).toContain('Fatima el Amrani');
    // The substitute's and the intern's memberships end today; the holder's stays.
    const team = card(page, 'Wie werkt met deze cliënt').getByTestId('care-team');
    await expect.poll(() => team.innerText()).toContain(`Jeroen de Wit (Gezinsbehandelaar) — Vervanger, vanaf`);
    const lines = (await team.innerText()).split('\n');
    expect(lines.find((l) => l.startsWith('Jeroen de Wit'))).toContain(` t/m ${dutchToday()}`);
    expect(lines.find((l) => l.startsWith('Fatima el Amrani'))).not.toContain(' t/m ');
    await expectAccessible(page);
    await screenshot(page, 'end-of-care-recorded');

    // The holder's caseload shows the client apart, as ended; the substitute's no longer has them.
    await caseload(page);
    expect(await page.getByTestId('caseload').getByRole('link', { name: CLIENT }).count()).toBe(0);
    expect(await page.getByTestId('caseload-ended').innerText()).toContain(`${CLIENT} — hulp gestopt op ${dutchToday()}`);
    await expectAccessible(page);
    await screenshot(page, 'end-of-care-caseload');
    const colleague = await demo.pageFor('demo.collega');
    await caseload(colleague);
    await colleague.reload();
    await colleague.getByTestId('caseload').waitFor();
    expect(await colleague.getByTestId('caseload').getByRole('link', { name: CLIENT }).count()).toBe(0);
  });

  it('the privacy officer\'s settings show the organisation\'s address as its letters carry it', async () => {
    const page = await demo.pageFor('demo.fg');
    await page.goto('/privacy/instellingen');
    const contact = page.getByTestId('organisation-contact');
    await contact.waitFor();
    expect(await contact.getByLabel('Straat en huisnummer, of postbus').inputValue()).toBe('Regenbooglaan 1');
    expect(await contact.getByLabel('Postcode').inputValue()).toBe('9999 ZZ');
    await contact.getByLabel('Telefoonnummer').fill('bel ons');
    await contact.getByRole('button', { name: 'Adres opslaan' }).click();
    await contact.getByText('Het telefoonnummer heeft niet de juiste vorm.').waitFor();
    await contact.getByLabel('Telefoonnummer').fill('012 345 67 00');
    await contact.getByRole('button', { name: 'Adres opslaan' }).click();
    await contact.getByRole('status').getByText('Het adres op brieven is opgeslagen.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'settings-address-on-letters');
  });
});
