/**
 * Law v2 in the browser (issue 16, Deliver 3: "the web application can record each new kind of person, term and
 * fact"): the representatives of an adult (curator, mentor, authorised person, partner, child, sibling) with their
 * periods, custody of a non-parent (BW 1:253t), a competence assessment that makes an adult represented (BW 7:465
 * lid 3), a death recorded and corrected with a wish in life per person (Jeugdwet 7.3.12a), the retention term kinds
 * of 003 §3.2 with the warning below the legal minimum and a good-care extension (Jeugdwet 7.3.8), a research
 * disclosure without consent on its ground (Jeugdwet 7.3.12), and a request's extension notice with its reasons and
 * the day the answer was received (AVG 12(3); 003 §4). Real server with the demo organisation, Debian's Chromium,
 * axe-core at zero violations on each screen.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RELATIONS } from '../src/shared/labels.js';
import { amsterdamDate, expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();
const { pageFor } = demo;

function card(page: Page, title: string): Locator {
  return page.locator('section.card', { has: page.getByRole('heading', { level: 2, name: title }) });
}

const dutchDate = (iso: string) => new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T12:00:00`));

async function addRelation(custody: Locator, relation: string, givenNames: string, from: string): Promise<Locator> {
  await custody.getByRole('button', { name: 'Ouder, voogd, vertegenwoordiger of andere relatie toevoegen' }).click();
  await custody.getByLabel('Relatie', { exact: true }).selectOption(relation);
  await custody.getByLabel('Voornamen').fill(givenNames);
  await custody.getByLabel('Achternaam').fill('Demo-Hoekstra');
  await custody.getByLabel('Hoe is dit vastgesteld?').fill('Beschikking van de kantonrechter gezien');
  await custody.getByLabel(/Vertegenwoordigt vanaf|Geldig vanaf/).fill(from);
  await custody.getByRole('button', { name: 'Relatie opslaan' }).click();
  const row = custody.getByTestId('relations').getByRole('row', { name: new RegExp(`${givenNames} Demo-Hoekstra`) });
  await row.waitFor();
  return row;
}

describe('law v2 in the browser', () => {
  it('relations: each representative of an adult with a period, one ended; then a competence assessment makes the adult represented', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Lieke Demo-Hoekstra');
    const custody = card(page, 'Gezag en vertegenwoordiging');
    await custody.getByTestId('relations').waitFor();
    const people: [string, string][] = [
      ['curator', 'Cor'], ['mentor', 'Mia'], ['authorised', 'Aart'], ['partner', 'Pim'], ['child', 'Kiki'], ['sibling', 'Bas'],
    ];
    for (const [relation, name] of people) {
      const row = await addRelation(custody, relation, name, amsterdamDate(-30));
      // The relation is shown in words, never as a code, and never with custody (BW 7:465 lid 3: a representative, not a custodian).
      expect(await row.innerText()).toContain(RELATIONS[relation as keyof typeof RELATIONS]);
      expect(await row.innerText()).toContain('Nee');
    }
    await expectAccessible(page);

    // A period ends: the partnership is over.
    const partner = custody.getByTestId('relations').getByRole('row', { name: /Pim Demo-Hoekstra/ });
    await partner.getByRole('button', { name: 'Relatie met Pim Demo-Hoekstra beëindigen' }).click();
    const end = custody.getByRole('form', { name: 'Relatie met Pim Demo-Hoekstra beëindigen' });
    await end.getByLabel('Laatste dag dat de relatie met Pim Demo-Hoekstra geldt').fill(amsterdamDate(-1));
    await end.getByRole('button', { name: 'Relatie beëindigen' }).click();
    await expect.poll(() => partner.innerText()).toContain(' t/m ');
    await screenshot(page, 'law-v2-representatives');

    // Lieke (19) cannot oversee her interests in her dossier rights: the curator represents her.
    const competence = card(page, 'Wilsbekwaamheid');
    await competence.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
    await competence.getByLabel('Waarover?').selectOption('dossier-rights');
    await competence.getByLabel('Nee').check();
    await competence.getByLabel('Op welke feiten rust de beoordeling?').fill('Lieke kan nu niet overzien wat inzage en delen van haar dossier betekent.');
    await competence.getByLabel('Wie is geraadpleegd?').fill('De gedragswetenschapper van het team');
    const representative = competence.getByLabel('Wie vertegenwoordigt de jongere hierin?');
    await representative.selectOption({ label: `Cor Demo-Hoekstra (${RELATIONS.curator.toLowerCase()})` });
    await expectAccessible(page);
    await competence.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await expect.poll(() => competence.getByTestId('competence-assessments').innerText()).toContain('vertegenwoordigd door Cor Demo-Hoekstra');

    // The engine now treats the curator as Lieke's representative: a request from the curator shows that standing.
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Verzoeken' }).click();
    await page.getByRole('heading', { name: 'Verzoeken', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Nieuw verzoek vastleggen' }).click();
    await page.getByLabel('Soort verzoek').selectOption('inspect');
    const requester = page.getByLabel('Van wie komt het verzoek?');
    const curatorOption = await requester.locator('option', { hasText: 'Cor Demo-Hoekstra' }).getAttribute('value');
    await requester.selectOption(curatorOption);
    await page.getByLabel('Wat wordt er precies gevraagd?').fill('De curator wil het dossier inzien.');
    await page.getByLabel('Identiteit gecontroleerd met').selectOption('identity-card');
    await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    await page.getByTestId('intake').waitFor();
    expect(await page.getByTestId('intake').innerText()).toContain('Toegestaan');
    await expect.poll(() => page.locator('main').innerText()).toContain('vertegenwoordiger (curator)');
    await expectAccessible(page);
    await screenshot(page, 'law-v2-represented-adult');
  });

  it('custody of a non-parent together with a parent (BW 1:253t)', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Emre Demo-Yilmaz');
    const custody = card(page, 'Gezag en vertegenwoordiging');
    await custody.getByRole('button', { name: 'Ouder, voogd, vertegenwoordiger of andere relatie toevoegen' }).click();
    await custody.getByLabel('Relatie', { exact: true }).selectOption('other');
    await custody.getByLabel('Voornamen').fill('Deniz');
    await custody.getByLabel('Achternaam').fill('Demo-Arslan');
    await custody.getByLabel(/Heeft samen met een ouder het gezag/).check();
    await custody.getByLabel('Hoe is het gezag ontstaan?').selectOption('court-decision');
    await custody.getByLabel('Hoe is het gezag vastgesteld?').fill('Gezagsregister geraadpleegd');
    await custody.getByLabel('Geldig vanaf').fill(amsterdamDate(-400));
    await expectAccessible(page);
    await custody.getByRole('button', { name: 'Relatie opslaan' }).click();
    const row = custody.getByTestId('relations').getByRole('row', { name: /Deniz Demo-Arslan/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Gezamenlijk gezag met niet-ouder');
    await screenshot(page, 'law-v2-non-parent-custody');
  });

  it('death: recorded, corrected (the earlier record stays, marked corrected), and a wish in life per person', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Milan Demo-Visser');
    const death = card(page, 'Overlijden');
    await death.getByRole('button', { name: 'Overlijden vastleggen' }).click();
    await death.getByLabel('Datum van overlijden').fill(amsterdamDate(-2));
    await death.getByRole('button', { name: 'Overlijden vastleggen' }).click();
    await expect.poll(() => death.innerText()).toContain('Overleden op');

    const correction = death.getByRole('form', { name: 'Overlijden corrigeren' });
    await correction.getByLabel('Wat klopt er niet?').selectOption('died-on');
    await correction.getByLabel('Juiste datum van overlijden').fill(amsterdamDate(-3));
    await correction.getByLabel('Hoe is dit vastgesteld?').selectOption('death-certificate');
    await correction.getByRole('button', { name: 'Correctie vastleggen' }).click();
    // The earlier record stays, marked corrected; the corrected day is shown beside it.
    await expect.poll(() => death.getByTestId('death-records').innerText()).toContain('— gecorrigeerd');
    await expect.poll(() => death.getByTestId('death-records').innerText()).toContain(dutchDate(amsterdamDate(-3)));

    // Milan wrote at 16 that his mother may see the dossier and his father may not.
    const wish = death.getByRole('form', { name: 'Wens over inzage na overlijden vastleggen' });
    for (const [who, what] of [['Ingrid Demo-Visser', 'consented'], ['Bram Demo-Visser', 'objected']] as const) {
      await wish.getByLabel('Over wie?').selectOption({ label: who });
      await wish.getByLabel('Wat wilde de cliënt?').selectOption(what);
      await wish.getByLabel('Datum waarop de cliënt dit vastlegde').fill(amsterdamDate(-400));
      await wish.getByRole('button', { name: 'Wens vastleggen' }).click();
      await expect.poll(() => death.getByTestId('death-records').innerText()).toContain(`${who}:`);
    }
    await expectAccessible(page);
    await screenshot(page, 'law-v2-death');
  });

  it('retention: the term kinds of 003 §3.2, the warning below the legal minimum, and a good-care extension', async () => {
    const holder = await pageFor('demo.hulpverlener');
    await openClient(holder, 'Sanne Demo-Bakker');
    const goodCare = card(holder, 'Langer bewaren voor goede zorg');
    await goodCare.getByLabel('Bewaren tot').fill('2060-06-30');
    await goodCare.getByLabel('Waarom goede zorg dit vraagt').fill('Seksueel misbruik in het gezin; de jongere kan het later nodig hebben.');
    await goodCare.getByRole('button', { name: 'Langer bewaren vastleggen' }).click();
    await goodCare.getByRole('status').waitFor();
    await expectAccessible(holder);

    const fg = await pageFor('demo.fg');
    await fg.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacy' }).click();
    await fg.getByRole('link', { name: 'Bewaartermijnen' }).click();
    const setting = fg.locator('form', { has: fg.getByRole('heading', { name: 'Bewaartermijn van de organisatie' }) });
    await setting.getByLabel('Soort termijn').selectOption('years-after-last-change');
    await setting.getByLabel('Aantal jaren').fill('15');
    await setting.getByLabel('Waarom zo lang?').fill('Beleid van de organisatie');
    await setting.getByRole('button', { name: 'Termijn opslaan' }).click();
    await expect.poll(() => setting.innerText()).toContain('15 jaar na de laatste wijziging');
    await setting.locator('.warning').waitFor();
    for (const [kind, age, whom] of [['client-age', '24', 'de cliënt 24 jaar'], ['youngest-child-age', '18', 'het jongste kind van het gezin 18 jaar']] as const) {
      await setting.getByLabel('Soort termijn').selectOption(kind);
      await setting.getByLabel('Leeftijd in jaren').fill(age);
      await setting.getByRole('button', { name: 'Termijn opslaan' }).click();
      await expect.poll(() => setting.innerText()).toContain(`tot ${whom} is`);
    }

    const one = fg.locator('section.card', { has: fg.getByRole('heading', { name: 'Bewaren van één dossier' }) });
    // Found by name (issue 15 item 8: the privacy officer never types a client number).
    await one.getByLabel('Naam van de cliënt om te bekijken').fill('Sanne Demo-Bakker');
    await one.getByRole('button', { name: 'Zoeken' }).click();
    await one.getByRole('button', { name: 'Bekijken: Sanne Demo-Bakker' }).click();
    await expect.poll(() => one.getByTestId('dossier-retention').innerText()).toContain('Langer bewaren voor goede zorg tot en met 30 juni 2060');
    await expectAccessible(fg);
    await screenshot(fg, 'law-v2-retention');
  });

  it('a research disclosure without consent is recorded on its ground (Jeugdwet 7.3.12)', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Noor Demo-de Boer');
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Verstrekkingen' }).click();
    await page.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
    await page.getByLabel('Aan wie?').fill('Universiteit (fictief), onderzoek naar jeugdhulp');
    await page.getByLabel('Op welke grond?').selectOption('research');
    await page.getByLabel(/Zonder toestemming van de cliënt/).check();
    await page.getByLabel('Waarom zonder toestemming?').selectOption('consent-not-possible');
    await page.getByLabel(/niet tot de cliënt te herleiden/).check();
    await page.getByLabel(/algemeen belang/).check();
    await page.getByLabel('Welke waarborgen zijn er, en waarom wordt geen toestemming gevraagd?').fill('Gegevens zonder naam en BSN; de ouders zijn niet meer te bereiken.');
    await page.getByLabel('Welk deel van het dossier?').selectOption('administrative-data');
    await page.getByLabel('Welke gegevens precies?').fill('Leeftijd en soort hulp');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Verstrekking opslaan' }).click();
    await expect.poll(() => page.getByTestId('disclosures').innerText()).toContain('zonder toestemming');
    await screenshot(page, 'law-v2-research-disclosure');
  });

  it('a request: the extension notice with its reasons, then the day the answer was received sets the appeal deadline', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Jayden Demo-Pinas');
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Verzoeken' }).click();
    await page.getByRole('heading', { name: 'Verzoeken', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Nieuw verzoek vastleggen' }).click();
    await page.getByLabel('Soort verzoek').selectOption('inspect');
    await page.getByLabel('Wat wordt er precies gevraagd?').fill('Ik wil mijn hele dossier zien.');
    await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    await page.getByTestId('intake').waitFor();

    await page.getByRole('button', { name: 'Termijn verlengen' }).click();
    await page.getByLabel('Datum waarop het bericht is verstuurd').fill(amsterdamDate(0));
    await page.getByLabel(/Redenen van de vertraging/).fill('Het dossier is groot en er staan gegevens van anderen in.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Verlenging vastleggen' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('met als reden: Het dossier is groot en er staan gegevens van anderen in.');
    await expect.poll(() => page.locator('main').innerText()).toContain('(verlengd, bericht verstuurd');

    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByTestId('decision').waitFor();
    await page.getByLabel('Datum waarop de verzoeker het antwoord ontving').fill(amsterdamDate(0));
    await page.getByRole('button', { name: 'Ontvangst vastleggen' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain(`zes weken nadat het antwoord is ontvangen op ${dutchDate(amsterdamDate(0))}`);
    await expectAccessible(page);
    await screenshot(page, 'law-v2-request-deadlines');
  });
});
