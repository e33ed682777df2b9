// What a file would do, or grow into, once opened: a PDF that runs a script, launches a program or
// carries other files, and a Word document that inflates far past its size (a "zip bomb"). Both
// are refused when the file arrives, with a reason the citizen can act on. Node's zlib is needed
// to look inside compressed parts, hence a server module.
import { inflateRawSync, inflateSync } from 'node:zlib';
import { zipEntries, zipEntryDataOffset } from './file-types.ts';
import type { FileKind, FileProblem } from './rules.ts';

/**
 * A Word document of at most 10 MB inflates to a few tens of MB at the very most (text is XML,
 * pictures are already compressed). Past 100 MB, or past 10 MB at more than 100 times its size,
 * it is built to exhaust whoever opens it.
 */
export const DOCX_LIMITS = { maxInflatedBytes: 100 * 1024 * 1024, ratioCheckedFrom: 10 * 1024 * 1024, maxRatio: 100 } as const;

/** What a PDF's compressed object streams may inflate to, all together, while being checked. */
const PDF_MAX_INFLATED_BYTES = 50 * 1024 * 1024;

/** Why an accepted kind of file is still refused, or null when it is fine. */
export function openedContentProblem(kind: FileKind, bytes: Uint8Array): FileProblem | null {
  if (kind === 'pdf') return pdfProblem(bytes);
  if (kind === 'docx') return docxProblem(bytes);
  return null;
}

// --- Word documents ------------------------------------------------------------------------------

function docxProblem(bytes: Uint8Array): FileProblem | null {
  const entries = zipEntries(bytes);
  if (!entries) return 'damaged';
  let inflated = 0;
  for (const entry of entries) {
    const start = zipEntryDataOffset(bytes, entry);
    if (start === null) return 'damaged';
    const data = bytes.subarray(start, start + entry.compressedSize);
    // Inflated for real rather than trusting the sizes the directory declares, and only up to
    // what is left of the budget: a bomb stops costing anything at the cap.
    const budget = DOCX_LIMITS.maxInflatedBytes - inflated;
    if (entry.method === 0) inflated += data.length;
    else if (entry.method === 8) {
      try {
        inflated += inflateRawSync(data, { maxOutputLength: budget + 1 }).length;
      } catch (error) {
        if (error instanceof RangeError) return 'compressionBomb';
        return 'damaged';
      }
    } else return 'damaged';
    if (inflated > DOCX_LIMITS.maxInflatedBytes) return 'compressionBomb';
  }
  if (inflated > DOCX_LIMITS.ratioCheckedFrom && inflated > bytes.length * DOCX_LIMITS.maxRatio) return 'compressionBomb';
  return null;
}

// --- PDF -----------------------------------------------------------------------------------------

/**
 * Names that make a PDF do something when opened: run JavaScript, launch a program, send or fetch
 * data, play embedded media, or carry embedded files. /AA attaches such actions to pages and
 * fields; /XFA forms are scripted.
 */
const ACTIVE_NAMES = new Set([
  'JS',
  'JavaScript',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'SubmitForm',
  'ImportData',
  'GoToE',
  'AA',
  'XFA',
]);

function pdfProblem(bytes: Uint8Array): FileProblem | null {
  const raw = latin1(bytes);
  const texts = [raw];
  // Since PDF 1.5, objects may be packed into compressed object streams: look inside those too.
  let budget = PDF_MAX_INFLATED_BYTES;
  for (const stream of objectStreams(raw, bytes)) {
    let inner: Uint8Array;
    try {
      inner = inflateSync(stream, { maxOutputLength: budget + 1 });
    } catch {
      // An object stream that cannot be inflated (damaged, encrypted, or far too large) cannot be
      // checked, and a PDF we cannot check is not kept.
      return 'damaged';
    }
    budget -= inner.length;
    if (budget < 0) return 'damaged';
    texts.push(latin1(inner));
  }
  return texts.some(hasActiveContent) ? 'activeContent' : null;
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

/** PDF names are written /Name, and any byte may be written #xx: /J#61vaScript is /JavaScript. */
const PDF_NAME = /\/([^\s/<>[\]()%{}]+)/g;

function decodeName(name: string): string {
  return name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function hasActiveContent(text: string): boolean {
  for (const match of text.matchAll(PDF_NAME)) {
    const name = decodeName(match[1]!);
    if (ACTIVE_NAMES.has(name)) return true;
    if (name === 'OpenAction' && !opensAtADestination(text, match.index + match[0].length)) return true;
  }
  return false;
}

/**
 * Many ordinary PDFs (Word's "Save as PDF" among them) use /OpenAction only to open at a page: a
 * destination array, written in place or as a reference to one. Anything else is an action.
 */
function opensAtADestination(text: string, from: number): boolean {
  const rest = text.slice(from, from + 64).trimStart();
  if (rest.startsWith('[')) return true;
  const reference = /^(\d+)\s+(\d+)\s+R\b/.exec(rest);
  if (!reference) return false;
  const object = new RegExp(`(?:^|[^0-9])${reference[1]}\\s+${reference[2]}\\s+obj\\s*`).exec(text);
  return object !== null && text.charAt(object.index + object[0].length) === '[';
}

/** The raw data of each FlateDecode object stream (/Type /ObjStm) in the file. */
function* objectStreams(raw: string, bytes: Uint8Array): Generator<Uint8Array> {
  const starts = /stream\r?\n/g;
  for (const match of raw.matchAll(starts)) {
    const dictionary = raw.slice(Math.max(0, match.index - 1024), match.index);
    const open = dictionary.lastIndexOf('<<');
    if (open < 0) continue;
    const header = dictionary.slice(open);
    if (!/\/Type\s*\/ObjStm/.test(header) || !/\/FlateDecode/.test(header)) continue;
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    yield bytes.subarray(start, end);
  }
}
