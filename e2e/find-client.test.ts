/**
 * Find a client, break the glass properly (issue 15 item 7), in the browser: a
 * care professional searches the organisation by name from the caseload, sees
 * a client outside her caseload with only name and birth year, asks emergency
 * access right there (summary first, then the whole dossier), and the
 * dossier shows a banner with the time left in words. Before, emergency
 * access needed the client's 36-character id typed into a form.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();

describe('finding a client outside the caseload and breaking the glass', () => {
  it('a care professional finds the client by name, opens emergency access and sees the time left', async () => {
    // The dossier holder registers a client the colleague does not work with.
    const holder = await demo.pageFor('demo.hulpverlener');
    await openClient(holder, 'Lieke Demo-Hoekstra');
    await holder.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
    await holder.getByRole('button', { name: 'Nieuwe cliënt inschrijven' }).click();
    await holder.getByLabel('Voornamen').fill('Mees');
    await holder.getByLabel('Achternaam').fill('Demo-Zoekbaar');
    await holder.getByLabel('Geboortedatum', { exact: true }).fill('2012-08-21');
    await holder.getByLabel('Straat en huisnummer').fill('Voorbeeldlaan 9');
    await holder.getByLabel('Postcode').fill('1234 AB');
    await holder.getByLabel('Woonplaats').fill('Demodorp');
    await holder.getByRole('button', { name: 'Inschrijven' }).click();
    await holder.getByRole('heading', { level: 1, name: /Mees Demo-Zoekbaar/ }).waitFor();

    const page = await demo.pageFor('demo.collega');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
    // No form asks for a client number any more.
    await expect(page.getByLabel('Cliëntnummer', { exact: true }).count()).resolves.toBe(0);
    await page.getByLabel('Zoek een cliënt: naam, geboortedatum of BSN').fill('zoekbaar');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    const results = page.getByTestId('search-results');
    const hit = results.getByRole('listitem').filter({ hasText: 'Mees Demo-Zoekbaar' });
    await hit.getByText('Niet in uw caseload').waitFor();
    // Only name and birth year: no link to the dossier, no birth date.
    await expect(hit.textContent()).resolves.toContain('geboren in 2012');
    await expect(hit.textContent()).resolves.not.toMatch(/21 augustus/);
    await expect(hit.getByRole('link').count()).resolves.toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'find-01-buiten-caseload');

    await hit.getByRole('button', { name: 'Noodtoegang vragen' }).click();
    await page.getByRole('heading', { name: 'Noodtoegang voor Mees Demo-Zoekbaar' }).waitFor();
    await page.getByLabel('Reden voor noodtoegang').fill('Crisis in de avond; de vaste hulpverlener is niet bereikbaar.');
    await page.getByRole('button', { name: 'Noodsamenvatting openen' }).click();
    await page.getByTestId('emergency-summary').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ja, open het hele dossier' }).click();

    await page.getByRole('heading', { level: 1, name: /Mees Demo-Zoekbaar/ }).waitFor();
    const banner = page.getByTestId('emergency-banner');
    await banner.waitFor();
    // The access lasts the configured time (60 minutes by default): the time left, in words, and until when.
    await expect(banner.textContent()).resolves.toMatch(/Noodtoegang nog (\d+ minuten|1 uur), tot \d{2}:\d{2}\./);
    await expect(banner.textContent()).resolves.toContain('Bent u klaar?');
    await expectAccessible(page);
    await screenshot(page, 'find-02-noodtoegang-banner');

    // The holder reads her own client without a banner.
    await openClient(holder, 'Mees Demo-Zoekbaar');
    await expect(holder.getByTestId('emergency-banner').count()).resolves.toBe(0);
  });
});
