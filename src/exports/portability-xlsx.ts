/**
 * The portability export as a spreadsheet (XLSX): personal data, relations,
 * consents and the dossier entries, one sheet each. Every text cell is
 * escaped against formula injection: a value starting with = + - @, tab, CR
 * or NUL would be run by a spreadsheet program as a formula, so it gets a
 * leading apostrophe and is always written as a string.
 */
import ExcelJS from 'exceljs';
import {
  ANNOTATION_KINDS, CONSENT_GIVERS, CONSENT_KINDS, CUSTODY_KINDS, GENDERS, label, RELATIONS, SOURCE_KINDS, STATEMENT_TYPES,
} from '../shared/labels.js';
import type { PortabilityExport } from './portability-export.js';

/** A cell value a spreadsheet program shows as text, never runs. */
export function spreadsheetText(value: string | null | boolean): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}

/** A date ('YYYY-MM-DD') or an instant (ISO timestamp) for a date cell; people see it as a date, never as ISO text. */
interface DateValue { date: string | null }
type Cell = string | null | boolean | DateValue;

const dutchWallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/**
 * A real date cell: the spreadsheet shows it in its own (Dutch) words and can sort on it. A cell has no time zone,
 * so an instant is written as the Dutch wall-clock time (ExcelJS reads a Date as UTC).
 */
function dateCell(value: string): { value: Date; numFmt: string } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { value: new Date(`${value}T00:00:00Z`), numFmt: 'd mmmm yyyy' };
  const parts = Object.fromEntries(dutchWallClock.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return { value: new Date(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`), numFmt: 'd mmmm yyyy hh:mm' };
}

const on = (date: string | null): DateValue => ({ date });

function sheet(book: ExcelJS.Workbook, name: string, header: string[], rows: Cell[][]): void {
  const ws = book.addWorksheet(name);
  ws.addRow(header).font = { bold: true };
  for (const row of rows) {
    const dates = row.map((cell) => (cell !== null && typeof cell === 'object' && cell.date !== null ? dateCell(cell.date) : undefined));
    const added = ws.addRow(row.map((cell, i) => dates[i]?.value ?? spreadsheetText(cell !== null && typeof cell === 'object' ? null : cell)));
    dates.forEach((date, i) => {
      if (date !== undefined) added.getCell(i + 1).numFmt = date.numFmt;
    });
  }
  for (const column of ws.columns) column.width = 24;
}

export async function portabilityWorkbook(data: PortabilityExport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = data.organisation;
  book.created = new Date(data.exportedAt);
  const c = data.client;
  sheet(book, 'Persoonsgegevens', ['Gegeven', 'Waarde'], [
    ['Achternaam', c.familyName], ['Voornamen', c.givenNames], ['Geboortedatum', on(c.birthDate)], ['BSN', c.bsn], ['Geslacht', label(GENDERS, c.gender)],
    ...(c.contactDataLeftOut
      ? [['Adres en contactgegevens', c.contactDataWithheld === null
          ? 'Niet opgenomen: deze gegevens geven wij niet aan u mee.'
          : `Niet opgenomen: ${c.contactDataWithheld.ground} (${c.contactDataWithheld.basis.join(', ')})`]]
      : [['Adres', c.streetAddress], ['Postcode', c.postcode], ['Woonplaats', c.town], ['Telefoon', c.phone], ['E-mail', c.email]]),
  ]);
  sheet(book, 'Relaties', ['Relatie', 'Gezag', 'Soort gezag', 'Achternaam', 'Voornamen', 'Vanaf', 'Tot'],
    data.relations.map((r) => [
      label(RELATIONS, r.relation), r.hasCustody, r.custodyKind === null ? null : label(CUSTODY_KINDS, r.custodyKind),
      r.familyName, r.givenNames, on(r.validFrom), on(r.validTo),
    ]));
  sheet(book, 'Toestemmingen', ['Soort', 'Gegeven door', 'Op', 'Aan', 'Doel', 'Geldig vanaf', 'Geldig tot', 'Ingetrokken'],
    data.consents.map((k) => [
      label(CONSENT_KINDS, k.kind), label(CONSENT_GIVERS, k.givenBy), on(k.givenOn), k.recipient, k.purpose, on(k.validFrom), on(k.validTo), k.withdrawn,
    ]));
  sheet(book, 'Dossier', ['Datum', 'Soort', 'Titel', 'Tekst', 'Auteur', 'Bron', 'Feit of mening'],
    data.entries.map((e) => [
      on(e.recordedAt), e.kind, e.title, e.text, e.author, label(SOURCE_KINDS, e.source),
      e.statementType === null ? null : label(STATEMENT_TYPES, e.statementType),
    ]));
  sheet(book, 'Aantekeningen', ['Datum stuk', 'Soort', 'Aantekening of eigen verklaring', 'Datum'], data.entries.flatMap((e) => [
    ...e.annotations.map((a): Cell[] => [on(e.recordedAt), label(ANNOTATION_KINDS, a.kind), a.reason, on(a.recordedAt)]),
    ...e.statements.map((st): Cell[] => [on(e.recordedAt), `Eigen verklaring (${label(SOURCE_KINDS, st.source)})`, st.text, on(st.recordedAt)]),
  ]));
  sheet(book, 'Niet opgenomen', ['Datum', 'Reden'], [
    ...data.withheld.map((w): Cell[] => [on(w.recordedAt), `${w.ground} (${w.basis.join(', ')})`]),
    ...data.entries.flatMap((e) => e.withheldParts.map((w): Cell[] => [on(e.recordedAt), `Deel van een stuk weggelaten: ${w.ground} (${w.basis.join(', ')})`])),
    ...data.inspectionOnly.map((i): Cell[] => [on(i.recordedAt), `Ruwe testgegevens${i.title === null ? '' : ` (${i.title})`}: alleen in te zien, niet mee te geven.`]),
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
