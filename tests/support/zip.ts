// A minimal ZIP writer (stored or deflated entries) for the DOCX detection tests: real local headers, central
// directory and end record, with a way to make the directory disagree with the local headers.
import { crc32, deflateRawSync } from 'node:zlib';
import { concatBytes } from '#app/platform/codecs/bytes.ts';

export interface ZipEntryInput {
  name: string;
  data: Uint8Array | string;
  /** Written deflated (method 8), as Word writes its parts; stored (method 0) otherwise. */
  deflate?: boolean;
}

const u16 = (n: number) => Uint8Array.of(n & 0xff, (n >> 8) & 0xff);
const u32 = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);

/** `directoryNames` replaces the names written in the central directory (the local headers keep theirs). */
export function buildZip(entries: ZipEntryInput[], options: { directoryNames?: string[]; comment?: string } = {}): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  entries.forEach((entry, i) => {
    const name = encoder.encode(entry.name);
    const plain = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    const crc = crc32(plain);
    const data = entry.deflate ? new Uint8Array(deflateRawSync(plain)) : plain;
    const method = entry.deflate ? 8 : 0;
    const local = concatBytes([
      u32(0x04034b50),
      u16(20),
      u16(0x0800),
      u16(method),
      u16(0),
      u16(0x21),
      u32(crc),
      u32(data.length),
      u32(plain.length),
      u16(name.length),
      u16(0),
      name,
      data,
    ]);
    const dirName = encoder.encode(options.directoryNames?.[i] ?? entry.name);
    central.push(
      concatBytes([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(0x0800),
        u16(method),
        u16(0),
        u16(0x21),
        u32(crc),
        u32(data.length),
        u32(plain.length),
        u16(dirName.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        dirName,
      ]),
    );
    locals.push(local);
    offset += local.length;
  });
  const directory = concatBytes(central);
  const comment = encoder.encode(options.comment ?? '');
  const end = concatBytes([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(directory.length),
    u32(offset),
    u16(comment.length),
    comment,
  ]);
  return concatBytes([...locals, directory, end]);
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>';

/** The parts of a minimal Word document. */
export function docxEntries(): ZipEntryInput[] {
  return [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: '<Relationships/>' },
    { name: 'word/document.xml', data: '<w:document><w:body><w:p><w:r><w:t>证据</w:t></w:r></w:p></w:body></w:document>' },
  ];
}

export function xlsxEntries(): ZipEntryInput[] {
  return [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: '<Relationships/>' },
    { name: 'xl/workbook.xml', data: '<workbook/>' },
  ];
}
