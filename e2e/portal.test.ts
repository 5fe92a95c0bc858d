/**
 * The client portal in a browser (issue 19 item 7): the demo's young person (14), her mother (custody) and a father
 * without custody log in at /portaal with password and TOTP code, on a phone (390 px) first. Each sees what the
 * engine answers for that person today; everything withheld says why. Axe-core on every page, no sideways scrolling
 * at 390 px, screenshots of every page at 390 and 1366 px in the git-ignored e2e-screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, apiCall, currentCode, expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();

const WIDTHS = [390, 1366] as const;

/** The portal's pages after log-in, as its menu names them (Dutch). */
const PORTAL_PAGES: [path: string, menu: string][] = [
  ['/portaal', 'Start'],
  ['/portaal/dossier', 'Mijn dossier'],
  ['/portaal/wie-keek', 'Wie keek in mijn dossier'],
  ['/portaal/verzoeken', 'Mijn verzoeken'],
  ['/portaal/toestemmingen', 'Toestemmingen'],
  ['/portaal/berichten', 'Berichten'],
];

interface Width { page: number; viewport: number; sticking: string[] }

/** The document's width against the viewport's, and what reaches past the right edge (as e2e/layout.test.ts). */
async function measure(page: Page): Promise<Width> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const sticking: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      if (element.closest('.wide') !== null && !element.classList.contains('wide')) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > viewport + 1) sticking.push(`${element.tagName.toLowerCase()}.${(element as HTMLElement).className} (${Math.round(box.right)} px)`);
    }
    return { page: document.documentElement.scrollWidth, viewport, sticking: sticking.slice(0, 5) };
  });
}

async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

/** Checks the current page at both widths: no sideways scrolling, axe clean, a screenshot each. */
async function checkWidths(page: Page, name: string, failures: string[]): Promise<void> {
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 860 });
      await settled(page);
      const measured = await measure(page);
      if (measured.page > measured.viewport || measured.sticking.length > 0) failures.push(`${width} px ${name}: ${measured.page} px wide; ${measured.sticking.join(', ')}`);
      await expectAccessible(page);
      await screenshot(page, `portal-${width}-${name}`);
    }
  } finally {
    await page.setViewportSize({ width: 390, height: 860 });
  }
}

/** A fresh phone-sized page without any session. */
async function phone(): Promise<Page> {
  const page = await demo.freshPage();
  await page.setViewportSize({ width: 390, height: 860 });
  return page;
}

/** Logs a demo portal user in through /portaal: user name and password, then the TOTP code. */
async function portalLogIn(page: Page, username: string): Promise<void> {
  const secret = demo.server.secrets.get(username);
  if (secret === undefined) throw new Error(`no TOTP secret printed for ${username}`);
  await page.goto('/portaal');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.getByLabel('Code (6 cijfers)').fill(currentCode(secret));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByTestId('portal-who').waitFor();
}

