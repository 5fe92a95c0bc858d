/**
 * Layout and keyboard (issue 15, item 10): no page scrolls sideways on a phone (390 px) or overflows on a laptop
 * (1366 px), for every role's pages; the client's name and parts stay in view; a form opened in place takes the
 * focus and gives it back; an action that cannot be undone asks first. Screenshots of every page at both widths
 * land in the git-ignored e2e-screenshots/.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiCall, expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const { pageFor } = useDemoBrowser();

const WIDTHS = [390, 1366] as const;

/** Every page each role can reach from the main menu (client pages are added from the caseload). */
const PAGES: Record<string, string[]> = {
  'demo.hulpverlener': ['/', '/verzoeken', '/werkaantekeningen'],
  'demo.manager': ['/', '/verzoeken', '/registers', '/rollen', '/noodtoegang'],
  'demo.administratie': ['/', '/verzoeken', '/registers'],
  'demo.fg': [
    '/privacy', '/privacy/ongewoon', '/privacy/verstrekkingen', '/privacy/toegang', '/privacy/datalekken', '/privacy/bewaren',
    '/privacy/verwerkingen', '/registers', '/rollen', '/logboek-beheer',
  ],
  'demo.beheer': ['/beheer'],
};

interface Width { page: number; viewport: number; sticking: string[] }

/** The document's width against the viewport's, and the elements that reach past the viewport's right edge. */
async function measure(page: Page): Promise<Width> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const sticking: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      // Inside a region that scrolls on its own (a wide table), overflow is that region's, not the page's.
      if (element.closest('.wide') !== null && !element.classList.contains('wide')) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > viewport + 1) sticking.push(`${element.tagName.toLowerCase()}.${(element as HTMLElement).className} (${Math.round(box.right)} px)`);
    }
    return { page: document.documentElement.scrollWidth, viewport, sticking: sticking.slice(0, 5) };
  });
}

async function settle(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.loading') === null);
}

describe('layout on a phone and a laptop (issue 15)', () => {
  for (const [user, paths] of Object.entries(PAGES)) {
    it(`shows every page of ${user} without sideways scrolling at 390 px and without overflow at 1366 px`, async () => {
      const page = await pageFor(user);
      let all = paths;
      if (user === 'demo.hulpverlener') {
        const client = await openClient(page, 'Sanne Demo-Bakker');
        all = [...paths, ...['', '/tijdlijn', '/verzoeken', '/verstrekkingen'].map((tab) => `/clienten/${client}${tab}`)];
      }
      const failures: string[] = [];
      try {
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          for (const path of all) {
            await settle(page, path);
            const measured = await measure(page);
            if (measured.page > measured.viewport || measured.sticking.length > 0) failures.push(`${width} px ${path}: ${measured.page} px wide; ${measured.sticking.join(', ')}`);
            if (width === 1366) {
              // On a laptop no table needs its own scrolling either.
              const scrolling = await page.locator('.wide').evaluateAll((regions) => regions.filter((r) => r.scrollWidth > r.clientWidth + 1).length);
              if (scrolling > 0) failures.push(`1366 px ${path}: ${scrolling} table(s) scroll sideways`);
            }
            await screenshot(page, `layout-${width}-${user.replace('demo.', '')}${path.replace(/\/[0-9a-f-]{36}/, '/client').replace(/\//g, '_') || '_'}`);
          }
        }
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      expect(failures).toEqual([]);
    });
  }

  it('keeps a wide table scrollable by keyboard on a phone and accessible to axe', async () => {
    const page = await pageFor('demo.fg');
    await page.setViewportSize({ width: 390, height: 900 });
    try {
      await settle(page, '/privacy/verwerkingen');
      const region = page.getByRole('region', { name: 'Verwerkingsregister (tabel)' });
      expect(await region.evaluate((r) => r.scrollWidth > r.clientWidth)).toBe(true);
      await region.focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => (document.querySelector('.wide')?.scrollLeft ?? 0) > 0);
      await expectAccessible(page);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('keeps the client\'s name and the dossier parts in view while scrolling the timeline', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Sanne Demo-Bakker');
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Dossier (tijdlijn)' }).click();
    await page.locator('ol.timeline').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const head = page.locator('.client-head');
    expect(await head.evaluate((h) => h.getBoundingClientRect().top)).toBe(0);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect(await head.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
  });

  it('moves the focus into a form opened in place and back to its button when it closes', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Sanne Demo-Bakker');
    const open = page.getByRole('button', { name: 'Afspraak vastleggen' });
    await open.click();
    const focused = await page.evaluate(() => document.activeElement?.closest('.subform') !== null && document.activeElement !== document.body);
    expect(focused).toBe(true);
    await page.locator('.subform').getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => open.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it('asks before an action that cannot be undone, and does nothing on Annuleren', async () => {
    const page = await pageFor('demo.hulpverlener');
    const client = await openClient(page, 'Sanne Demo-Bakker');
    const created = await apiCall(page, 'POST', `/api/clients/${client}/work-notes`, { text: 'Vragen naar de zwemles.' });
    expect(created.status).toBe(201);
    await page.reload();
    const note = page.getByTestId('work-notes').getByRole('listitem').filter({ hasText: 'Vragen naar de zwemles.' });
    const destroy = note.getByRole('button', { name: 'Vernietigen' });
    await destroy.click();
    const question = note.getByRole('group', { name: /vernietigen\? Dit kan niet ongedaan/ });
    await question.waitFor();
    expect(await question.getByRole('button', { name: 'Ja, vernietigen' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await question.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => destroy.evaluate((b) => b === document.activeElement)).toBe(true);
    const notes = JSON.parse((await apiCall(page, 'GET', '/api/work-notes')).text) as { notes: { text: string }[] };
    expect(notes.notes.map((n) => n.text)).toContain('Vragen naar de zwemles.');
    await destroy.click();
    await note.getByRole('button', { name: 'Ja, vernietigen' }).click();
    await expect.poll(async () => (JSON.parse((await apiCall(page, 'GET', '/api/work-notes')).text) as { notes: { text: string }[] }).notes.map((n) => n.text))
      .not.toContain('Vragen naar de zwemles.');
  });
});
