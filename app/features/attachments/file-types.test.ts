// File kinds by magic bytes (never by name), the DOCX central-directory check, plain text rules,
// the name-based mismatch rule for text, and file name cleaning.
import { describe, expect, it } from 'vitest';
import { ascii, concat, heicWithMetadata, realJpeg, realPng, realWebp, realWebpLossless } from '../../../tests/support/image-fixtures.ts';
import { buildZip, docxEntries, xlsxEntries } from '../../../tests/support/zip.ts';
import { checkFile, cleanFileName, detectFileKind, extensionOf, isDocx, zipEntries } from './file-types.ts';
import { ATTACHMENT_LIMITS, FILE_KIND_INFO } from './rules.ts';

const PDF = ascii('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A Windows program: "MZ", then a DOS header full of NUL bytes. */
const EXE = concat(
  ascii('MZ'),
  Uint8Array.of(0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0),
  ascii('This program cannot be run in DOS mode.'),
);
const HTML = ascii('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
const ftyp = (major: string, ...compatible: string[]) => {
  const body = concat(ascii(major), Uint8Array.of(0, 0, 0, 0), ...compatible.map(ascii));
  const size = body.length + 8;
  return concat(Uint8Array.of(0, 0, 0, size), ascii('ftyp'), body, new Uint8Array(32));
};

describe('detectFileKind: each accepted kind by its bytes', () => {
  it.each([
    ['PDF', PDF, 'pdf'],
    ['JPEG', realJpeg(), 'jpeg'],
    ['PNG', realPng(), 'png'],
    ['WebP (lossy)', realWebp(), 'webp'],
    ['WebP (lossless)', realWebpLossless(), 'webp'],
    ['HEIC (major brand heic)', heicWithMetadata().bytes, 'heic'],
    ['HEIC (major mif1, compatible heic)', ftyp('mif1', 'mif1', 'heic'), 'heic'],
    ['HEIC (heix)', ftyp('heix', 'mif1'), 'heic'],
    ['UTF-8 text with Chinese', ascii('我们小区的电梯停运两个月。\r\nThe lift has stopped.\t\n'), 'text'],
    ['UTF-8 text with a byte-order mark', concat(Uint8Array.of(0xef, 0xbb, 0xbf), ascii('欠薪证明')), 'text'],
    ['DOCX', buildZip(docxEntries()), 'docx'],
  ] as const)('%s', (_label, bytes, kind) => {
    expect(detectFileKind(bytes)).toBe(kind);
  });
});

describe('detectFileKind: refused', () => {
  it.each([
    ['a Windows program (MZ)', EXE],
    ['an ELF program', concat(Uint8Array.of(0x7f), ascii('ELF'), Uint8Array.of(2, 1, 1, 0, 0, 0))],
    ['a plain ZIP', buildZip([{ name: 'notes.txt', data: 'hello' }])],
    ['an XLSX spreadsheet', buildZip(xlsxEntries())],
    ['a macro-enabled Word document', buildZip([...docxEntries(), { name: 'word/vbaProject.bin', data: 'macro' }])],
    [
      'a ZIP whose central directory does not list word/document.xml (only a local header does)',
      buildZip(docxEntries(), { directoryNames: ['[Content_Types].xml', '_rels/.rels', 'word/other.xml'] }),
    ],
    [
      'a ZIP whose directory names word/document.xml but whose local header says otherwise',
      buildZip(
        [
          { name: '[Content_Types].xml', data: 'x' },
          { name: 'evil.exe', data: 'MZ' },
        ],
        { directoryNames: ['[Content_Types].xml', 'word/document.xml'] },
      ),
    ],
    ['a truncated DOCX (no end of central directory)', buildZip(docxEntries()).subarray(0, 200)],
    ['HTML', HTML],
    ['HTML after whitespace and a BOM', concat(Uint8Array.of(0xef, 0xbb, 0xbf), ascii('\n  <html lang="zh">'))],
    ['SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['XML', ascii('<?xml version="1.0"?><a/>')],
    ['text with a NUL byte', ascii('投诉信\u0000第二页')],
    ['text with other control characters', ascii('bell\u0007')],
    ['invalid UTF-8 (GBK bytes)', Uint8Array.of(0xc7, 0xb7, 0xd0, 0xbd, 0xb9, 0xa4, 0xd7, 0xca)],
    ['UTF-16 text (NUL bytes)', Uint8Array.of(0xff, 0xfe, 0x2c, 0x6b, 0x70, 0x65)],
    ['AVIF (an ISOBMFF image that is not HEIC)', ftyp('avif', 'mif1', 'miaf')],
    ['an MP4 video', ftyp('isom', 'iso2', 'mp41')],
    ['GIF', ascii('GIF89a\u0001\u0000\u0001\u0000')],
    ['a RIFF file that is not WebP (WAV)', concat(ascii('RIFF'), Uint8Array.of(36, 0, 0, 0), ascii('WAVEfmt '), new Uint8Array(16))],
  ] as const)('%s', (_label, bytes) => {
    expect(detectFileKind(bytes)).toBeNull();
  });
});

describe('zipEntries and isDocx', () => {
  it('reads every name of the central directory, also with an archive comment', () => {
    const entries = zipEntries(buildZip(docxEntries(), { comment: '由办公软件生成' }));
    expect(entries?.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(isDocx(buildZip(docxEntries(), { comment: 'generated' }))).toBe(true);
  });

  it('refuses an end record whose directory lies outside the file', () => {
    const zip = buildZip(docxEntries());
    const view = new DataView(zip.buffer);
    view.setUint32(zip.length - 6, zip.length + 100, true);
    expect(zipEntries(zip)).toBeNull();
  });
});

describe('checkFile', () => {
  it('accepts by content whatever the name says, and gives the type the bytes show', () => {
    expect(checkFile('photo.jpg', realPng(), realPng().length)).toMatchObject({
      ok: true,
      kind: 'png',
      contentType: 'image/png',
      fileName: 'photo.jpg.png',
    });
    expect(checkFile('扫描件.pdf', PDF, PDF.length)).toMatchObject({ ok: true, kind: 'pdf', fileName: '扫描件.pdf' });
    expect(checkFile('IMG_0001.HEIC', heicWithMetadata().bytes, 10)).toMatchObject({ ok: true, kind: 'heic', fileName: 'IMG_0001.HEIC' });
  });

  it('refuses HTML renamed .pdf', () => {
    expect(checkFile('invoice.pdf', HTML, HTML.length)).toEqual({ ok: false, error: { problem: 'type', fileName: 'invoice.pdf' } });
  });

  it('refuses a program renamed .pdf or .txt', () => {
    expect(checkFile('report.pdf', EXE, EXE.length)).toMatchObject({ ok: false, error: { problem: 'type' } });
    expect(checkFile('readme.txt', EXE, EXE.length)).toMatchObject({ ok: false, error: { problem: 'type' } });
  });

  it('refuses plain text whose name promises another format', () => {
    const text = ascii('just some words');
    for (const name of ['scan.pdf', 'photo.JPG', 'letter.docx', 'setup.exe', 'page.html', 'drawing.svg']) {
      expect(checkFile(name, text, text.length)).toMatchObject({ ok: false, error: { problem: 'mismatch', fileName: name } });
    }
    expect(checkFile('notes.txt', text, text.length)).toMatchObject({ ok: true, kind: 'text', fileName: 'notes.txt' });
    expect(checkFile('data.csv', text, text.length)).toMatchObject({ ok: true, kind: 'text', fileName: 'data.csv.txt' });
    expect(checkFile('no-ending', text, text.length)).toMatchObject({ ok: true, kind: 'text', fileName: 'no-ending.txt' });
  });

  it('refuses empty files and files over 10 MB (also when their bytes were not kept)', () => {
    expect(checkFile('a.pdf', new Uint8Array(0), 0)).toMatchObject({ ok: false, error: { problem: 'empty' } });
    expect(checkFile('big.pdf', PDF, ATTACHMENT_LIMITS.maxFileBytes + 1)).toMatchObject({
      ok: false,
      error: { problem: 'tooLarge', fileName: 'big.pdf' },
    });
    expect(checkFile('big.pdf', null, ATTACHMENT_LIMITS.maxFileBytes * 3)).toMatchObject({ ok: false, error: { problem: 'tooLarge' } });
    expect(checkFile('edge.pdf', PDF, ATTACHMENT_LIMITS.maxFileBytes)).toMatchObject({ ok: true });
  });

  it('sends text as UTF-8 plain text and Word documents with their own type', () => {
    expect(FILE_KIND_INFO.text.contentType).toBe('text/plain; charset=utf-8');
    const docx = buildZip(docxEntries());
    expect(checkFile('证据.docx', docx, docx.length)).toMatchObject({ ok: true, contentType: FILE_KIND_INFO.docx.contentType });
  });
});

describe('cleanFileName', () => {
  it('drops folders, Windows or Unix', () => {
    expect(cleanFileName('C:\\Users\\王\\Desktop\\报告.pdf')).toBe('报告.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('/var/www/index.html', 'text')).toBe('index.html.txt');
  });

  it('removes control characters and bidi overrides that disguise the ending', () => {
    // "invoice<RLO>fdp.exe" displays as "invoiceexe.pdf".
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('a\u0000b\u0007c\u001Fd\u007F.txt')).toBe('abcd.txt');
    expect(cleanFileName('x\u2066y\u2069z\u200Bw\uFEFF.pdf')).toBe('xyzw.pdf');
    expect(cleanFileName('line\nbreak\u2028.pdf')).toBe('line break .pdf');
  });

  it('keeps Chinese, Japanese and Korean names, normalised to NFC', () => {
    expect(cleanFileName('欠薪证明 第2页.jpg')).toBe('欠薪证明 第2页.jpg');
    expect(cleanFileName('證據資料.PNG')).toBe('證據資料.PNG');
    expect(cleanFileName('증거.pdf')).toBe('증거.pdf');
    expect(cleanFileName('Cafe\u0301.txt')).toBe('Café.txt');
  });

  it('replaces characters Windows forbids, collapses spaces, trims dots and spaces', () => {
    expect(cleanFileName('a:b*c?"d"<e>|f.txt')).toBe('a_b_c__d__e__f.txt');
    expect(cleanFileName('  many   spaces\tand\u3000ideographic .pdf ')).toBe('many spaces and ideographic .pdf');
    expect(cleanFileName('...hidden')).toBe('hidden');
    expect(cleanFileName('trailing dots...')).toBe('trailing dots');
  });

  it('avoids names Windows reserves for devices', () => {
    expect(cleanFileName('CON.txt')).toBe('_CON.txt');
    expect(cleanFileName('lpt1')).toBe('_lpt1');
    expect(cleanFileName('console.txt')).toBe('console.txt');
  });

  it('never returns an empty name', () => {
    expect(cleanFileName('')).toBe('file');
    expect(cleanFileName('\u202E\u0000', 'pdf')).toBe('file.pdf');
    expect(cleanFileName('...', 'jpeg')).toBe('file.jpg');
  });

  it('adds an ending that fits the kind, unless the name has one', () => {
    expect(cleanFileName('scan', 'pdf')).toBe('scan.pdf');
    expect(cleanFileName('photo.JPG', 'jpeg')).toBe('photo.JPG');
    expect(cleanFileName('photo.jpeg', 'jpeg')).toBe('photo.jpeg');
    expect(cleanFileName('photo.heif', 'heic')).toBe('photo.heif');
    expect(cleanFileName('looks.pdf', 'png')).toBe('looks.pdf.png');
  });

  it('shortens long names by characters, keeping the ending', () => {
    const long = `${'很'.repeat(300)}.pdf`;
    const cleaned = cleanFileName(long, 'pdf');
    expect(Array.from(cleaned)).toHaveLength(ATTACHMENT_LIMITS.maxFileNameLength);
    expect(cleaned.endsWith('很.pdf')).toBe(true);
    const emoji = cleanFileName(`${'😀'.repeat(200)}.png`);
    expect(Array.from(emoji)).toHaveLength(ATTACHMENT_LIMITS.maxFileNameLength);
    expect(emoji.endsWith('😀.png')).toBe(true);
    expect(cleanFileName('x'.repeat(500), 'text')).toBe(`${'x'.repeat(ATTACHMENT_LIMITS.maxFileNameLength - 4)}.txt`);
  });

  it('reads the ending after the last dot', () => {
    expect(extensionOf('a.tar.GZ')).toBe('gz');
    expect(extensionOf('.bashrc')).toBeNull();
    expect(extensionOf('noending')).toBeNull();
    expect(extensionOf('报告.pdf')).toBe('pdf');
  });
});
