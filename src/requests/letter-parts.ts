/**
 * The parts of a letter on a request that come from outside the request itself (issue 15): who sends it (the
 * organisation, and the dossier holder who signs), the request's reference as a person can read it out, and —
 * for an inspection or a copy — what the reader view keeps back from this requester, each part with the
 * engine's ground and articles (Jeugdwet 7.3.10; 7.3.2 lid 4; 003 §3.1). Plain data, so the letter can be
 * drawn in the PDF worker.
 */
import type { OrganisationContact } from '../organisation/employee-store.js';
import type { ReaderView, Withheld } from '../shielding/reader-view.js';
import { momentInWords } from '../shared/labels.js';

/** Who sends the letter. */
export interface LetterSender {
  organisation: string;
  /**
   * The organisation's postal address as the letter prints it under its name (street or PO box; postal code and
   * place); empty while none is recorded — the letter then says how to get it (issue 15 item 3; migration 0086).
   */
  address: readonly string[];
  /** How else to reach the organisation, as lines ("Telefoon: …", "E-mail: …", "Website: …"): those recorded. */
  reach: readonly string[];
  /** The dossier holder who signs (003 §2.3.1: name and function); null when the client has none today. */
  signatory: { name: string; functionTitle: string } | null;
}

/** The organisation's contact details as stored, each null when not recorded. */
export type SenderContact = OrganisationContact;

/**
 * The lines a letter heads with under the organisation's name: its postal address, then phone, e-mail and website.
 * @example senderLines({ postalAddress: 'Postbus 12', postalCode: '3500 AA', place: 'Utrecht', phone: null, email: 'info@x.nl', website: null })
 * // { address: ['Postbus 12', '3500 AA Utrecht'], reach: ['E-mail: info@x.nl'] }
 */
export function senderLines(contact: SenderContact): Pick<LetterSender, 'address' | 'reach'> {
  const town = [contact.postalCode, contact.place].filter((part): part is string => part !== null).join(' ');
  const address = [contact.postalAddress ?? '', town].filter((line) => line !== '');
  const reach: string[] = [];
  if (contact.phone !== null) reach.push(`Telefoon: ${contact.phone}`);
  if (contact.email !== null) reach.push(`E-mail: ${contact.email}`);
  if (contact.website !== null) reach.push(`Website: ${contact.website}`);
  return { address, reach };
}

/** One part of the dossier kept back from the requester: which, why (Dutch, B1), and the articles. */
export interface WithheldPart {
  what: string;
  ground: string;
  basis: readonly string[];
}

/**
 * The request's reference as a person can say it on the phone: "VZ-" and the first eight characters of its id.
 * @example letterReference('3f2a9c1b-…') // 'VZ-3F2A9C1B'
 */
export function letterReference(requestId: string): string {
  return `VZ-${requestId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

function part(what: string, withheld: Withheld): WithheldPart {
  return { what, ground: withheld.ground, basis: withheld.basis };
}

/**
 * Everything the reader view keeps back, in the order of the dossier: whole entries, passages and fields of
 * entries shown, raw test data left out of a copy (inspection only, 003 §2.3.11), and the client's contact data.
 * Each names the entry by its date — never what it holds, so the letter keeps back what the view keeps back.
 */
export function withheldParts(view: ReaderView): WithheldPart[] {
  const parts: WithheldPart[] = [];
  for (const entry of view.entries) {
    const when = momentInWords(entry.recordedAt);
    if (!entry.shown) {
      parts.push(part(`Het stuk uit het dossier van ${when}.`, entry.withheld));
      continue;
    }
    for (const passage of entry.withheldPassages) {
      parts.push(part(passage.field === undefined || passage.field === 'text' ? `Een deel van de tekst van het stuk van ${when}.` : `Bij het stuk van ${when}:`, passage));
    }
  }
  for (const raw of view.inspectionOnly) {
    parts.push({
      what: `De ruwe testgegevens van ${momentInWords(raw.recordedAt)}.`,
      ground: 'Ruwe testgegevens mag u inzien, maar wij geven er geen kopie van. Wilt u ze inzien? Maak dan een afspraak met ons.',
      basis: [],
    });
  }
  if (view.contactDataWithheld !== undefined) parts.push(part('De contactgegevens van de cliënt.', view.contactDataWithheld));
  return parts;
}
