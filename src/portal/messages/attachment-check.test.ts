/**
 * Attachments are told by their bytes, not by their name or claimed type (issue 19 item 6, "Bad input and
 * attacks: a message attachment that is not what it claims → refused"): PDF (%PDF-), PNG (\x89PNG\r\n\x1a\n),
 * JPEG (FF D8 FF) only, at most the configured size.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { JPEG, PDF, PNG } from '../../test-support/sample-files.js';
import { checkAttachment } from './attachment-check.js';

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('not refused');
}

describe('checkAttachment', () => {
  it('accepts a PDF, a PNG and a JPEG by their first bytes, with the type the bytes are', () => {
    expect(checkAttachment({ name: 'brief.pdf', contentBase64: b64(PDF) }, 1024)).toMatchObject({ name: 'brief.pdf', mediaType: 'application/pdf' });
    expect(checkAttachment({ name: 'foto.PNG', contentBase64: b64(PNG) }, 1024).mediaType).toBe('image/png');
    expect(checkAttachment({ name: 'foto.jpeg', contentBase64: b64(JPEG) }, 1024).mediaType).toBe('image/jpeg');
    expect(checkAttachment({ name: 'scan', contentBase64: b64(JPEG) }, 1024).mediaType).toBe('image/jpeg');
  });

  it('refuses an executable, HTML or a ZIP named as a PDF: 400 in Dutch and English', () => {
    for (const bytes of [Buffer.from('MZ\x90\x00\x03'), Buffer.from('<html><script>alert(1)</script>'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])]) {
      const error = refusal(() => checkAttachment({ name: 'brief.pdf', contentBase64: b64(bytes) }, 1024));
      expect(error.status).toBe(400);
      expect(error.code).toBe('attachment-not-allowed');
      expect(error.nl).toContain('alleen een PDF, een PNG of een JPEG');
      expect(error.en).toContain('only PDF, PNG or JPEG');
    }
  });

  it('refuses a real PNG whose name claims another type (a .pdf or an .exe)', () => {
    expect(refusal(() => checkAttachment({ name: 'brief.pdf', contentBase64: b64(PNG) }, 1024)).code).toBe('attachment-not-allowed');
    expect(refusal(() => checkAttachment({ name: 'setup.exe', contentBase64: b64(PNG) }, 1024)).nl).toContain('past niet bij wat erin zit');
  });

  it('refuses what is larger than the bound before decoding, an empty file and what is not base64', () => {
    const big = Buffer.concat([PDF, Buffer.alloc(2048)]);
    const tooLarge = refusal(() => checkAttachment({ name: 'groot.pdf', contentBase64: b64(big) }, 1024));
    expect(tooLarge.code).toBe('attachment-too-large');
    expect(tooLarge.nl).toContain('groter dan 1 kB');
    expect(checkAttachment({ name: 'precies.pdf', contentBase64: b64(Buffer.concat([PDF, Buffer.alloc(1024 - PDF.length)])) }, 1024).bytes.length).toBe(1024);
    expect(refusal(() => checkAttachment({ name: 'leeg.pdf', contentBase64: '' }, 1024)).nl).toBe('De bijlage is leeg.');
    expect(refusal(() => checkAttachment({ name: 'x.pdf', contentBase64: '%%%%' }, 1024)).code).toBe('attachment-not-allowed');
  });

  it('keeps no path or control characters in the name', () => {
    expect(checkAttachment({ name: '../../etc/foto.png', contentBase64: b64(PNG) }, 1024).name).toBe('.._.._etc_foto.png');
  });
});
