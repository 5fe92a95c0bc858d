/**
 * Daily administration in the browser (issue 15, Deliver 4): relations and custody (never ticked by default; how
 * custody came about shown; ending a relation; administrative staff acting for the holder), consents recorded by
 * administrative staff for an involved professional, the care team (add, end, hand the dossier to another holder),
 * the objection to interns and competence assessments. Each form shows only to whom the engine allows the act;
 * anyone else reads the engine's reason instead, before filling anything in. Real server with the demo
 * organisation, Debian's Chromium, axe-core on each screen.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CUSTODY_BASES } from '../src/shared/labels.js';
import { expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();
const { pageFor } = demo;

function card(page: Page, title: string): Locator {
  return page.locator('section.card', { has: page.getByRole('heading', { level: 2, name: title }) });
}

/** A date in words as the browser (Europe/Amsterdam) shows it — not in this process's time zone, which may be a day behind at night. */
const dutchDate = (d: Date) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(d);

describe('daily administration', () => {
  it('relations: how custody came about is shown; custody is never ticked; the holder adds a custodian and ends a relation', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Emre Demo-Yilmaz');
    const custody = card(page, 'Gezag en vertegenwoordiging');
    // The demo's single-headed custody came about by law (the mother alone): the list says so, in words.
    await expect.poll(() => custody.getByTestId('relations').innerText()).toContain(CUSTODY_BASES['by-law-mother']);
    await custody.getByRole('button', { name: 'Ouder, voogd, vertegenwoordiger of andere relatie toevoegen' }).click();
    const hasCustody = custody.getByLabel('Heeft gezag');
    expect(await hasCustody.isChecked()).toBe(false);
    await custody.getByLabel('Voornamen').fill('Selin');
    await custody.getByLabel('Achternaam').fill('Demo-Kaya');
    await hasCustody.check();
    // Neither the kind of custody nor how it came about is chosen for the user.
    expect(await custody.getByLabel('Soort gezag').inputValue()).toBe('');
    expect(await custody.getByLabel('Hoe is het gezag ontstaan?').inputValue()).toBe('');
    await custody.getByLabel('Soort gezag').selectOption('single-headed-parental');
    await custody.getByLabel('Hoe is het gezag ontstaan?').selectOption('court-decision');
    await custody.getByLabel('Hoe is het gezag vastgesteld?').fill('Beschikking van de rechtbank gezien');
    await expectAccessible(page);
    await custody.getByRole('button', { name: 'Relatie opslaan' }).click();
    const row = custody.getByTestId('relations').getByRole('row', { name: /Selin Demo-Kaya/ });
    await row.waitFor();
    expect(await row.innerText()).toContain(CUSTODY_BASES['court-decision']);
    expect(await row.innerText()).toContain('Beschikking van de rechtbank gezien');

    await row.getByRole('button', { name: 'Relatie met Selin Demo-Kaya beëindigen' }).click();
    const end = custody.getByRole('form', { name: 'Relatie met Selin Demo-Kaya beëindigen' });
    await end.getByRole('button', { name: 'Relatie beëindigen' }).click();
    await expect.poll(() => row.innerText()).toContain(' t/m ');
    await expectAccessible(page);
    await screenshot(page, 'administration-relations');
  });

  it('relations: a substitute sees no form but the engine\'s reason; administrative staff get the form acting for the holder only', async () => {
    const colleague = await pageFor('demo.collega');
    await openClient(colleague, 'Emre Demo-Yilmaz');
    const custody = card(colleague, 'Gezag en vertegenwoordiging');
    await custody.getByTestId('not-allowed').waitFor();
    expect(await custody.getByTestId('not-allowed').innerText()).toContain('niet de dossierhouder');
    expect(await custody.getByRole('button', { name: /relatie toevoegen/ }).count()).toBe(0);
    expect(await custody.getByRole('button', { name: /beëindigen/ }).count()).toBe(0);
    await expectAccessible(colleague);

    const admin = await pageFor('demo.administratie');
    await openClient(admin, 'Emre Demo-Yilmaz');
    const adminCustody = card(admin, 'Gezag en vertegenwoordiging');
    await adminCustody.getByTestId('not-allowed').waitFor();
    expect(await adminCustody.getByTestId('not-allowed').innerText()).toContain('namens de hulpverlener');
    const namens = adminCustody.getByLabel('Namens wie legt u dit vast?');
    await namens.selectOption({ label: 'Jeroen de Wit (Gezinsbehandelaar)' });
    expect(await adminCustody.getByTestId('not-allowed').innerText()).toContain('alleen namens de dossierhouder');
    await namens.selectOption({ label: 'Fatima el Amrani (Jeugdhulpverlener), dossierhouder' });
    await adminCustody.getByRole('button', { name: 'Ouder, voogd, vertegenwoordiger of andere relatie toevoegen' }).click();
    await adminCustody.getByLabel('Relatie', { exact: true }).selectOption('parent');
    await adminCustody.getByLabel('Voornamen').fill('Kerem');
    await adminCustody.getByLabel('Achternaam').fill('Demo-Yilmaz');
    await adminCustody.getByLabel('Hoe is dit vastgesteld?').fill('Uittreksel BRP, geen gezag');
    await expectAccessible(admin);
    await adminCustody.getByRole('button', { name: 'Relatie opslaan' }).click();
    await adminCustody.getByTestId('relations').getByRole('row', { name: /Kerem Demo-Yilmaz/ }).waitFor();
    await screenshot(admin, 'administration-relations-admin-staff');
  });

  it('consents: administrative staff read why not, then record one acting for an involved professional (004 C)', async () => {
    const admin = await pageFor('demo.administratie');
    await openClient(admin, 'Lieke Demo-Hoekstra');
    const consents = card(admin, 'Toestemmingen');
    await consents.getByTestId('not-allowed').waitFor();
    expect(await consents.getByTestId('not-allowed').innerText()).toContain('namens die hulpverlener');
    expect(await consents.getByRole('button', { name: 'Toestemming vastleggen' }).count()).toBe(0);
    await consents.getByLabel('Namens wie legt u toestemmingen vast?').selectOption({ label: 'Jeroen de Wit (Gezinsbehandelaar)' });
    await consents.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await consents.getByLabel('Welke uitleg is vooraf gegeven?').fill('Uitleg over de hulp gegeven in het intakegesprek; formulier ondertekend ontvangen.');
    await expectAccessible(admin);
    await consents.getByRole('button', { name: 'Toestemming opslaan' }).click();
    await expect.poll(() => consents.getByRole('listitem').filter({ hasText: 'Toestemming voor de hulp — De cliënt' }).count()).toBe(1);
    await screenshot(admin, 'administration-consents-admin-staff');
  });

  it('formal data: the holder records a move; the old address stays in the history with who and how it became known', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Jayden Demo-Pinas');
    const identity = card(page, 'Identiteit');
    await identity.getByRole('button', { name: 'Adres of contactgegevens wijzigen' }).click();
    expect(await identity.getByLabel('Straat en huisnummer').inputValue()).toBe('Voorbeeldstraat 1');
    await identity.getByLabel('Straat en huisnummer').fill('Kastanjelaan 12');
    await identity.getByLabel('Telefoon').fill('06 9876 5432');
    await identity.getByLabel('Hoe zijn de nieuwe gegevens bekend geworden?').fill('Doorgegeven door de voogd, telefonisch');
    await expectAccessible(page);
    await identity.getByRole('button', { name: 'Gegevens opslaan' }).click();
    const history = identity.getByTestId('correction-history');
    await history.waitFor();
    const text = await history.innerText();
    expect(text).toContain('Voorbeeldstraat 1 → Kastanjelaan 12');
    expect(text).toContain('Fatima el Amrani');
    expect(text).toContain('Doorgegeven door de voogd, telefonisch');
    expect(await identity.innerText()).toContain('Kastanjelaan 12, 1234 AB, Demodorp');
    await screenshot(page, 'administration-formal-data');
  });

  it('care team: the holder adds a colleague, ends a membership and hands the dossier over; a substitute reads why not', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Sanne Demo-Bakker');
    const team = card(page, 'Wie werkt met deze cliënt');
    await team.getByTestId('care-team').waitFor();
    // The holder's own line offers no end (the server refuses it, 409): it points at the hand-over instead.
    const holderLine = team.getByTestId('care-team').getByRole('listitem').filter({ hasText: '— Dossierhouder' });
    expect(await holderLine.count()).toBeGreaterThan(0);
    expect(await holderLine.getByRole('button', { name: /beëindigen/ }).count()).toBe(0);
    expect(await holderLine.last().innerText()).toContain('Dossierhouder wijzigen');
    await team.getByRole('button', { name: 'Iemand aan het team toevoegen' }).click();
    await team.getByLabel('Collega').selectOption({ label: 'Jeroen de Wit (Gezinsbehandelaar)' });
    // A holder joins only through the hand-over (one holder on each day, Jeugdwet 7.3.8): the form offers no holder role.
    expect(await team.getByLabel('Rol in het team').locator('option').allInnerTexts()).not.toContain('Dossierhouder');
    await team.getByLabel('Rol in het team').selectOption('member');
    await expectAccessible(page);
    await team.getByRole('button', { name: 'Toevoegen aan het team' }).click();
    const membership = team.getByTestId('care-team').getByRole('listitem').filter({ hasText: 'Jeroen de Wit (Gezinsbehandelaar) — Teamlid' });
    await membership.waitFor();
    await membership.getByRole('button', { name: /beëindigen/ }).click();
    await team.getByRole('button', { name: 'Lidmaatschap beëindigen' }).click();
    await expect.poll(() => membership.innerText()).toContain(' t/m ');

    await team.getByRole('button', { name: 'Dossierhouder wijzigen' }).click();
    await team.getByLabel('Nieuwe dossierhouder').selectOption({ label: 'Jeroen de Wit (Gezinsbehandelaar)' });
    await team.getByRole('button', { name: 'Dossierhouder wijzigen' }).last().click();
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    await expect.poll(() => team.getByTestId('care-team').innerText())
      .toContain(`Jeroen de Wit (Gezinsbehandelaar) — Dossierhouder, vanaf ${dutchDate(tomorrow)}`);
    await expectAccessible(page);
    await screenshot(page, 'administration-care-team');

    const colleague = await pageFor('demo.collega');
    await openClient(colleague, 'Sanne Demo-Bakker');
    const theirs = card(colleague, 'Wie werkt met deze cliënt');
    await theirs.getByTestId('not-allowed').waitFor();
    expect(await theirs.getByTestId('not-allowed').innerText()).toContain('Alleen de dossierhouder van deze cliënt of een leidinggevende');
    expect(await theirs.getByRole('button', { name: 'Iemand aan het team toevoegen' }).count()).toBe(0);
  });

  it('objection to interns: a substitute records it at once, only the holder withdraws it', async () => {
    const colleague = await pageFor('demo.collega');
    await openClient(colleague, 'Milan Demo-Visser');
    const objection = card(colleague, 'Bezwaar tegen stagiairs');
    await objection.getByRole('button', { name: 'Bezwaar tegen stagiairs vastleggen' }).click();
    await expect.poll(() => objection.getByTestId('intern-objection').innerText()).toContain('De cliënt wil niet dat stagiairs het dossier lezen');
    expect(await objection.getByTestId('not-allowed').innerText()).toContain('Alleen de dossierhouder of een leidinggevende');
    await expectAccessible(colleague);

    const holder = await pageFor('demo.hulpverlener');
    await openClient(holder, 'Milan Demo-Visser');
    const theirs = card(holder, 'Bezwaar tegen stagiairs');
    await theirs.getByRole('button', { name: 'Bezwaar intrekken' }).click();
    await expect.poll(() => theirs.getByTestId('intern-objection').innerText()).toContain('geen bezwaar');
    await screenshot(holder, 'administration-intern-objection');
  });

  it('competence: the holder records an assessment, nothing preselected; administrative staff read why they cannot', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Sanne Demo-Bakker');
    const competence = card(page, 'Wilsbekwaamheid');
    await competence.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    // Once on CI the form had not opened 30 s after the click: say what the card showed instead.
    await competence.getByLabel('Waarover?').waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      await screenshot(page, 'administration-competence-not-opened');
      throw new Error(`the competence form did not open; the card shows: ${await competence.innerText()}`, { cause: error });
    });
    expect(await competence.getByLabel('Ja').isChecked()).toBe(false);
    expect(await competence.getByLabel('Nee').isChecked()).toBe(false);
    await competence.getByLabel('Waarover?').selectOption('dossier-rights');
    await competence.getByLabel('Ja').check();
    await competence.getByLabel('Op welke feiten rust de beoordeling?').fill('Sanne vertelt in eigen woorden wat inzage betekent en wat de gevolgen zijn.');
    await competence.getByLabel('Wie is geraadpleegd?').fill('De gedragswetenschapper van het team');
    await expectAccessible(page);
    await competence.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await expect.poll(() => competence.getByTestId('competence-assessments').innerText()).toContain('kan de eigen belangen overzien');
    await screenshot(page, 'administration-competence');

    const admin = await pageFor('demo.administratie');
    await openClient(admin, 'Sanne Demo-Bakker');
    const theirs = card(admin, 'Wilsbekwaamheid');
    await theirs.getByTestId('not-allowed').waitFor();
    expect(await theirs.getByTestId('not-allowed').innerText()).toContain('Alleen de hulpverleners die bij de hulp betrokken zijn');
    expect(await theirs.getByRole('button', { name: 'Beoordeling vastleggen' }).count()).toBe(0);
    await expectAccessible(admin);
  });
});
