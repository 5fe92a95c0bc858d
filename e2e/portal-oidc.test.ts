/**
 * The portal's log-in with DigiD through a broker (issue 19 item 1), in a browser: the built server is configured
 * (DW_PORTAL_OIDC_*) to use an OpenID Connect provider running in this test process (oidc-provider, as in the API
 * tests). Lieke (19) opens the invitation her care professional made, chooses "Inloggen met DigiD" instead of a password
 * and code app, goes to the provider and comes back logged in; after logging out, "Inloggen met DigiD" on the log-in
 * page logs her in again; the session opens no staff API. Someone DigiD knows but no invitation linked reads a plain
 * Dutch refusal on the log-in page. The server is reached as `localhost` and the provider as `127.0.0.1`: two sites, so
 * the pending log-in's cookie (SameSite=Lax) really has to come back with a cross-site redirect.
 */
import { createServer } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcTestProvider, type OidcTestProvider } from '../src/test-support/oidc-test-provider.js';
import { apiCall, expectAccessible, launchBrowser, logIn, openClient, screenshot, startServer, type Server } from './support.js';

let provider: OidcTestProvider;
let server: Server;
let browser: Browser;
let publicUrl: string;

/** A port nobody listens on now (the server must know its public address before it starts: the redirect URI). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  publicUrl = `http://localhost:${port}`;
  provider = await startOidcTestProvider({ redirectUri: `${publicUrl}/api/portal/auth/oidc/callback` });
  server = await startServer({ PORT: String(port), DW_PUBLIC_URL: publicUrl, ...provider.env });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.stop();
});

/** A phone-sized page in a fresh browser context, on the server's public address. */
async function phone(): Promise<Page> {
  const context = await browser.newContext({ baseURL: publicUrl, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 390, height: 860 } });
  return context.newPage();
}

describe('DigiD through a broker in the portal (issue 19 item 1)', () => {
  it('Lieke links her invitation with DigiD instead of a password, comes back logged in, and later logs in with DigiD alone', async () => {
    const staff = await phone();
    await staff.setViewportSize({ width: 1280, height: 900 });
    await logIn(staff, server, 'demo.hulpverlener');
    const clientId = await openClient(staff, 'Lieke Demo-Hoekstra');
    const client = await apiCall(staff, 'GET', `/api/clients/${clientId}`);
    const bsn = (JSON.parse(client.text) as { bsn: string | null }).bsn;
    expect(bsn).toMatch(/^[0-9]{9}$/);
    const invited = await apiCall(staff, 'POST', `/api/clients/${clientId}/portal-invitations`, { identityCheck: { documentType: 'passport' } });
    expect(invited.status, invited.text).toBe(201);
    const link = (JSON.parse(invited.text) as { link: string }).link;
    const token = link.slice(link.indexOf('#') + 1);

    provider.signInAs({ sub: 'digid-lieke', bsn: bsn! });
    const page = await phone();
    await page.goto(`/portaal/uitnodiging#${token}`);
    await page.getByRole('heading', { level: 2, name: 'Liever met DigiD?' }).waitFor();
    await page.getByTestId('invitation-secret').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'portal-oidc-390-uitnodiging');
    await page.getByRole('button', { name: 'Inloggen met DigiD' }).click();
    // To the provider (127.0.0.1), which lets "Lieke" in at once, and back through our callback to /portaal.
    await page.getByTestId('portal-who').waitFor();
    await expect(page.getByTestId('portal-who').textContent()).resolves.toContain('Lieke');
    expect(new URL(page.url()).pathname).toBe('/portaal');
    await page.getByRole('heading', { level: 1, name: /Hallo/ }).waitFor();
    await expectAccessible(page);

    // Logged out, then in again with DigiD alone.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen in Mijn dossier' }).waitFor();
    await page.getByRole('button', { name: 'Inloggen met DigiD' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'portal-oidc-390-inloggen');
    await page.getByRole('button', { name: 'Inloggen met DigiD' }).click();
    await page.getByTestId('portal-who').waitFor();
    await expect(page.getByTestId('portal-who').textContent()).resolves.toContain('Lieke');

    // The invitation is used up: its page says so.
    const again = await phone();
    await again.goto(`/portaal/uitnodiging#${token}`);
    await again.getByTestId('problem').waitFor();
    await expect(again.getByTestId('problem').textContent()).resolves.toContain('Deze link werkt niet');
    // The portal session opens no staff API.
    expect((await apiCall(page, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await apiCall(page, 'GET', `/api/clients/${clientId}`)).status).toBe(401);
  });

  it('someone DigiD knows but no invitation linked gets a plain Dutch refusal on the log-in page, and no session', async () => {
    provider.signInAs({ sub: 'digid-onbekend' });
    const page = await phone();
    await page.goto('/portaal');
    await page.getByRole('button', { name: 'Inloggen met DigiD' }).click();
    const problem = page.getByTestId('problem');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('Met dit DigiD-account kun je nog niet inloggen');
    // The code stays out of sight and out of the address bar.
    await expect(problem.textContent()).resolves.not.toContain('portal-oidc');
    expect(page.url()).not.toContain('inloggen=');
    expect((await apiCall(page, 'GET', '/api/portal/auth/me')).status).toBe(401);
    await expectAccessible(page);
    await screenshot(page, 'portal-oidc-390-onbekend');
  });
});
