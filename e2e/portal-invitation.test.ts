/**
 * The staff card "Uitnodigen voor het cliëntportaal" in a browser (issue 19 item 1), on the demo: the holder invites
 * Emre's mother (custody) after checking her passport, the one-time link is opened in a second browser, she chooses a
 * user name, password and code app and is in her portal; an intern sees no form but the engine's reason; a father
 * without custody of a 16-year-old (Jayden) is refused with the engine's explanation, and nothing is made.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { amsterdamDate, apiCall, currentCode, expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();

/** A password the policy accepts, chosen by the invitee in the browser. */
const OWN_PASSWORD = 'Kastanje-veerboot-2026';

function card(page: Page) {
  return page.getByTestId('portal-invite-card');
}

describe('the staff card "Uitnodigen voor het cliëntportaal"', () => {
  it('the holder invites Emre\'s mother after checking her passport; she completes the link in another browser and is in her portal', async () => {
    const staff = await demo.pageFor('demo.hulpverlener');
    await openClient(staff, 'Emre Demo-Yilmaz');
    const invite = card(staff);
    await invite.waitFor();
    await invite.getByLabel('Wie nodigt u uit?').selectOption({ label: 'Ayse Demo-Yilmaz' });
    await invite.getByLabel('Gecontroleerd document').selectOption({ label: 'Paspoort' });
    const button = invite.getByRole('button', { name: 'Uitnodiging maken' });
    // No invitation before the identity check is ticked.
    await expect(button.isDisabled()).resolves.toBe(true);
    await invite.getByLabel('Ik heb de identiteit gecontroleerd').check();
    await button.click();
    const made = invite.getByTestId('portal-invitation');
    await made.waitFor();
    // Valid until a day in words, never an ISO date.
    await expect(made.textContent()).resolves.toMatch(/Hij werkt tot \d{1,2} [a-z]+ \d{4}/);
    await expect(made.textContent()).resolves.not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const link = (await made.locator('code').textContent())!.trim();
    expect(link).toMatch(/\/portaal\/uitnodiging#[A-Za-z0-9_-]{20,}$/);
    await expect(invite.getByTestId('portal-accounts').textContent()).resolves.toMatch(/Ayse Demo-Yilmaz: Uitgenodigd; de link werkt tot \d{1,2} [a-z]+ \d{4}/);
    await expectAccessible(staff);
    await screenshot(staff, 'portal-uitnodiging-gemaakt');

    // The mother, in a browser of her own.
    const mother = await demo.freshPage();
    await mother.setViewportSize({ width: 390, height: 860 });
    await mother.goto(link.slice(link.indexOf('/portaal/')));
    await mother.getByRole('heading', { level: 1, name: 'Je account instellen' }).waitFor();
    await mother.getByTestId('invitation-secret').waitFor();
    await mother.getByLabel('Gebruikersnaam').fill('ayse.portaal');
    await mother.getByLabel('Wachtwoord', { exact: true }).fill(OWN_PASSWORD);
    await mother.getByLabel('Wachtwoord nog een keer').fill(OWN_PASSWORD);
    const secret = (await mother.getByTestId('invitation-secret').textContent())!.trim();
    await mother.getByLabel('Code uit de app (6 cijfers)').fill(currentCode(secret));
    await mother.getByRole('button', { name: 'Account instellen' }).click();
    await mother.getByText('Je account is klaar.').waitFor();
    await mother.getByRole('button', { name: 'Verder naar mijn dossier' }).click();
    await mother.getByTestId('portal-who').waitFor();
    await expect(mother.getByTestId('portal-who').textContent()).resolves.toContain('Ayse');
    await expectAccessible(mother);

    // The holder's card says the account is in use.
    await staff.reload();
    await expect.poll(async () => card(staff).getByTestId('portal-accounts').textContent()).toContain('Ayse Demo-Yilmaz: Account in gebruik');
  });

  it('an intern sees no form but the engine\'s reason', async () => {
    const intern = await demo.pageFor('demo.stagiair');
    await openClient(intern, 'Emre Demo-Yilmaz');
    const invite = card(intern);
    await invite.waitFor();
    const reason = invite.getByTestId('not-allowed');
    await reason.waitFor();
    await expect(reason.textContent()).resolves.toContain('Alleen de hulpverleners van het behandelteam nodigen iemand uit voor het cliëntportaal.');
    await expect(invite.getByRole('button', { name: 'Uitnodiging maken' }).count()).resolves.toBe(0);
    await expect(invite.locator('select').count()).resolves.toBe(0);
    await expectAccessible(intern);
  });

  it('a father without custody of a 16-year-old is refused with the engine\'s explanation, and no account is made', async () => {
    const staff = await demo.pageFor('demo.hulpverlener');
    const clientId = await openClient(staff, 'Jayden Demo-Pinas');
    const registered = await apiCall(staff, 'POST', `/api/clients/${clientId}/relations`, {
      relation: 'parent', hasCustody: false, familyName: 'Demo-Pinas', givenNames: 'Roy', establishedHow: 'geboorteakte (demo)', validFrom: amsterdamDate(),
    });
    expect(registered.status, registered.text).toBe(201);
    await staff.reload();
    const invite = card(staff);
    await invite.waitFor();
    await invite.getByLabel('Wie nodigt u uit?').selectOption({ label: 'Roy Demo-Pinas' });
    await invite.getByLabel('Ik heb de identiteit gecontroleerd').check();
    await invite.getByRole('button', { name: 'Uitnodiging maken' }).click();
    const problem = invite.getByTestId('problem');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('Dit mag niet');
    await expect(problem.textContent()).resolves.toContain('Een account voor het cliëntportaal is er alleen voor iemand die vandaag recht heeft op iets uit dit dossier.');
    await expect(problem.textContent()).resolves.toMatch(/16 jaar/);
    await expect(problem.textContent()).resolves.not.toMatch(/\b403\b|forbidden|portal-standing/);
    await expect(invite.getByTestId('portal-invitation').count()).resolves.toBe(0);
    const accounts = await apiCall(staff, 'GET', `/api/clients/${clientId}/portal-accounts`);
    expect(accounts.text).not.toContain('Roy');
    await expectAccessible(staff);
    await screenshot(staff, 'portal-uitnodiging-geweigerd');
  });
});
