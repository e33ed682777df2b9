// PDFs that would act when opened and Word documents that inflate past any real document are
// refused; ordinary ones (a PDF that opens at a page, a Word file with a big table) are kept.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ascii, concat } from '../../../tests/support/image-fixtures.ts';
import { buildZip, docxEntries } from '../../../tests/support/zip.ts';
import { DOCX_LIMITS, openedContentProblem } from './active-content.server.ts';

const pdf = (...objects: string[]) =>
  ascii(`%PDF-1.7\n${objects.map((body, i) => `${i + 1} 0 obj\n${body}\nendobj\n`).join('')}trailer << /Root 1 0 R >>\n%%EOF\n`);

/** A PDF 1.5 file whose catalog sits in a compressed object stream. */
function pdfWithObjectStream(inner: string): Uint8Array {
  const packed = deflateSync(Buffer.from(`1 0 ${inner}`, 'latin1'));
  return concat(
    ascii(`%PDF-1.7\n2 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`),
    new Uint8Array(packed),
    ascii('\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  );
}

describe('PDF active content', () => {
  it('keeps an ordinary PDF, and one that only opens at a page (in place or by reference)', () => {
    expect(openedContentProblem('pdf', pdf('<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'))).toBeNull();
    expect(openedContentProblem('pdf', pdf('<< /Type /Catalog /OpenAction [3 0 R /FitH null] >>'))).toBeNull();
    expect(openedContentProblem('pdf', pdf('<< /Type /Catalog /OpenAction 2 0 R >>', '[3 0 R /XYZ null null 0]'))).toBeNull();
  });

  it.each([
    ['an OpenAction that runs a script', '<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>'],
    ['an OpenAction that is an action by reference', '<< /Type /Catalog /OpenAction 2 0 R >>'],
    ['a Launch action', '<< /Type /Action /S /Launch /F (cmd.exe) >>'],
    ['a JS entry', '<< /S /JavaScript /JS 5 0 R >>'],
    ['embedded files', '<< /Type /Catalog /Names << /EmbeddedFiles 4 0 R >> >>'],
    ['additional actions on a page', '<< /Type /Page /AA << /O 6 0 R >> >>'],
    ['a name written with #-escapes', '<< /S /J#61vaScript /J#53 (x) >>'],
  ])('refuses %s', (_, body) => {
    expect(openedContentProblem('pdf', pdf(body, '<< /S /GoTo /D [1 0 R /Fit] >>'))).toBe('activeContent');
  });

  it('looks inside compressed object streams', () => {
    expect(openedContentProblem('pdf', pdfWithObjectStream('<< /Type /Catalog /Pages 3 0 R >>'))).toBeNull();
    expect(openedContentProblem('pdf', pdfWithObjectStream('<< /Type /Catalog /OpenAction << /S /JavaScript /JS (x) >> >>'))).toBe(
      'activeContent',
    );
  });

  it('refuses a PDF whose object stream cannot be inflated, since it cannot be checked', () => {
    const broken = concat(
      ascii('%PDF-1.7\n2 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 8 >>\nstream\n'),
      ascii('notzlib!'),
      ascii('\nendstream\nendobj\n%%EOF\n'),
    );
    expect(openedContentProblem('pdf', broken)).toBe('damaged');
  });
});

describe('Word documents that inflate too far', () => {
  it('keeps a deflated document, even one with a large repetitive table', () => {
    const table = `<w:tbl>${'<w:tr><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr>'.repeat(20_000)}</w:tbl>`;
    const entries = docxEntries().map((entry) =>
      entry.name === 'word/document.xml' ? { ...entry, data: `<w:document><w:body>${table}</w:body></w:document>`, deflate: true } : entry,
    );
    expect(openedContentProblem('docx', buildZip(entries))).toBeNull();
  });

  it('refuses a document that inflates past the cap, stopping at the cap', () => {
    const bomb = new Uint8Array(DOCX_LIMITS.maxInflatedBytes + 1024);
    const zip = buildZip([...docxEntries(), { name: 'word/media/image1.bin', data: bomb, deflate: true }]);
    expect(zip.length).toBeLessThan(200 * 1024);
    expect(openedContentProblem('docx', zip)).toBe('compressionBomb');
  });

  it('refuses one past 10 MB at more than 100 times its size', () => {
    const zip = buildZip([...docxEntries(), { name: 'word/media/filler.bin', data: new Uint8Array(12 * 1024 * 1024), deflate: true }]);
    expect(openedContentProblem('docx', zip)).toBe('compressionBomb');
  });

  it('calls a deflated part that does not inflate damaged', () => {
    const broken = buildZip([...docxEntries(), { name: 'word/media/x.bin', data: 'plain', deflate: true }]);
    const text = new TextDecoder('latin1').decode(broken);
    // The deflated bytes follow the part's name in its local header: overwrite them with garbage.
    const start = text.indexOf('word/media/x.bin') + 'word/media/x.bin'.length;
    broken.set([0xff, 0xff, 0xff, 0xff, 0xff], start);
    expect(openedContentProblem('docx', broken)).toBe('damaged');
  });
});
