/**
 * A manager reads a dossier only for a stated purpose that names its record (DOMAIN §2; 003 §2.2.5; issue 14), and
 * what was read under that purpose is not shown once the purpose is dropped: the web's cache keys do not name the
 * purpose, so before this test the timeline read under "incident" stayed on screen after choosing no purpose.
 */
import { describe, expect, it } from 'vitest';
import { amsterdamDate, apiCall, openClient, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();

describe('the manager\'s purpose', () => {
  it('shows the timeline read for an incident, and no longer once the purpose is dropped', async () => {
    const holder = await demo.pageFor('demo.hulpverlener');
    const sanne = await openClient(holder, 'Sanne Demo-Bakker');
    const page = await demo.pageFor('demo.manager');
    const incident = await apiCall(page, 'POST', '/api/registers/incidents', {
      kind: 'incident', occurredOn: amsterdamDate(-2), clientIds: [sanne], description: 'Fictief: een ruzie in de wachtkamer.',
    });
    expect(incident.status, incident.text).toBe(201);
    await page.goto('/');
    await page.getByLabel('Doel van inzage').selectOption('incident');
    await page.getByLabel('Waarover').selectOption({ index: 1 });
    // The purpose lives in the page, not the address: navigate within the app.
    await page.evaluate((path) => {
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, `/clienten/${sanne}/tijdlijn`);
    await page.getByTestId('entry').first().waitFor();
    await page.getByLabel('Doel van inzage').selectOption('');
    await expect.poll(() => page.getByTestId('entry').count(), { timeout: 15_000 }).toBe(0);
  });
});
