/**
 * Reading by emergency access, in the browser (issue 15 items 4 and 7): a care professional without a care relation
 * who broke the glass reads the dossier — the overview's facts, the consents, the care team, the timeline's entries —
 * but gets no form the server would refuse (a new entry, an annotation, the care team, relations, consents,
 * agreements, a transfer, the emergency summary). Where a card's form would be, the engine's reason says why, before
 * anything is filled in; a banner says how long the access still runs. Before, the page asked the engine as if she
 * were in the care team and showed every form of a team member, each refused only after it was filled in.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { amsterdamDate, apiCall, expectAccessible, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();

function card(page: Page, title: string): Locator {
  return page.locator('section.card', { has: page.getByRole('heading', { level: 2, name: title }) });
}

/** The buttons of the forms that write in the dossier or change who may do what, as a team member sees them. */
const WRITE_BUTTONS = [
  'Adres of contactgegevens wijzigen', 'Ouder, voogd, vertegenwoordiger of andere relatie toevoegen', 'Toestemming vastleggen',
  'Afspraak vastleggen', 'Iemand aan het team toevoegen', 'Dossierhouder wijzigen', 'Einde hulp vastleggen', 'Beoordeling vastleggen',
  'Bezwaar tegen stagiairs vastleggen', 'Noodsamenvatting bijwerken', 'Dossier overdragen', 'Overlijden vastleggen',
  'Langer bewaren vastleggen', 'Gezinsdossier maken',
];

