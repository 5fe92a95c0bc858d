/**
 * The organisation's privacy settings in the browser (issue 14): the privacy
 * officer lets her own role break the glass on the Instellingen page; then she
 * opens a dossier outside her caseload with emergency access (summary first,
 * the whole dossier after a second confirmation); and because nobody reviews
 * their own emergency access, a manager finds it on "Noodtoegang beoordelen"
 * and reviews it. A manager sees the settings without the form.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();

describe('organisation settings: who may break the glass', () => {
  let clientId = '';

  it('the privacy officer lets the privacy officer role use emergency access', async () => {
    const page = await demo.pageFor('demo.fg');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('navigation', { name: 'Privacy-onderdelen' }).getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Instellingen' }).waitFor();
    const own = page.getByRole('checkbox', { name: 'Functionaris gegevensbescherming', exact: true });
    await expect(own.isChecked()).resolves.toBe(false);
    await expect(page.getByRole('checkbox', { name: 'Hulpverlener', exact: true }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: 'Tweede bevestiging bij vernietiging' }).isChecked()).resolves.toBe(true);
    await expectAccessible(page);
    await own.check();
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByRole('status').getByText('De instellingen zijn opgeslagen.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'settings-01-noodtoegang-fg');

    // Read back from the server, not from the form's state.
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Functionaris gegevensbescherming', exact: true }).isChecked()).resolves.toBe(true);
  });

  it('a manager sees the settings but cannot change them', async () => {
    const page = await demo.pageFor('demo.manager');
    await page.goto('/privacy/instellingen');
    await page.getByRole('heading', { level: 2, name: 'Instellingen' }).waitFor();
    await page.getByText('Alleen de functionaris gegevensbescherming kan ze veranderen.').waitFor();
    await expect(page.getByRole('checkbox', { name: 'Functionaris gegevensbescherming', exact: true }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Instellingen opslaan' }).count()).resolves.toBe(0);
  });

  it('the privacy officer opens a dossier outside her caseload with emergency access', async () => {
    const holder = await demo.pageFor('demo.hulpverlener');
    clientId = await openClient(holder, 'Lieke Demo-Hoekstra');

    const page = await demo.pageFor('demo.fg');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
    await page.goto(`/clienten/${clientId}`);
    await page.getByTestId('problem').waitFor();
    await page.getByLabel('Reden voor noodtoegang').fill('De politie belt: Lieke is vermist en de hulpverlener is niet bereikbaar.');
    await page.getByRole('button', { name: 'Noodsamenvatting openen' }).click();
    await page.getByRole('heading', { name: 'Heeft u het hele dossier nodig?' }).waitFor();
    await page.getByTestId('emergency-summary').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ja, open het hele dossier' }).click();
    await page.getByRole('heading', { level: 1, name: /Lieke Demo-Hoekstra/ }).waitFor();
    await screenshot(page, 'settings-02-fg-noodtoegang');
  });

  it('a manager reviews the privacy officer\'s emergency access on Noodtoegang beoordelen', async () => {
    const page = await demo.pageFor('demo.manager');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Noodtoegang beoordelen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Noodtoegang beoordelen' }).waitFor();
    const item = page.getByTestId('review-item').filter({ hasText: 'Lieke Demo-Hoekstra' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Anouk Smit');
    await expect(item.textContent()).resolves.toContain('De politie belt');
    await expectAccessible(page);
    await item.getByLabel('Toelichting bij uw oordeel').fill('Nagebeld met de politie; de melding was echt.');
    await item.getByRole('button', { name: 'Terecht', exact: true }).click();
    await item.getByText('Vastgelegd: terecht').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'settings-03-manager-beoordeelt');
  });
});
