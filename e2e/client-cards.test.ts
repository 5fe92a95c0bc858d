/**
 * The client page's cards refresh each other (issue 15: "a consent just recorded is missing from the transfer form until
 * reload"). The holder records a disclosure consent in the consent card; the transfer form on the same page, already
 * loaded, offers it at once. Before, each card loaded its own copy once and the transfer form kept the old list.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, openClient, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();

function card(page: Page, title: string): Locator {
  return page.locator('section.card', { has: page.getByRole('heading', { level: 2, name: title }) });
}

describe('cards of the client page', () => {
  it('a disclosure consent recorded in the consent card is a choice in the transfer form at once, without a reload', async () => {
    const page = await demo.pageFor('demo.hulpverlener');
    await openClient(page, 'Milan Demo-Visser');
    // The transfer form is open (and has loaded its consents) before the consent is recorded.
    const transfer = card(page, 'Overdracht van het dossier');
    await transfer.getByRole('button', { name: 'Dossier overdragen' }).click();
    const choice = transfer.getByLabel('Toestemming voor het geven van gegevens');
    await choice.waitFor();
    expect(await choice.locator('option', { hasText: 'Zorgaanbieder De Overkant' }).count()).toBe(0);

    const consents = card(page, 'Toestemmingen');
    await consents.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await consents.getByLabel('Soort toestemming').selectOption('disclosure');
    await consents.getByLabel('Welke uitleg is vooraf gegeven?').fill('Uitleg over wat er naar de nieuwe aanbieder gaat.');
    await consents.getByLabel('Aan wie mogen gegevens worden gegeven?').fill('Zorgaanbieder De Overkant');
    await consents.getByLabel('Waarvoor?').fill('Overdracht van de hulp');
    await consents.getByLabel('Welke gegevens?').fill('Het hele dossier');
    await consents.getByRole('button', { name: 'Toestemming opslaan' }).click();
    await expect.poll(() => consents.innerText(), { timeout: 15_000 }).toContain('aan Zorgaanbieder De Overkant');

    // No reload: the transfer form reads the same consents.
    await expect.poll(() => choice.locator('option', { hasText: 'Zorgaanbieder De Overkant' }).count(), { timeout: 15_000 }).toBe(1);
    await expectAccessible(page);
  });
});
