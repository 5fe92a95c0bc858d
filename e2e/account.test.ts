/**
 * "Mijn account" in the browser: an employee changes her own password (the two new ones must match, a wrong
 * current password is refused without ending the session), is told that other sessions have ended, and logs in
 * with the new password. And the privacy officer's administration log names a settings change in Dutch, with
 * the old and the new value.
 */
import { describe, expect, it } from 'vitest';
import { timeStep } from '../src/auth/totp.js';
import { currentCode, DEMO_PASSWORD, expectAccessible, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();
const NEW_PASSWORD = 'Zonnebloem-veld-2027';

describe('Mijn account: changing one\'s own password', () => {
  it('refuses unequal new passwords and a wrong current password, then changes it and says what happens next', async () => {
    const page = await demo.pageFor('demo.collega');
    const loggedInStep = timeStep(new Date());
    await page.getByRole('link', { name: 'Mijn account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn account' }).waitFor();
    await expectAccessible(page);

    const current = page.getByLabel('Huidig wachtwoord', { exact: true });
    const fresh = page.getByLabel('Nieuw wachtwoord', { exact: true });
    const repeat = page.getByLabel('Nieuw wachtwoord nog een keer', { exact: true });
    await expect(current.getAttribute('autocomplete')).resolves.toBe('current-password');
    await expect(fresh.getAttribute('autocomplete')).resolves.toBe('new-password');

    // The two new passwords differ: refused in the browser, nothing sent.
    await current.fill(DEMO_PASSWORD);
    await fresh.fill(NEW_PASSWORD);
    await repeat.fill(`${NEW_PASSWORD}x`);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByTestId('problem').getByText('De twee nieuwe wachtwoorden zijn niet gelijk.').waitFor();

    // A wrong current password: refused, and she stays logged in on this page.
    await current.fill('niet-het-goede-wachtwoord');
    await repeat.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByTestId('problem').getByText('Het huidige wachtwoord klopt niet.').waitFor();
    await expect(page.getByTestId('who').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' }).isVisible()).resolves.toBe(true);

    // The server's password policy speaks through the same box.
    await current.fill(DEMO_PASSWORD);
    await fresh.fill('kort');
    await repeat.fill('kort');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByTestId('problem').getByText('Kies een wachtwoord van minstens 12 tekens.').waitFor();

    await current.fill(DEMO_PASSWORD);
    await fresh.fill(NEW_PASSWORD);
    await repeat.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    const done = page.getByTestId('password-changed');
    await done.getByText('Uw wachtwoord is gewijzigd.').waitFor();
    await expect(done.textContent()).resolves.toContain('Daar bent u nu uitgelogd');
    await expectAccessible(page);
    await screenshot(page, 'account-01-wachtwoord-gewijzigd');

    // This browser carries on in the new session the change started.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
    await page.getByTestId('caseload').waitFor();

    // Log out and in again with the new password (the code of the first log-in's step counts once: wait for the next).
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByLabel('Gebruikersnaam').waitFor();
    while (timeStep(new Date()) <= loggedInStep) await page.waitForTimeout(1000);
    await page.getByLabel('Gebruikersnaam').fill('demo.collega');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByTestId('problem').waitFor();
    await page.getByLabel('Wachtwoord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByLabel('Code (6 cijfers) of herstelcode').fill(currentCode(demo.server.secrets.get('demo.collega')!));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByTestId('who').waitFor();
  }, 90_000);
});

describe('the administration log in Dutch', () => {
  it('names a settings change with its old and new value', async () => {
    const page = await demo.pageFor('demo.fg');
    await page.goto('/privacy/instellingen');
    await page.getByRole('heading', { level: 2, name: 'Instellingen' }).waitFor();
    await page.getByRole('checkbox', { name: 'Tweede bevestiging bij vernietiging' }).uncheck();
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await page.getByRole('status').getByText('De instellingen zijn opgeslagen.').waitFor();

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheerlogboek' }).click();
    const log = page.getByTestId('admin-log');
    await log.getByText('Privacy-instelling gewijzigd').first().waitFor();
    await expect(log.textContent()).resolves.toContain('Privacy-instelling gewijzigd — Tweede bevestiging bij vernietiging: aan → uit');
    await expect(log.textContent()).resolves.not.toMatch(/change-setting|create-account/);
    await expectAccessible(page);
  });
});
