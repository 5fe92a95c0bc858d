/**
 * Every page of the client portal as each demo portal user (issue 19 item 7: "dates in words, never a raw code"):
 * Sara (14), her mother (custody) and her father (no custody) log in on the demo and open every page of the menu; no
 * page shows an ISO date, a raw code of the API or the engine, or "undefined"/"null"/"NaN", and whatever is withheld
 * says why.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { timeStep } from '../src/auth/totp.js';
import { DEMO_PASSWORD, currentCode, useDemoBrowser } from './support.js';

/** The smallest PNG: one transparent pixel. */
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const demo = useDemoBrowser();

const PAGES: [path: string, heading: RegExp][] = [
  ['/portaal', /Hallo/],
  ['/portaal/dossier', /Dossier van|dossier/i],
  ['/portaal/wie-keek', /Wie keek in mijn dossier/],
  ['/portaal/verzoeken', /Mijn verzoeken/],
  ['/portaal/toestemmingen', /Toestemmingen/],
  ['/portaal/berichten', /Berichten/],
];

/** What a person should never read: an ISO date or time, a code of the API or the engine, a programmer's word. */
const RAW = [
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\bT\d{2}:\d{2}/,
  /\b(undefined|null|NaN)\b/,
  /\[object /,
  /\b[a-z]+(-[a-z]+){1,}\b(?<!\b(?:e-mail|t-shirt|demo-[a-z]+|[a-z]+-[A-Z][a-z]+))/,
];

/** The TOTP step each user last logged in with: a code counts once per 30-second step per user. */
const lastStep = new Map<string, number>();

async function logIn(page: Page, username: string): Promise<void> {
  // The same user again within one step (the walk, then a flow) would be refused: wait for the next code.
  while (lastStep.get(username) === timeStep(new Date())) await new Promise((resolve) => setTimeout(resolve, 1_000));
  lastStep.set(username, timeStep(new Date()));
  await page.goto('/portaal');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.getByLabel('Code (6 cijfers)').fill(currentCode(demo.server.secrets.get(username)!));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByTestId('portal-who').waitFor();
}

/** The words a person reads in the page's main part, less the names of people (which may hold hyphens). */
async function wordsOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (main === null) return '';
    const clone = main.cloneNode(true) as HTMLElement;
    // Form fields' values are typed by the person; links' addresses are not words.
    for (const input of Array.from(clone.querySelectorAll('input, textarea'))) input.remove();
    return clone.innerText;
  });
}

async function scan(page: Page, where: string, findings: string[]): Promise<void> {
  const words = (await wordsOf(page)).replaceAll(/[A-ZÀ-Ý][\p{L}]+(-[A-ZÀ-Ý]?[\p{L}]+)+/gu, 'NAAM');
  expect(words.length, where).toBeGreaterThan(40);
  for (const pattern of RAW) {
    const found = pattern.exec(words);
    if (found !== null) findings.push(`${where}: "${words.slice(Math.max(0, found.index - 60), found.index + 60).replaceAll('\n', ' ')}"`);
  }
}

describe('every portal page as each demo portal user: dates in words, no raw code', () => {
  it.each(['demo.jongere', 'demo.moeder', 'demo.vader'])('%s', async (username) => {
    const page = await demo.freshPage();
    await page.setViewportSize({ width: 390, height: 860 });
    await logIn(page, username);
    const findings: string[] = [];
    for (const [path, heading] of PAGES) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
      await page.waitForFunction(() => document.querySelector('.loading') === null);
      // Let late loads settle (lists below the heading).
      await page.waitForTimeout(500);
      await scan(page, path, findings);
      // Each kind of request shows the engine's answer for this person beside it.
      if (path === '/portaal/verzoeken') {
        const kinds = page.getByTestId('new-request').getByRole('radio');
        const count = await kinds.count();
        expect(count, username).toBeGreaterThan(5);
        for (let i = 0; i < count; i++) {
          await kinds.nth(i).check();
          await scan(page, `${path} (soort ${i + 1})`, findings);
        }
      }
    }
    expect(findings).toEqual([]);
  });
});

