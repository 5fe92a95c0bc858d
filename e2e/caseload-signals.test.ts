/**
 * A caseload with signals (issue 15 item 9), in the browser: the care professional's caseload puts what needs
 * attention first — open requests and their deadlines, missing care consent, consents ending, an evaluation due,
 * emergency accesses — in Dutch with dates in words, in the engine's order. axe at zero; no horizontal scrolling at
 * 390 px, nothing sticking out at 1366 px.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();

describe('the caseload with signals', () => {
  it('shows each client\'s signals, most urgent first, in Dutch', async () => {
    const page = await demo.pageFor('demo.hulpverlener');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
    const table = page.getByTestId('caseload');
    await table.waitFor();
    await page.waitForFunction(() => document.querySelector('.loading') === null);
    await expect(table.getByRole('columnheader', { name: 'Aandacht' }).count()).resolves.toBe(1);
    // The order of attention: each row's most urgent signal is at least as urgent as the next row's.
    const tops = await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => {
      const first = row.querySelector('[data-urgency]');
      return first === null ? 0 : Number(first.getAttribute('data-urgency'));
    }));
    expect(tops.length).toBeGreaterThan(0);
    expect([...tops].sort((a, b) => b - a)).toEqual(tops);
    const text = (await table.textContent()) ?? '';
    expect(text).toMatch(/Dringend|Binnenkort|Ter info|Niets bijzonders/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|care-consent|legal-representatives|evaluation-due/);
    await expectAccessible(page);
    await screenshot(page, 'caseload-signals-1366');
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, `page width at ${width} px`).toBeLessThanOrEqual(client + 1);
    }
    await screenshot(page, 'caseload-signals-390');
  });
});