describe('the portal without a session', () => {
  it('shows the log-in page on a phone and a laptop, accessible, in Dutch and in English', async () => {
    const page = await phone();
    await page.goto('/portaal');
    await page.getByRole('heading', { level: 1, name: 'Inloggen in Mijn dossier' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    const failures: string[] = [];
    await checkWidths(page, 'inloggen', failures);

    // The language switch names English in English, switches every text, and the document's language with it.
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Log in to My file' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(page.getByLabel('User name').count()).resolves.toBe(1);
    await checkWidths(page, 'inloggen-en', failures);
    // The choice is remembered on this device, and switched back.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Log in to My file' }).waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen in Mijn dossier' }).waitFor();
    expect(failures).toEqual([]);
  });

  it('an invitation link without its token says so, in plain words', async () => {
    const page = await phone();
    await page.goto('/portaal/uitnodiging');
    await page.getByRole('heading', { level: 1, name: 'Je account instellen' }).waitFor();
    await page.getByText('Deze link is niet compleet').waitFor();
    const failures: string[] = [];
    await checkWidths(page, 'uitnodiging-zonder-code', failures);
    expect(failures).toEqual([]);
  });

  it('a wrong password is refused with a reason and no raw code', async () => {
    const page = await phone();
    await page.goto('/portaal');
    await page.getByLabel('Gebruikersnaam').fill('niemand.bekend');
    await page.getByLabel('Wachtwoord').fill('verkeerd-wachtwoord-1');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    const problem = page.getByTestId('problem');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('Inloggen lukte niet');
    await expect(problem.textContent()).resolves.not.toMatch(/\b(4\d\d|login-failed|unauthori[sz]ed)\b/);
    await expectAccessible(page);
  });
});

/** A password the policy accepts, chosen by the invitee in the browser. */
const OWN_PASSWORD = 'Zonnebloem-rivier-2026';

describe('an invitation completed in the browser, and what a portal session may not do', () => {
  let lieke: Page | undefined;
  const invitee = (): Page => {
    if (lieke === undefined) throw new Error('the invitation test logs Lieke in first');
    return lieke;
  };

  it('Lieke (19) completes the invitation her care professional made: user name, password and the code app, then her portal', async () => {
    const staff = await demo.pageFor('demo.hulpverlener');
    const clientId = await openClient(staff, 'Lieke Demo-Hoekstra');
    const invited = await apiCall(staff, 'POST', `/api/clients/${clientId}/portal-invitations`, { identityCheck: { documentType: 'identity-card' } });
    expect(invited.status, invited.text).toBe(201);
    const link = (JSON.parse(invited.text) as { link: string }).link;
    const token = link.slice(link.indexOf('#') + 1);

    const page = await phone();
    await page.goto(`/portaal/uitnodiging#${token}`);
    await page.getByRole('heading', { level: 1, name: 'Je account instellen' }).waitFor();
    await page.getByTestId('invitation-secret').waitFor();
    const failures: string[] = [];
    await checkWidths(page, 'uitnodiging', failures);
    await page.getByLabel('Gebruikersnaam').fill('lieke.portaal');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(OWN_PASSWORD);
    await page.getByLabel('Wachtwoord nog een keer').fill(OWN_PASSWORD);
    const secret = (await page.getByTestId('invitation-secret').textContent())!.trim();
    await page.getByLabel('Code uit de app (6 cijfers)').fill(currentCode(secret));
    await page.getByRole('button', { name: 'Account instellen' }).click();
    await page.getByText('Je account is klaar.').waitFor();
    // The spent link's token has left the address bar.
    expect(page.url()).not.toContain(token);
    await page.getByRole('button', { name: 'Verder naar mijn dossier' }).click();
    await page.getByTestId('portal-who').waitFor();
    await expect(page.getByTestId('portal-who').textContent()).resolves.toContain('Lieke');
    await page.getByRole('heading', { level: 1, name: /Hallo/ }).waitFor();
    await checkWidths(page, 'start', failures);
    expect(failures).toEqual([]);
    lieke = page;

    // The same link again: refused in plain words, nothing changed.
    const again = await phone();
    await again.goto(`/portaal/uitnodiging#${token}`);
    await again.getByTestId('problem').waitFor();
    await expect(again.getByTestId('problem').textContent()).resolves.toContain('Deze link werkt niet');
    await expectAccessible(again);
  });

  it('a portal session opens no staff page and no staff API', async () => {
    const page = invitee();
    const staffMe = await apiCall(page, 'GET', '/api/auth/me');
    expect(staffMe.status).toBe(401);
    const clients = await apiCall(page, 'GET', '/api/clients?limit=200');
    expect(clients.status).toBe(401);
    await page.goto('/');
    await page.getByText('Inloggen voor medewerkers').waitFor();
    await expect(page.getByTestId('who').count()).resolves.toBe(0);
    // Back in the portal the session still holds.
    await page.goto('/portaal');
    await page.getByTestId('portal-who').waitFor();
  });

  it('a request made in the portal lands in the professional\'s dashboard with its deadline', async () => {
    const page = invitee();
    await page.getByRole('navigation', { name: 'Menu van mijn dossier' }).getByRole('link', { name: 'Mijn verzoeken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn verzoeken' }).waitFor();
    await settled(page);
    const failures: string[] = [];
    await checkWidths(page, 'verzoeken', failures);
    await page.getByRole('radio', { name: /Inzage/ }).check();
    await page.getByLabel('Vertel wat je precies wilt').fill('Ik wil mijn hele dossier lezen.');
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Je verzoek is verstuurd.').waitFor();
    const card = page.getByTestId('portal-request').first();
    await expect(card.getByTestId('portal-request-state').textContent()).resolves.toBe('Ontvangen');
    const deadline = (await card.getByTestId('portal-request-deadline').textContent())!;
    expect(deadline).toMatch(/^\d{1,2} [a-z]+ \d{4}$/);
    await expectAccessible(page);
    await screenshot(page, 'portal-390-verzoek-verstuurd');

    const staff = await demo.pageFor('demo.hulpverlener');
    await staff.goto('/verzoeken');
    const row = staff.getByTestId('requests-dashboard').getByRole('row').filter({ hasText: 'Lieke Demo-Hoekstra' }).filter({ hasText: 'Inzage' });
    await row.first().waitFor();
    await expect(row.first().textContent()).resolves.toContain(deadline);
    expect(failures).toEqual([]);
  });

  it('an entry the holder released shows in the dossier, and an own statement written in the portal shows beside it once carried out', async () => {
    const staff = await demo.pageFor('demo.hulpverlener');
    const clientId = await openClient(staff, 'Lieke Demo-Hoekstra');
    const made = await apiCall(staff, 'POST', `/api/clients/${clientId}/entries`, {
      kind: 'conversation-report', title: 'Gesprek over stage', text: 'Fictief: Lieke kwam niet naar het gesprek over haar stage.', source: { kind: 'care-professional' }, statementType: 'fact',
    });
    expect(made.status, made.text).toBe(201);
    const entryId = (JSON.parse(made.text) as { id: string }).id;
    const released = await apiCall(staff, 'POST', `/api/clients/${clientId}/entries/${entryId}/portal-release`, { decision: 'release' });
    expect(released.status, released.text).toBeLessThan(300);

    const page = invitee();
    await page.getByRole('navigation', { name: 'Menu van mijn dossier' }).getByRole('link', { name: 'Mijn dossier', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn dossier' }).waitFor();
    await settled(page);
    const card = page.getByTestId('portal-entry').filter({ hasText: 'Gesprek over stage' });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('kwam niet naar het gesprek');
    const failures: string[] = [];
    await checkWidths(page, 'lieke-dossier', failures);
    await card.getByRole('link', { name: /Eigen verklaring toevoegen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn verzoeken' }).waitFor();
    await expect(page.getByRole('radio', { name: /Eigen verklaring toevoegen/ }).isChecked()).resolves.toBe(true);
    // The disputed entry is chosen already, once the entries this person sees have loaded.
    await page.getByLabel('Over welk stuk gaat het?').locator(`option[value="${entryId}"]`).waitFor({ state: 'attached' });
    await expect.poll(() => page.getByLabel('Over welk stuk gaat het?').inputValue()).toBe(entryId);
    await page.getByRole('textbox', { name: 'Je eigen verklaring' }).fill('Ik was die dag ziek en had dat gemeld.');
    await page.getByLabel('Vertel wat je precies wilt').fill('Mijn kant bij het verslag over de stage.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Verzoek versturen' }).click();
    await page.getByText('Je verzoek is verstuurd.').waitFor();

    // The professional grants it and carries it out: the statement becomes an entry beside the disputed one.
    const list = JSON.parse((await apiCall(staff, 'GET', `/api/clients/${clientId}/requests`)).text) as { requests: { id: string; kind: string; state: string }[] };
    const request = list.requests.find((r) => r.kind === 'add-statement' && r.state === 'received');
    expect(request, JSON.stringify(list.requests)).toBeDefined();
    const decided = await apiCall(staff, 'POST', `/api/clients/${clientId}/requests/${request!.id}/decision`, { outcome: 'granted', reasons: '', facts: [] });
    expect(decided.status, decided.text).toBe(200);
    const fulfilled = await apiCall(staff, 'POST', `/api/clients/${clientId}/requests/${request!.id}/fulfil`, {
      statement: { entryId, text: 'Ik was die dag ziek en had dat gemeld.' },
    });
    expect(fulfilled.status, fulfilled.text).toBe(200);

    await page.getByRole('navigation', { name: 'Menu van mijn dossier' }).getByRole('link', { name: 'Mijn dossier', exact: true }).click();
    await settled(page);
    const statement = page.getByTestId('portal-entry').filter({ hasText: 'Gesprek over stage' }).getByTestId('own-statement');
    await statement.waitFor();
    await expect(statement.textContent()).resolves.toContain('Ik was die dag ziek');
    await expectAccessible(page);
    await screenshot(page, 'portal-390-eigen-verklaring-naast-stuk');
    expect(failures).toEqual([]);
  });

  it('who has seen my dossier names the professional, when, what and why', async () => {
    const page = invitee();
    await page.getByRole('navigation', { name: 'Menu van mijn dossier' }).getByRole('link', { name: 'Wie keek in mijn dossier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wie keek in mijn dossier' }).waitFor();
    await settled(page);
    const log = page.getByTestId('access-log');
    await log.getByText('Fatima el Amrani').first().waitFor();
    // Plain words only: no raw codes of the log.
    await expect(log.textContent()).resolves.not.toMatch(/care-relation|read-part|portal-client|record-entry/);
    const failures: string[] = [];
    await checkWidths(page, 'lieke-wie-keek', failures);
    expect(failures).toEqual([]);
  });

  it('shows every portal page without sideways scrolling at 390 px and accessible at both widths', async () => {
    const page = invitee();
    const failures: string[] = [];
    for (const [path] of PORTAL_PAGES) {
      await page.goto(path);
      await checkWidths(page, `lieke${path.replace('/portaal', '').replace(/\//g, '_') || '_start'}`, failures);
    }
    expect(failures).toEqual([]);
  });
});

/** Invites the client by the holder's API and completes the invitation in a fresh phone page; answers the logged-in page. */
async function invitedClient(clientId: string, username: string): Promise<Page> {
  const staff = await demo.pageFor('demo.hulpverlener');
  const invited = await apiCall(staff, 'POST', `/api/clients/${clientId}/portal-invitations`, { identityCheck: { documentType: 'passport' } });
  expect(invited.status, invited.text).toBe(201);
  const link = (JSON.parse(invited.text) as { link: string }).link;
  const page = await phone();
  await page.goto(`/portaal/uitnodiging${link.slice(link.indexOf('#'))}`);
  await page.getByTestId('invitation-secret').waitFor();
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(OWN_PASSWORD);
  await page.getByLabel('Wachtwoord nog een keer').fill(OWN_PASSWORD);
  const secret = (await page.getByTestId('invitation-secret').textContent())!.trim();
  await page.getByLabel('Code uit de app (6 cijfers)').fill(currentCode(secret));
  await page.getByRole('button', { name: 'Account instellen' }).click();
  await page.getByRole('button', { name: 'Verder naar mijn dossier' }).click();
  await page.getByTestId('portal-who').waitFor();
  return page;
}

describe('an emergency access stands out in "who has seen my dossier"', () => {
  it('a colleague outside the care team breaks the glass; the young person sees it marked, with its review still open', async () => {
    const holder = await demo.pageFor('demo.hulpverlener');
    const registered = await apiCall(holder, 'POST', '/api/clients', {
      givenNames: 'Noa', familyName: 'Demo-Portaal', birthDate: '2010-06-01', gender: 'female', streetAddress: 'Voorbeeldlaan 3', postcode: '1234 AB', town: 'Demodorp',
    });
    expect(registered.status, registered.text).toBe(201);
    const clientId = (JSON.parse(registered.text) as { id: string }).id;
    const noa = await invitedClient(clientId, 'noa.portaal');

    const colleague = await demo.pageFor('demo.collega');
    const opened = await apiCall(colleague, 'POST', `/api/clients/${clientId}/emergency-access`, { reason: 'Crisis in de avond; de vaste hulpverlener is niet bereikbaar.' });
    expect(opened.status, opened.text).toBe(201);
    const accessId = (JSON.parse(opened.text) as { accessId: string }).accessId;
    const confirmed = await apiCall(colleague, 'POST', `/api/clients/${clientId}/emergency-access/${accessId}/confirm`, {});
    expect(confirmed.status, confirmed.text).toBeLessThan(300);
    expect((await apiCall(colleague, 'GET', `/api/clients/${clientId}`)).status).toBe(200);

    await noa.getByRole('navigation', { name: 'Menu van mijn dossier' }).getByRole('link', { name: 'Wie keek in mijn dossier' }).click();
    await noa.getByRole('heading', { level: 1, name: 'Wie keek in mijn dossier' }).waitFor();
    await settled(noa);
    const emergency = noa.getByTestId('access-emergency').first();
    await emergency.waitFor();
    await expect(emergency.textContent()).resolves.toContain('Noodtoegang');
    await expect(emergency.textContent()).resolves.toContain('Jeroen de Wit');
    await expect(emergency.getByTestId('emergency-review').textContent()).resolves.toContain('Nog niet beoordeeld');
    const failures: string[] = [];
    await checkWidths(noa, 'noodtoegang-zichtbaar', failures);
    expect(failures).toEqual([]);
  });
});

/** The passage the demo shields from Sara's mother (src/demo/seed-portal-demo.ts). */
const SHIELDED = 'soms bij haar vader slaapt';

async function openDossier(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu van mijn dossier' }).getByRole('link', { name: 'Mijn dossier', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: /dossier/i }).waitFor();
  await settled(page);
}

describe('the demo: Sara (14), her mother and her father each see what the law gives them today', () => {
  it('Sara reads her conversation report and the whole evaluation', async () => {
    const page = await phone();
    await portalLogIn(page, 'demo.jongere');
    demo.remember('demo.jongere', page);
    await openDossier(page);
    const entries = page.getByTestId('portal-entries');
    await expect(entries.textContent()).resolves.toContain('Gesprek met Sara');
    await expect(entries.textContent()).resolves.toContain(SHIELDED);
    await expect(page.getByTestId('withheld-entry').count()).resolves.toBe(0);
    await expect(page.getByTestId('withheld-passage').count()).resolves.toBe(0);
    const failures: string[] = [];
    await checkWidths(page, 'sara-dossier', failures);
    expect(failures).toEqual([]);
  });

  it('her mother (custody) gets the agreement\'s and the shielding\'s explanation instead of the report and the passage', async () => {
    const page = await phone();
    await portalLogIn(page, 'demo.moeder');
    await openDossier(page);
    const entries = page.getByTestId('portal-entries');
    await expect(entries.textContent()).resolves.toContain('Plan van aanpak');
    await expect(entries.textContent()).resolves.not.toContain('Sara vertelt over school');
    await expect(entries.textContent()).resolves.not.toContain(SHIELDED);
    // The report under the agreement: withheld, with the reason beside it and never its content.
    const withheld = page.getByTestId('withheld-entry').first();
    await withheld.waitFor();
    await expect(withheld.textContent()).resolves.toMatch(/Waarom niet\?\s*\S+/);
    // The shielded passage: a notice inside the evaluation, with its reason.
    const evaluation = page.getByTestId('portal-entry').filter({ hasText: 'Evaluatie van het plan' });
    await evaluation.getByTestId('withheld-passage').waitFor();
    await expect(evaluation.getByTestId('withheld-passage').textContent()).resolves.toContain('Een deel van dit stuk zie je niet');
    const failures: string[] = [];
    await checkWidths(page, 'moeder-dossier', failures);

    // The same page in English: the catalogue's words, the engine's Dutch marked as Dutch.
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'File of Sara Demo-Mulder' }).waitFor();
    await expect(page.getByTestId('withheld-entry').first().textContent()).resolves.toContain('You do not see this');
    await checkWidths(page, 'moeder-dossier-en', failures);
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Dossier van Sara Demo-Mulder' }).waitFor();
    expect(failures).toEqual([]);
  });

  it('her father without custody sees general information only, with the reason', async () => {
    const page = await phone();
    await portalLogIn(page, 'demo.vader');
    await openDossier(page);
    const refused = page.getByTestId('dossier-refused');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toContain('Je ziet alleen algemene informatie over de hulp.');
    await expect(refused.textContent()).resolves.toMatch(/Waarom niet\?\s*\S+/);
    await page.getByTestId('general-information').waitFor();
    await expect(page.getByTestId('portal-entry').count()).resolves.toBe(0);
    await expect(page.locator('main').textContent()).resolves.not.toContain('Sara vertelt over school');
    const failures: string[] = [];
    await checkWidths(page, 'vader-dossier', failures);
    expect(failures).toEqual([]);
  });
});