describe('reading a dossier by emergency access', () => {
  it('shows what the emergency access may read and, instead of the forms it may not use, the engine\'s reason', async () => {
    // The holder registers a client the colleague does not work with, with an entry and a consent to read.
    const holder = await demo.pageFor('demo.hulpverlener');
    await holder.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
    await holder.getByRole('button', { name: 'Nieuwe cliënt inschrijven' }).click();
    await holder.getByLabel('Voornamen').fill('Ilse');
    await holder.getByLabel('Achternaam').fill('Demo-Nachtdienst');
    await holder.getByLabel('Geboortedatum', { exact: true }).fill('2011-02-14');
    await holder.getByLabel('Straat en huisnummer').fill('Voorbeeldlaan 11');
    await holder.getByLabel('Postcode').fill('1234 AB');
    await holder.getByLabel('Woonplaats').fill('Demodorp');
    await holder.getByRole('button', { name: 'Inschrijven' }).click();
    await holder.getByRole('heading', { level: 1, name: /Ilse Demo-Nachtdienst/ }).waitFor();
    const clientId = /\/clienten\/([0-9a-f-]{36})/.exec(holder.url())![1]!;
    const entry = await apiCall(holder, 'POST', `/api/clients/${clientId}/entries`, {
      kind: 'conversation-report', title: 'Gesprek over de nachten', text: 'Ilse slaapt slecht sinds de verhuizing.', statementType: 'fact',
      source: { kind: 'client' },
    });
    expect(entry.status, entry.text).toBe(201);
    const consent = await apiCall(holder, 'POST', `/api/clients/${clientId}/consents`, {
      kind: 'care', givenBy: 'client', givenOn: amsterdamDate(), informationGiven: 'Uitleg over de hulp en het dossier.',
    });
    expect(consent.status, consent.text).toBe(201);

    // The colleague breaks the glass: the summary first, then the whole dossier.
    const page = await demo.pageFor('demo.collega');
    await page.goto(`/clienten/${clientId}`);
    await page.getByLabel('Reden voor noodtoegang').fill('Crisis in de nacht; de vaste hulpverlener is niet bereikbaar.');
    await page.getByRole('button', { name: 'Noodsamenvatting openen' }).click();
    await page.getByRole('button', { name: 'Ja, open het hele dossier' }).click();
    await page.getByRole('heading', { level: 1, name: /Ilse Demo-Nachtdienst/ }).waitFor();

    // The banner: the time left in words, and until when.
    const banner = page.getByTestId('emergency-banner');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toMatch(/Noodtoegang nog (\d+ minuten|1 uur), tot \d{2}:\d{2}\./);

    // What the emergency access may read is there.
    await expect.poll(() => card(page, 'Identiteit').innerText()).toContain('Voorbeeldlaan 11');
    await expect.poll(() => card(page, 'Toestemmingen').innerText()).toContain('Geldig');
    await expect.poll(() => page.getByTestId('care-team').innerText()).toContain('Fatima el Amrani');
    await card(page, 'Noodsamenvatting').getByTestId('emergency-summary').waitFor();

    // No form it may not use; where one would be, the engine's reason, naming the emergency access.
    const consents = card(page, 'Toestemmingen');
    await consents.getByTestId('not-allowed').waitFor();
    expect(await consents.getByTestId('not-allowed').innerText()).toContain('U heeft noodtoegang');
    const team = card(page, 'Wie werkt met deze cliënt');
    expect(await team.getByTestId('not-allowed').innerText()).toContain('U heeft noodtoegang');
    expect(await card(page, 'Afspraken bij de start van de hulp').getByTestId('not-allowed').innerText()).toContain('U heeft noodtoegang');
    expect(await card(page, 'Overdracht van het dossier').getByTestId('not-allowed').innerText()).toContain('U heeft noodtoegang');
    // Making a family records in the dossier (family-routes.ts, gate-family.ts), which the emergency access may not.
    await expect.poll(() => page.getByTestId('families').getByTestId('not-allowed').count()).toBe(1);
    expect(await page.getByTestId('families').getByTestId('not-allowed').innerText()).toContain('in een noodsituatie geeft geen recht om te schrijven');
    for (const name of WRITE_BUTTONS) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    expect(await page.getByTestId('work-notes').count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'emergency-forms-01-overzicht');

    // The timeline: the entry is read, no new entry, annotation or shielding; the reason instead.
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Dossier (tijdlijn)' }).click();
    const read = page.getByTestId('entry').filter({ hasText: 'Gesprek over de nachten' });
    await read.waitFor();
    expect(await read.innerText()).toContain('Ilse slaapt slecht sinds de verhuizing.');
    const reason = page.getByTestId('not-allowed');
    await reason.waitFor();
    expect(await reason.innerText()).toContain('in een noodsituatie geeft geen recht om te schrijven');
    for (const name of ['Nieuwe dossierregel', 'Aantekening toevoegen', 'Wijzigen', 'Afschermen', 'Contactgegevens afschermen']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    }
    await expectAccessible(page);
    await screenshot(page, 'emergency-forms-02-tijdlijn');

    // The requests: no intake form, the reason instead (the requests ask the same engine, web/src/shared/permissions.ts).
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Verzoeken' }).click();
    const intake = page.getByTestId('not-allowed').filter({ hasText: 'Een verzoek vastleggen' });
    await intake.waitFor();
    expect(await intake.innerText()).toContain('U heeft noodtoegang');
    expect(await page.getByRole('button', { name: 'Nieuw verzoek vastleggen', exact: true }).count()).toBe(0);

    // The disclosures: the list is read, no form to record one (Jeugdwet 7.3.11: those who give the care record it).
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Verstrekkingen' }).click();
    const disclosure = page.getByTestId('not-allowed').filter({ hasText: 'Verstrekking vastleggen' });
    await disclosure.waitFor();
    expect(await disclosure.innerText()).toContain('U heeft noodtoegang');
    expect(await page.getByRole('button', { name: 'Verstrekking vastleggen', exact: true }).count()).toBe(0);

    // The holder, for contrast, still gets the forms on her own client (and no banner).
    await holder.goto(`/clienten/${clientId}/tijdlijn`);
    await holder.getByRole('button', { name: 'Nieuwe dossierregel' }).waitFor();
    await expect(holder.getByTestId('emergency-banner').count()).resolves.toBe(0);
  });
});
