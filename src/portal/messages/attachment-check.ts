/**
 * What a message attachment may be (issue 19 item 6: "attachments limited in type and size"): a PDF, PNG or JPEG,
 * told by its bytes (the magic number at its start), never by its name or a claimed type, and no larger than the
 * configured bound. Anything else is refused before anything is stored.
 */
import { AppError } from '../../errors.js';
import type { AttachmentMediaType } from './message-store.js';

/** The types accepted, each with the bytes it starts with and the extensions a file of that type may carry. */
const KINDS: readonly { mediaType: AttachmentMediaType; magic: readonly number[]; extensions: readonly string[]; label: string }[] = [
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['pdf'], label: 'PDF' }, // "%PDF-"
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['png'], label: 'PNG' },
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff], extensions: ['jpg', 'jpeg'], label: 'JPEG' },
];

export const ATTACHMENT_MEDIA_TYPES: readonly AttachmentMediaType[] = KINDS.map((kind) => kind.mediaType);

/** An attachment whose bytes were found to be of an accepted type. */
export interface CheckedAttachment {
  name: string;
  mediaType: AttachmentMediaType;
  bytes: Buffer;
}

function notAllowed(nl: string, en: string): AppError {
  return new AppError('attachment-not-allowed', 400, nl, en, { field: 'attachment', errors: [{ field: 'attachment', nl, en }] });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes and checks an attachment: base64 content, a PDF, PNG or JPEG by its first bytes, a name whose extension
 * (if any) fits what the bytes are, at most `maxBytes`. Throws a 400 AppError (Dutch and English) otherwise.
 * @example checkAttachment({ name: 'brief.pdf', contentBase64: '' }, 1024); // throws: empty
 */
export function checkAttachment(input: { name: string; contentBase64: string }, maxBytes: number): CheckedAttachment {
  const content = input.contentBase64.replace(/\s+/g, '');
  if (content.length % 4 !== 0 || !BASE64.test(content)) {
    throw notAllowed('De bijlage kon niet worden gelezen.', 'The attachment could not be read (not base64).');
  }
  // Checked on the encoded length first, so an oversized upload is not decoded.
  if (Math.floor(content.length / 4) * 3 - (content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0) > maxBytes) {
    throw new AppError('attachment-too-large', 400, `De bijlage is groter dan ${Math.floor(maxBytes / 1024)} kB. Stuur een kleiner bestand.`,
      `The attachment is larger than ${Math.floor(maxBytes / 1024)} kB.`, { field: 'attachment' });
  }
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length === 0) throw notAllowed('De bijlage is leeg.', 'The attachment is empty.');
  const kind = KINDS.find((candidate) => candidate.magic.every((byte, i) => bytes[i] === byte));
  if (kind === undefined) {
    throw notAllowed('Dit bestand kan niet mee. U kunt alleen een PDF, een PNG of een JPEG (foto) meesturen.',
      'This file cannot be attached: only PDF, PNG or JPEG files are accepted, told by their content.');
  }
  const name = [...input.name.trim()].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '_' : c)).join('');
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  if (name.length === 0 || (extension !== undefined && !kind.extensions.includes(extension))) {
    throw notAllowed(`De naam van het bestand past niet bij wat erin zit (een ${kind.label}). Geef het bestand de juiste naam of stuur een ander bestand.`,
      `The file's name does not match its content (a ${kind.label}).`);
  }
  return { name, mediaType: kind.mediaType, bytes };
}
