/**
 * The portability export as a spreadsheet (XLSX): personal data, relations,
 * consents and the dossier entries, one sheet each. Every text cell is
 * escaped against formula injection: a value starting with = + - @, tab, CR
 * or NUL would be run by a spreadsheet program as a formula, so it gets a
 * leading apostrophe and is always written as a string.
 */
import ExcelJS from 'exceljs';
import type { PortabilityExport } from './portability-export.js';

/** A cell value a spreadsheet program shows as text, never runs. */
export function spreadsheetText(value: string | null | boolean): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}

function sheet(book: ExcelJS.Workbook, name: string, header: string[], rows: (string | null | boolean)[][]): void {
  const ws = book.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  for (const row of rows) ws.addRow(row.map(spreadsheetText));
  for (const column of ws.columns) column.width = 24;
}

export async function portabilityWorkbook(data: PortabilityExport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = data.organisation;
  book.created = new Date(data.exportedAt);
  const c = data.client;
  sheet(book, 'Persoonsgegevens', ['Gegeven', 'Waarde'], [
    ['Achternaam', c.familyName], ['Voornamen', c.givenNames], ['Geboortedatum', c.birthDate], ['BSN', c.bsn], ['Geslacht', c.gender],
    ...(c.contactDataLeftOut
      ? [['Adres en contactgegevens', c.contactDataWithheld === null
          ? 'Niet opgenomen: deze gegevens geven wij niet aan u mee.'
          : `Niet opgenomen: ${c.contactDataWithheld.ground} (${c.contactDataWithheld.basis.join(', ')})`]]
      : [['Adres', c.streetAddress], ['Postcode', c.postcode], ['Woonplaats', c.town], ['Telefoon', c.phone], ['E-mail', c.email]]),
  ]);
  sheet(book, 'Relaties', ['Relatie', 'Gezag', 'Soort gezag', 'Achternaam', 'Voornamen', 'Vanaf', 'Tot'],
    data.relations.map((r) => [r.relation, r.hasCustody, r.custodyKind, r.familyName, r.givenNames, r.validFrom, r.validTo]));
  sheet(book, 'Toestemmingen', ['Soort', 'Gegeven door', 'Op', 'Aan', 'Doel', 'Geldig vanaf', 'Geldig tot', 'Ingetrokken'],
    data.consents.map((k) => [k.kind, k.givenBy, k.givenOn, k.recipient, k.purpose, k.validFrom, k.validTo, k.withdrawn]));
  sheet(book, 'Dossier', ['Datum', 'Soort', 'Titel', 'Tekst', 'Auteur', 'Bron', 'Feit of mening'],
    data.entries.map((e) => [e.recordedAt, e.kind, e.title, e.text, e.author, e.source, e.statementType]));
  sheet(book, 'Aantekeningen', ['Datum stuk', 'Soort', 'Aantekening of eigen verklaring', 'Datum'], data.entries.flatMap((e) => [
    ...e.annotations.map((a) => [e.recordedAt, a.kind, a.reason, a.recordedAt]),
    ...e.statements.map((st) => [e.recordedAt, `eigen verklaring (${st.source})`, st.text, st.recordedAt]),
  ]));
  sheet(book, 'Niet opgenomen', ['Datum', 'Reden'], [
    ...data.withheld.map((w) => [w.recordedAt, `${w.ground} (${w.basis.join(', ')})`]),
    ...data.entries.flatMap((e) => e.withheldParts.map((w) => [e.recordedAt, `Deel van een stuk weggelaten: ${w.ground} (${w.basis.join(', ')})`])),
    ...data.inspectionOnly.map((i) => [i.recordedAt, `Ruwe testgegevens${i.title === null ? '' : ` (${i.title})`}: alleen in te zien, niet mee te geven.`]),
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
