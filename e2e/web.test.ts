/**
 * The web application for professionals, in a real browser against the real
 * server with the demo organisation. Each step also checks the page with
 * axe-core (WCAG 2.1 AA: no serious or critical violations) and saves a
 * screenshot of the main pages in e2e-screenshots/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentCode, expectAccessible, openClient, screenshot, useDemoBrowser } from './support.js';

const demo = useDemoBrowser();
const { pageFor } = demo;

describe('web application for professionals', () => {
  it('is served by the API server: the page for any non-API path, hashed assets cached, the API\'s own 404 kept', async () => {
    const deep = await fetch(`${demo.server.url}/clienten/onbekend/tijdlijn`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    expect(deep.headers.get('cache-control')).toBe('no-cache');
    expect(deep.headers.get('content-security-policy')).toContain('default-src \'self\'');
    const html = await deep.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${demo.server.url}${script!}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // An API path no route matches is the API's 404 (problem+json), never the web application's page.
    const api = await fetch(`${demo.server.url}/api/does-not-exist`);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect(api.status).toBe(404);
    // A real route without a session is still refused before it runs.
    const protectedRoute = await fetch(`${demo.server.url}/api/clients`);
    expect(protectedRoute.status).toBe(401);
  });

  it('logs in with password and TOTP code, and shows my caseload', async () => {
    const page = await demo.freshPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Stap 1: gebruikersnaam en wachtwoord' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, '01-inloggen');

    // A wrong password is refused with the server's Dutch message.
    await page.getByLabel('Gebruikersnaam').fill('demo.hulpverlener');
    await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await expect(page.getByTestId('problem').textContent()).resolves.toContain('Inloggen lukte niet');

    await page.getByLabel('Wachtwoord').fill('Regenboog-demo-2026');
    await page.getByRole('button', { name: 'Volgende stap' }).click();
    await page.getByLabel('Code (6 cijfers) of herstelcode').waitFor();
    await expectAccessible(page);
    await screenshot(page, '02-inloggen-code');
    // Keyboard use: the code field submits with Enter.
    await page.getByLabel('Code (6 cijfers) of herstelcode').fill(currentCode(demo.server.secrets.get('demo.hulpverlener')!));
    await page.getByLabel('Code (6 cijfers) of herstelcode').press('Enter');
    await page.getByRole('heading', { name: 'Mijn caseload' }).waitFor();
    demo.remember('demo.hulpverlener', page);
    await expect(page.getByTestId('who').textContent()).resolves.toContain('Fatima el Amrani');
    await page.getByTestId('caseload').locator('tbody tr').nth(5).waitFor();
    // The six demo clients and the portal's demo young person (src/demo/seed-portal-demo.ts), by the holder.
    await expect(page.getByTestId('caseload').locator('tbody tr').count()).resolves.toBe(7);
    await expectAccessible(page);
    await screenshot(page, '03-caseload');
  });

  it('opens a client (overview) and adds an entry with source and fact/opinion marking (DOMAIN §1)', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Sanne Demo-Bakker');
    await page.getByRole('heading', { name: 'Gezag en vertegenwoordiging' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('Gezamenlijk ouderlijk gezag');
    await page.getByRole('heading', { name: 'Noodsamenvatting' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, '04-client-overzicht');

    // Consents and start-of-care agreements are recorded from the overview (Jeugdwet 7.3.4; 003 §2.3.2).
    await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await page.getByLabel('Welke uitleg is vooraf gegeven?').fill('Uitgelegd wat de hulp inhoudt en hoe lang die duurt.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Toestemming opslaan' }).click();
    await page.getByRole('button', { name: 'ingetrokken door wie haar gaf' }).first().waitFor();
    await page.getByRole('button', { name: 'Afspraak vastleggen' }).click();
    await page.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await page.getByText(/Gespreksverslagen niet delen met ouders — sinds/).waitFor();

    await page.getByRole('link', { name: 'Dossier (tijdlijn)' }).click();
    await page.getByTestId('entry').first().waitFor();
    await page.getByRole('button', { name: 'Nieuwe dossierregel' }).click();
    await page.getByLabel('Soort', { exact: true }).selectOption('third-party-information');
    await page.getByLabel('Titel').fill('Bericht van de mentor');
    await page.getByLabel('Tekst', { exact: true }).fill('De mentor vertelt dat Sanne weer elke dag naar school gaat.');
    await page.getByLabel('Bron: van wie komt deze informatie?').selectOption('school');
    await page.getByLabel('Bron, toelichting').fill('mentor (fictief)');
    await page.getByLabel('Feit', { exact: true }).check();
    await page.getByRole('button', { name: 'Opslaan in het dossier' }).click();
    const entry = page.getByTestId('entry').filter({ hasText: 'Bericht van de mentor' });
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toMatch(/Bron: School \(mentor \(fictief\)\).*Feit/);
    await expectAccessible(page);
    await screenshot(page, '05-tijdlijn');

    // Filter by kind: only third-party information remains (the demo's school information and the mentor's message).
    const everyKind = await page.getByTestId('entry').count();
    await page.getByLabel('Soort tonen').selectOption('third-party-information');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="entry"] .kind')].every((k) => k.textContent === 'Informatie van derden'));
    await entry.waitFor();
    await expect(page.getByTestId('entry').count()).resolves.toBeLessThan(everyKind);
  });

  it('"Wijzigen" keeps the rewrite as an annotation beside the unchanged entry (append-only dossier, DOMAIN §1; issue 15)', async () => {
    const page = await pageFor('demo.hulpverlener');
    const entry = page.getByTestId('entry').filter({ hasText: 'Bericht van de mentor' });
    await entry.getByRole('button', { name: 'Wijzigen' }).click();
    const rewrite = entry.getByTestId('rewrite');
    // Said before anything is typed, with its articles, and the text typed is never thrown away.
    await expect(rewrite.textContent()).resolves.toContain('Een dossierregel verandert nooit');
    await expect(rewrite.textContent()).resolves.toContain('Jeugdwet 7.3.8');
    await rewrite.getByLabel('Nieuwe tekst').fill('De mentor vertelt dat Sanne weer bijna elke dag naar school gaat.');
    await expectAccessible(page);
    await screenshot(page, '06-wijzigen-als-aantekening');
    await rewrite.getByRole('button', { name: 'Opslaan als aantekening' }).click();
    await entry.getByText('De mentor vertelt dat Sanne weer bijna elke dag naar school gaat.').waitFor();

    await entry.getByRole('button', { name: 'Aantekening toevoegen' }).click();
    await entry.getByLabel('Soort aantekening').selectOption('addition');
    await entry.getByLabel('Aantekening', { exact: true }).fill('De mentor belt volgende maand opnieuw.');
    await entry.getByRole('button', { name: 'Aantekening opslaan' }).click();
    await entry.getByText('De mentor belt volgende maand opnieuw.').waitFor();
    // The original text is unchanged.
    await expect(entry.textContent()).resolves.toContain('De mentor vertelt dat Sanne weer elke dag naar school gaat.');
  });

  it('records a parent\'s inspection request for a 14-year-old: allowed (Jeugdwet 7.3.11, BW 7:456)', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Sanne Demo-Bakker');
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Verzoeken' }).click();
    await page.getByRole('button', { name: 'Nieuw verzoek vastleggen' }).click();
    await page.getByLabel('Soort verzoek').selectOption('inspect');
    await page.getByLabel('Van wie komt het verzoek?').selectOption({ label: 'Els Demo-Bakker (ouder, met gezag)' });
    await page.getByLabel('Wat wordt er precies gevraagd?').fill('Moeder wil het dossier inzien.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    const intake = page.getByTestId('intake');
    await intake.waitFor();
    await expect(intake.textContent()).resolves.toContain('Toegestaan');
    await expect(intake.textContent()).resolves.toContain('Toestemming van de jongere is daarvoor niet nodig');
    await expect(intake.textContent()).resolves.toContain('Jeugdwet 7.3.11');
    await expectAccessible(page);
    await screenshot(page, '07-verzoek-14-jaar');
  });

  it('records a parent\'s inspection request for a 17-year-old: asks for the young person\'s consent (BW 7:457, Jeugdwet 7.3.11)', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Milan Demo-Visser');
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Verzoeken' }).click();
    await page.getByRole('button', { name: 'Nieuw verzoek vastleggen' }).click();
    await page.getByLabel('Van wie komt het verzoek?').selectOption({ label: 'Ingrid Demo-Visser (ouder, met gezag)' });
    await page.getByLabel('Wat wordt er precies gevraagd?').fill('Moeder wil het dossier inzien.');
    await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    const intake = page.getByTestId('intake');
    await intake.waitFor();
    await expect(intake.textContent()).resolves.toContain('Toestemming nodig');
    await expect(intake.textContent()).resolves.toContain('toestemming van de jongere');
    await expect(intake.textContent()).resolves.toContain('BW 7:457');

    // Granting before the consent is recorded is refused, with the engine's explanation.
    await page.getByLabel('Besluit', { exact: true }).selectOption('granted');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect(page.getByTestId('problem').textContent()).resolves.toContain('pas worden toegewezen als de toestemming is vastgelegd');
    await expect(page.getByTestId('problem').getByTestId('basis').textContent()).resolves.toContain('BW 7:457');
    await expectAccessible(page);
    await screenshot(page, '08-verzoek-17-jaar-toestemming');

    await page.getByRole('button', { name: 'Toestemming van de jongere vastleggen' }).click();
    await page.getByText(/Toestemming vastgelegd op/).waitFor();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await expect(page.getByTestId('decision').textContent()).resolves.toContain('Besluit: Toewijzen');
  });

  it('decides a copy request and produces the copy PDF and the decision letter, with progress (AVG 15, BW 7:456)', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Lieke Demo-Hoekstra');
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Verzoeken' }).click();
    await page.getByRole('button', { name: 'Nieuw verzoek vastleggen' }).click();
    await page.getByLabel('Soort verzoek').selectOption('copy');
    await page.getByLabel('Wat wordt er precies gevraagd?').fill('Lieke wil een kopie van haar dossier.');
    await page.getByLabel('Identiteit gecontroleerd met').selectOption('identity-card');
    await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    await expect(page.getByTestId('intake').textContent()).resolves.toContain('Toegestaan');
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByTestId('decision').waitFor();

    const [copy] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Kopie van het dossier maken (PDF)' }).click(),
    ]);
    const copyBytes = readFileSync((await copy.path()));
    expect(copyBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect(page.getByTestId('progress').first().textContent()).resolves.toContain('100%');

    const [letter] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Besluitbrief downloaden (PDF)' }).click(),
    ]);
    expect(readFileSync((await letter.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(page);
    await screenshot(page, '09-kopie-pdf');

    // Fulfilment: the first copy is free (AVG 15 lid 3), so a fee is refused with the explanation.
    await page.getByLabel('Vergoeding in euro (alleen voor extra kopieën)').fill('5');
    await page.getByRole('button', { name: 'Uitvoering vastleggen' }).click();
    await expect(page.getByTestId('problem').last().textContent()).resolves.toContain('De eerste kopie is gratis');
    await expect(page.getByTestId('problem').last().textContent()).resolves.toContain('AVG 15 lid 3');
    await page.getByLabel('Vergoeding in euro (alleen voor extra kopieën)').fill('');
    await page.getByRole('button', { name: 'Uitvoering vastleggen' }).click();
    await page.getByText(/Uitgevoerd op/).waitFor();

    // A disclosure to the inspectorate lands in the client's list with its articles (003 §2.3.14).
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Verstrekkingen' }).click();
    await page.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
    await page.getByLabel('Aan wie?').fill('Inspectie Gezondheidszorg en Jeugd');
    await page.getByLabel('Op welke grond?').selectOption('consent');
    await page.getByLabel('Welke gegevens precies?').fill('Het plan van aanpak.');
    await page.getByRole('button', { name: 'Verstrekking opslaan' }).click();
    await expect(page.getByTestId('problem').textContent()).resolves.toContain('Noem de vastgelegde toestemming');
    await page.getByLabel('Op welke grond?').selectOption('inspectorate');
    await page.getByRole('button', { name: 'Verstrekking opslaan' }).click();
    await page.getByTestId('disclosures').getByText(/Inspectie Gezondheidszorg en Jeugd/).waitFor();
    await expectAccessible(page);
    await screenshot(page, '09b-verstrekkingen-client');

    // The requests dashboard lists open requests by due date.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Verzoeken' }).click();
    await page.getByTestId('requests-dashboard').waitFor();
    await expectAccessible(page);
    await screenshot(page, '10-verzoeken-dashboard');
  });

  let emergencyClientId = '';

  it('finds a client by name, prepares a 7-day download for an electronic copy request, and the requester fetches it with the code (AVG 12, 15)', async () => {
    const page = await pageFor('demo.hulpverlener');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
    await page.getByLabel('Zoek een cliënt: naam, geboortedatum of BSN').fill('lieke');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByTestId('search-results').getByRole('link', { name: 'Lieke Demo-Hoekstra' }).click();
    await page.getByRole('heading', { level: 1, name: /Lieke/ }).waitFor();
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Verzoeken' }).click();
    await page.getByRole('button', { name: 'Nieuw verzoek vastleggen' }).click();
    await page.getByLabel('Soort verzoek').selectOption('copy');
    await page.getByLabel('Hoe kwam het verzoek binnen?').selectOption('electronic');
    await page.getByLabel('Wat wordt er precies gevraagd?').fill('Lieke wil haar kopie per e-mail.');
    await page.getByLabel('Identiteit gecontroleerd met').selectOption('identity-card');
    await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByTestId('decision').waitFor();
    await page.getByRole('button', { name: 'Downloadlink maken' }).click();
    const prepared = page.getByTestId('prepared-link');
    await prepared.waitFor();
    const code = (await page.getByTestId('download-code').textContent())!.trim();
    const link = /(\/ophalen#[A-Za-z0-9_-]+)$/.exec((await page.getByTestId('download-link').textContent())!.trim())![1]!;
    await expectAccessible(page);
    await screenshot(page, '10b-downloadlink');

    // The requester has no account: a fresh browser without a session.
    const requester = await demo.freshPage();
    await requester.goto(`${demo.server.url}${link}`);
    await requester.getByRole('heading', { level: 1, name: 'Uw kopie van het dossier ophalen' }).waitFor();
    await requester.getByLabel('Code').fill('FOUTCODE');
    await requester.getByRole('button', { name: 'Kopie ophalen' }).click();
    await expect(requester.getByTestId('problem').textContent()).resolves.toContain('klopt niet');
    await requester.getByLabel('Code').fill(code);
    const [pdf] = await Promise.all([requester.waitForEvent('download'), requester.getByRole('button', { name: 'Kopie ophalen' }).click()]);
    expect(readFileSync((await pdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expectAccessible(requester);
    await screenshot(requester, '10c-ophalen');
  });

  it('gives emergency access with a reason to a professional without a care relation (003 §2.2.8)', async () => {
    // The holder registers a new client; the colleague has no relation with this one.
    const holder = await pageFor('demo.hulpverlener');
    await holder.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
    await holder.getByRole('button', { name: 'Nieuwe cliënt inschrijven' }).click();
    await holder.getByLabel('Voornamen').fill('Daan');
    await holder.getByLabel('Achternaam').fill('Demo-Noodgeval');
    await holder.getByLabel('Geboortedatum', { exact: true }).fill('2013-05-04');
    await holder.getByLabel('Straat en huisnummer').fill('Voorbeeldlaan 7');
    await holder.getByLabel('Postcode').fill('1234 AB');
    await holder.getByLabel('Woonplaats').fill('Demodorp');
    await holder.getByRole('button', { name: 'Inschrijven' }).click();
    await holder.getByRole('heading', { level: 1, name: /Daan Demo-Noodgeval/ }).waitFor();
    emergencyClientId = /\/clienten\/([0-9a-f-]{36})/.exec(holder.url())![1]!;

    const page = await pageFor('demo.collega');
    // A link with the client's id still opens the refusal with the way to emergency access (issue 15 removed the form).
    await page.goto(`/clienten/${emergencyClientId}`);
    const refusal = page.getByTestId('problem');
    await refusal.waitFor();
    await expect(refusal.getByTestId('basis').textContent()).resolves.toMatch(/\S/);
    await expectAccessible(page);
    await screenshot(page, '11-geweigerd-noodtoegang');

    await page.getByLabel('Reden voor noodtoegang').fill('Crisis in de avond; de vaste hulpverlener is niet bereikbaar.');
    // Issue 14: the summary first; the whole dossier only after a second confirmation.
    await page.getByRole('button', { name: 'Noodsamenvatting openen' }).click();
    await page.getByRole('heading', { name: 'Heeft u het hele dossier nodig?' }).waitFor();
    await page.getByTestId('emergency-summary').waitFor();
    await expectAccessible(page);
    await screenshot(page, '12-noodtoegang');
    await page.getByRole('button', { name: 'Ja, open het hele dossier' }).click();
    await page.getByRole('heading', { level: 1, name: /Daan Demo-Noodgeval/ }).waitFor();
  });

  it('lets the privacy officer review the emergency access and see who saw the dossier (AVG 32–34, NEN 7513)', async () => {
    const page = await pageFor('demo.fg');
    await page.getByRole('link', { name: 'Privacy' }).click();
    const item = page.getByTestId('review-item').filter({ hasText: 'Daan Demo-Noodgeval' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('Crisis in de avond');
    await expectAccessible(page);
    await screenshot(page, '13-privacy-noodtoegang');
    await item.getByLabel('Toelichting bij uw oordeel').fill('Gebeld met de dienstdoende; de crisis was echt.');
    await item.getByRole('button', { name: 'Terecht', exact: true }).click();
    await item.getByText('Vastgelegd: terecht').waitFor();

    await item.getByRole('link', { name: 'Bekijk wie dit dossier zag' }).click();
    const log = page.getByTestId('access-sessions'); // the log per session (issue 15 item 8)
    await log.waitFor();
    await expect(log.textContent()).resolves.toContain('Noodtoegang');
    await expect(log.textContent()).resolves.toContain('Jeroen de Wit');
    await expectAccessible(page);
    await screenshot(page, '14-wie-zag-dit-dossier');

    // The same view is one click away from the dossier itself.
    await page.goto(`/clienten/${emergencyClientId}`);
    await page.getByRole('link', { name: 'Wie zag dit dossier? (toegangslog)' }).click();
    await expect(page.getByTestId('access-sessions').textContent()).resolves.toContain('Noodtoegang');

    await page.getByRole('link', { name: 'Ongewone toegang' }).click();
    await page.getByRole('heading', { name: 'Toegang zonder behandelrelatie' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, '15-ongewone-toegang');

    await page.getByRole('link', { name: 'Verstrekkingen' }).click();
    await page.getByRole('heading', { name: 'Register van verstrekkingen' }).waitFor();
    // The disclosure recorded by the holder above is in the organisation's register.
    await page.getByRole('cell', { name: 'Inspectie Gezondheidszorg en Jeugd' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, '16-verstrekkingen');
  });

  it('lets the privacy officer register a data breach with its 72-hour deadline, and see the retention list and the records of processing (AVG 30, 33)', async () => {
    const page = await pageFor('demo.fg');
    await page.getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('link', { name: 'Datalekken' }).click();
    await page.getByLabel('Wat is er gebeurd?').fill('Een brief met gegevens van een cliënt is naar een verkeerd adres gestuurd.');
    await page.getByLabel('Risico', { exact: true }).selectOption('risk');
    await page.getByRole('button', { name: 'Datalek vastleggen' }).click();
    const breach = page.getByTestId('breaches').getByRole('listitem').filter({ hasText: 'verkeerd adres' });
    await breach.waitFor();
    await expect(breach.textContent()).resolves.toMatch(/uur/);
    await expectAccessible(page);
    await screenshot(page, '16b-datalekken');
    await page.getByRole('link', { name: 'Bewaartermijnen' }).click();
    await page.getByRole('heading', { name: 'Bewaartermijn van de organisatie' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Verwerkingsregister' }).click();
    await page.getByTestId('processing-activities').getByRole('cell', { name: 'Toegangslog' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, '16c-verwerkingsregister');
  });

  it('lets the manager keep complaints and calamities beside the dossier, with the inspectorate report (004 A; Jeugdwet 4.1.8)', async () => {
    const page = await pageFor('demo.manager');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Registers' }).click();
    await page.getByLabel('Van wie is de klacht?').fill('Een ouder');
    await page.getByLabel('Waar gaat de klacht over?').fill('De hulpverlener kwam twee keer niet opdagen.');
    await page.getByRole('button', { name: 'Klacht vastleggen' }).click();
    const complaint = page.getByTestId('complaints').getByRole('listitem').filter({ hasText: 'niet opdagen' });
    await complaint.getByLabel('Afhandeling').fill('Excuses gemaakt en nieuwe afspraken gemaakt.');
    await complaint.getByRole('button', { name: 'Klacht afsluiten' }).click();
    await complaint.getByText(/Bewaard tot/).waitFor();
    await expectAccessible(page);
    await screenshot(page, '16e-klachten');
    await page.getByRole('link', { name: 'Incidenten en calamiteiten' }).click();
    await page.getByLabel('Soort').selectOption('calamity');
    await page.getByLabel('Wat is er gebeurd?').fill('Ernstig voorval tijdens een logeerweekend.');
    await page.getByRole('button', { name: 'Incident vastleggen' }).click();
    const incident = page.getByTestId('incidents').getByRole('listitem').filter({ hasText: 'logeerweekend' });
    await incident.getByText('Nog melden bij de inspectie.').waitFor();
    await incident.getByRole('button', { name: 'Gemeld bij de inspectie' }).click();
    // It cannot be undone, so it asks first (issue 15 item 10).
    await incident.getByRole('button', { name: 'Ja, gemeld' }).click();
    await incident.getByText(/Gemeld bij de inspectie op/).waitFor();
    await expectAccessible(page);
  });

  it('makes a family dossier from a client and writes in the family part (003 §2.3.4)', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Sanne Demo-Bakker');
    await page.getByTestId('families').getByRole('button', { name: 'Gezinsdossier maken' }).click();
    await page.getByRole('heading', { level: 1, name: /Gezin/ }).waitFor();
    await page.getByLabel('Tekst').fill('Gezinsplan: vaste avond voor gezinsgesprekken.');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('family-entries').getByText('vaste avond').waitFor();
    await expectAccessible(page);
    await screenshot(page, '16f-gezinsdossier');
  });

  it('keeps personal work notes for their author only, outside the dossier (003 §2.3.13)', async () => {
    const page = await pageFor('demo.hulpverlener');
    await openClient(page, 'Sanne Demo-Bakker');
    const notes = page.getByTestId('work-notes');
    await notes.getByLabel('Nieuwe werkaantekening').fill('Volgende keer vragen naar de logeerpartij.');
    await notes.getByRole('button', { name: 'Bewaren' }).click();
    await notes.getByText('Volgende keer vragen naar de logeerpartij.').waitFor();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Werkaantekeningen' }).click();
    await page.getByText('Volgende keer vragen naar de logeerpartij.').waitFor();
    await expectAccessible(page);
    await screenshot(page, '16d-werkaantekeningen');
  });

  it('lets the administrator manage employees, roles and teams; a new employee sets their own password and TOTP through a one-time link', async () => {
    const page = await pageFor('demo.beheer');
    await page.getByRole('link', { name: 'Beheer' }).click();
    await page.getByTestId('employees').waitFor();
    await expectAccessible(page);
    await screenshot(page, '17-beheer-medewerkers');

    await page.getByRole('button', { name: 'Nieuwe medewerker' }).click();
    await page.getByLabel('Gebruikersnaam').fill('e2e.nieuw');
    await page.getByLabel('Naam', { exact: true }).fill('Nina Nieuw');
    await page.getByLabel('Functie').fill('Jeugdhulpverlener');
    await page.getByRole('button', { name: 'Medewerker aanmaken' }).click();
    // The administrator gets a one-time link, never a password (issue 14: separation of duties).
    const link = (await page.getByTestId('enrolment-link').locator('code').textContent())!;
    expect(link).toMatch(/\/inschrijven#[A-Za-z0-9_-]{43}$/);

    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByLabel('Naam van het nieuwe team').fill('Team Oost-E2E');
    await page.getByRole('button', { name: 'Team aanmaken' }).click();
    await page.getByRole('heading', { name: 'Team Oost-E2E' }).waitFor();
    await page.getByLabel('Lid toevoegen aan Team Oost-E2E').selectOption({ label: 'Nina Nieuw (Hulpverlener)' });
    await page.getByRole('button', { name: 'Toevoegen' }).last().click();
    await page.getByRole('button', { name: 'verwijderen uit Team Oost-E2E' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, '18-beheer-teams');

    // The new employee opens the link: their own password, their own second factor, recovery codes, and in.
    const fresh = await demo.freshPage();
    await fresh.goto(new URL(link).pathname + new URL(link).hash);
    await expect(fresh.getByTestId('enrolment-username').textContent()).resolves.toBe('e2e.nieuw');
    const secret = (await fresh.getByTestId('enrolment-secret').textContent())!;
    // The QR code (a data: URL from the API) is allowed by the Content-Security-Policy and actually drawn.
    const qr = fresh.getByRole('img', { name: /QR-code/ });
    await expect(qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    await expectAccessible(fresh);
    await screenshot(fresh, '19-account-instellen');
    await fresh.getByLabel('Wachtwoord', { exact: true }).fill('Zonnebloem-veld-2026!');
    await fresh.getByLabel('Wachtwoord nog een keer').fill('Zonnebloem-veld-2026!');
    await fresh.getByLabel('Code uit de app (6 cijfers)').fill(currentCode(secret));
    await fresh.getByRole('button', { name: 'Account instellen' }).click();
    await fresh.getByTestId('recovery-codes').locator('li').nth(9).waitFor();
    await expect(fresh.getByTestId('recovery-codes').locator('li').count()).resolves.toBe(10);
    await expectAccessible(fresh);
    await screenshot(fresh, '20-herstelcodes');
    await fresh.getByRole('button', { name: 'Ik heb de codes bewaard, verder' }).click();
    await fresh.getByRole('heading', { name: 'Mijn caseload' }).waitFor();
    await expect(fresh.getByTestId('who').textContent()).resolves.toContain('Nina Nieuw');
  });

  it('a manager role asked by the administrator waits for a second person; the privacy officer approves it and reads the administration log', async () => {
    const page = await pageFor('demo.beheer');
    await page.getByRole('link', { name: 'Beheer' }).click();
    const row = page.getByTestId('employees').locator('tr', { hasText: 'Nina Nieuw' });
    await row.getByLabel('Rol van Nina Nieuw').selectOption('manager');
    await row.getByRole('button', { name: 'Rol opslaan' }).click();
    await row.getByText('wacht op goedkeuring').waitFor();

    const officer = await pageFor('demo.fg');
    await officer.getByRole('link', { name: 'Rollen goedkeuren' }).click();
    await officer.getByTestId('role-grants').waitFor();
    await expectAccessible(officer);
    await screenshot(officer, '20b-rollen-goedkeuren');
    await officer.getByRole('button', { name: 'Rol van Nina Nieuw goedkeuren' }).click();
    await officer.getByText('Er wachten geen rollen op goedkeuring.').waitFor();

    await officer.getByRole('link', { name: 'Beheerlogboek' }).click();
    await officer.getByTestId('admin-log').getByText('Rol goedgekeurd').first().waitFor();
    await expect(officer.getByTestId('admin-log').textContent()).resolves.toContain('Account zelf ingesteld');
    await expectAccessible(officer);
    await screenshot(officer, '20c-beheerlogboek');
  });
});