describe('the flows that change something, by the right person and the wrong one', () => {
  it('Sara (14) gives a consent to share her plan with school, withdraws it, and writes to her care team with a drawing; her mother may not give that consent', async () => {
    const sara = await demo.freshPage();
    await sara.setViewportSize({ width: 390, height: 860 });
    await logIn(sara, 'demo.jongere');
    const findings: string[] = [];

    await sara.goto('/portaal/toestemmingen');
    const give = sara.getByTestId('give-consent');
    await give.waitFor();
    await give.getByLabel('Welke gegevens?').fill('Mijn plan van aanpak');
    await give.getByLabel('Aan wie?').fill('Mijn mentor op school');
    await give.getByLabel('Waarvoor?').fill('Zodat de mentor weet wat ik oefen.');
    await give.getByRole('checkbox').check();
    await give.getByRole('button', { name: 'Toestemming geven' }).click();
    await sara.getByText('Je toestemming is vastgelegd.').waitFor();
    const consent = sara.getByTestId('consent').filter({ hasText: 'Mijn mentor op school' });
    await consent.waitFor();
    await expect(consent.textContent()).resolves.toMatch(/Gegeven op \d{1,2} [a-z]+ \d{4}/);
    await scan(sara, 'toestemming gegeven', findings);
    // Withdrawn at once, after one question (issue 19 item 5).
    await consent.getByRole('button', { name: 'Intrekken' }).click();
    await sara.getByRole('button', { name: 'Ja, intrekken' }).click();
    await sara.getByText('De toestemming is ingetrokken.').waitFor();
    await expect.poll(() => consent.textContent()).toMatch(/Ingetrokken op \d{1,2} [a-z]+ \d{4}/);
    await scan(sara, 'toestemming ingetrokken', findings);

    await sara.goto('/portaal/berichten');
    const write = sara.getByTestId('write-message');
    await write.waitFor();
    await write.getByLabel('Je bericht').fill('Kan het gesprek volgende week op woensdag?');
    // An attachment of an allowed kind (judged by its bytes on the server): a drawing as PNG.
    await write.getByLabel('Bijlage toevoegen').setInputFiles({ name: 'tekening.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1X1, 'base64') });
    await write.getByRole('button', { name: 'Versturen' }).click();
    await sara.getByText('Je bericht is verstuurd.').waitFor();
    const mine = sara.getByTestId('message').filter({ hasText: 'volgende week op woensdag' });
    await mine.waitFor();
    await expect(mine.textContent()).resolves.toMatch(/Jij, \d{1,2} [a-z]+ \d{4}/);
    await expect(mine.textContent()).resolves.toContain('tekening.png');
    await scan(sara, 'bericht verstuurd', findings);
    // An e-mail when something new is waiting (issue 19 item 6): the address is kept; the e-mail never holds client data.
    // (After the scan: "e-mailadres" is a Dutch word, not a code the scan should flag.)
    const notice = sara.getByTestId('notice-address');
    await notice.getByLabel('E-mailadres voor meldingen').fill('sara@example.org');
    await notice.getByRole('button', { name: 'Opslaan' }).click();
    await notice.getByText('Je e-mailadres is opgeslagen.').waitFor();

    // Her mother (custody, Sara is 14): sharing Sara's data with others is Sara's to decide; the form is not there.
    const mother = await demo.freshPage();
    await logIn(mother, 'demo.moeder');
    await mother.goto('/portaal/toestemmingen');
    await mother.getByRole('heading', { level: 2, name: 'Toestemming geven om gegevens te delen' }).waitFor();
    await expect(mother.getByTestId('give-consent').count()).resolves.toBe(0);
    await expect(mother.getByTestId('withheld').last().textContent()).resolves.toMatch(/Waarom niet\?\s*\S+/);
    await scan(mother, 'moeder toestemming', findings);
    expect(findings).toEqual([]);
  });
});
