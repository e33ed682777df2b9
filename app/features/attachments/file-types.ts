// What a citizen's file really is, read from its bytes (never from its name or the type the
// browser claimed), and a file name that is safe to show and to offer as a download name.
import { ATTACHMENT_LIMITS, FILE_KIND_INFO, type FileError, type FileKind } from './rules.ts';

export { ATTACHMENT_LIMITS, FILE_KIND_INFO, type FileError, type FileKind };

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, prefix: Uint8Array, at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

const PDF = ascii('%PDF-');
const JPEG = Uint8Array.of(0xff, 0xd8, 0xff);
const PNG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const FTYP = ascii('ftyp');
const ZIP_LOCAL = Uint8Array.of(0x50, 0x4b, 0x03, 0x04);

/** HEIF brands whose images are HEVC-coded: what phones save as .heic. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);

/** The file's kind by its content, or null when it is none of the accepted kinds. */
export function detectFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'webp';
  if (startsWith(bytes, FTYP, 4)) return isHeic(bytes) ? 'heic' : null;
  if (startsWith(bytes, ZIP_LOCAL)) return isDocx(bytes) ? 'docx' : null;
  return isPlainText(bytes) ? 'text' : null;
}

/** An ISOBMFF file whose ftyp box names an HEVC-coded HEIF brand (major or compatible). */
function isHeic(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.getUint32(0);
  if (size < 16 || size > bytes.length || size > 4096) return false;
  const brand = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (HEIC_BRANDS.has(brand(8))) return true;
  for (let at = 16; at + 4 <= size; at += 4) if (HEIC_BRANDS.has(brand(at))) return true;
  return false;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Plain text has no magic number: it must be valid UTF-8 with no NUL or other control characters
 * than tab, line breaks and form feed, and must not be markup a browser would render as a page.
 */
export function isPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return false;
  }
  // Control characters other than tab, line feed, form feed and carriage return mark a binary file.
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code <= 0x08 || code === 0x0b || (code >= 0x0e && code <= 0x1f) || code === 0x7f) return false;
  }
  return !looksLikeMarkup(text);
}

/**
 * The WHATWG MIME sniffing patterns for HTML (a tag name followed by a space or '>'), plus XML and
 * SVG: text that starts like this is a page or an image in disguise, not a letter's evidence.
 */
const MARKUP_START =
  /^(?:<!doctype\s+html|<(?:html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|svg|math|object|embed|meta|link|img|form)[\s>/]|<!--|<\?xml)/i;

function looksLikeMarkup(text: string): boolean {
  return MARKUP_START.test(text.replace(/^\uFEFF/, '').trimStart());
}

// --- DOCX: a ZIP whose central directory lists the parts of a Word document ---------------------

export interface ZipEntry {
  name: string;
  localHeaderOffset: number;
  /** 0 stored, 8 deflated (the only two a Word document uses). */
  method: number;
  compressedSize: number;
}

/** The names in a ZIP's central directory, or null when the directory is missing or inconsistent. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  if (n < 22) return null;
  // The end-of-central-directory record is last, followed only by its comment (at most 64 KiB).
  let eocd = -1;
  for (let at = n - 22; at >= Math.max(0, n - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50 && at + 22 + view.getUint16(at + 20, true) === n) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const entriesHere = view.getUint16(eocd + 8, true);
  const total = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  // Split archives and ZIP64 (files far larger than we accept) are not Word documents we take.
  if (disk !== 0 || cdDisk !== 0 || entriesHere !== total || total === 0xffff || cdOffset === 0xffffffff) return null;
  if (cdOffset + cdSize > eocd) return null;
  const names = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < total; i++) {
    if (at + 46 > cdOffset + cdSize || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > cdOffset + cdSize) return null;
    entries.push({ name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)), localHeaderOffset, method, compressedSize });
    at = end;
  }
  return entries;
}

/** Where an entry's data starts, after its local header; null when the header is not there. */
export function zipEntryDataOffset(bytes: Uint8Array, entry: ZipEntry): number | null {
  if (!localHeaderMatches(bytes, entry)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return start + entry.compressedSize <= bytes.length ? start : null;
}

/** The local header an entry points to must exist and carry the same name. */
function localHeaderMatches(bytes: Uint8Array, entry: ZipEntry): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return false;
  const nameLength = view.getUint16(at + 26, true);
  if (at + 30 + nameLength > bytes.length) return false;
  return new TextDecoder('utf-8').decode(bytes.subarray(at + 30, at + 30 + nameLength)) === entry.name;
}

/**
 * A Word document (OOXML): its central directory has [Content_Types].xml and word/document.xml,
 * each backed by a local header. A plain ZIP, a spreadsheet (xl/…) or a presentation is not, and a
 * macro-enabled document (word/vbaProject.bin) is refused as well.
 */
export function isDocx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ZIP_LOCAL)) return false;
  const entries = zipEntries(bytes);
  if (!entries) return false;
  const byName = new Map(entries.map((e) => [e.name, e]));
  const document = byName.get('word/document.xml');
  const contentTypes = byName.get('[Content_Types].xml');
  if (!document || !contentTypes || byName.has('word/vbaProject.bin')) return false;
  return localHeaderMatches(bytes, document) && localHeaderMatches(bytes, contentTypes);
}

// --- File names ------------------------------------------------------------------------------

/**
 * Name endings that promise a format other than plain text. A file whose bytes are only text but
 * whose name says PDF, image, Word, program or web page is not what it claims, and is refused.
 */
const NOT_PLAIN_TEXT = new Set([
  'pdf',
  'jpg',
  'jpeg',
  'jpe',
  'png',
  'webp',
  'heic',
  'heif',
  'gif',
  'bmp',
  'tif',
  'tiff',
  'svg',
  'svgz',
  'doc',
  'docx',
  'docm',
  'xls',
  'xlsx',
  'xlsm',
  'ppt',
  'pptx',
  'odt',
  'ods',
  'rtf',
  'zip',
  'rar',
  '7z',
  'gz',
  'tar',
  'exe',
  'dll',
  'com',
  'scr',
  'msi',
  'apk',
  'dmg',
  'iso',
  'jar',
  'html',
  'htm',
  'xhtml',
  'shtml',
  'mht',
  'mhtml',
  'xml',
  'hta',
  'js',
  'mjs',
  'vbs',
  'wsf',
  'lnk',
  'mp3',
  'mp4',
  'mov',
  'avi',
  'wav',
]);

/** The lower-case ending after the last dot, or null. */
export function extensionOf(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match?.[1] && match.index > 0 ? match[1].toLowerCase() : null;
}

/** Names Windows reserves for devices; a download called "CON.txt" cannot be saved there. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A file name safe to show and to offer for download: no folders, no control or invisible format
 * characters (bidi overrides could make "exe.pdf" read as "fdp.exe"), none of the characters
 * Windows forbids, no leading dots, at most maxFileNameLength characters; Chinese and other
 * scripts are kept. With a kind, an ending that fits the kind is added when the name lacks one.
 */
export function cleanFileName(raw: string, kind?: FileKind): string {
  let name = raw.normalize('NFC');
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  name = name
    .replace(/[\t\n\v\f\r\u2028\u2029]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const max = ATTACHMENT_LIMITS.maxFileNameLength;
  let ending = '';
  if (kind) {
    const current = extensionOf(name);
    if (!current || !FILE_KIND_INFO[kind].extensions.includes(current)) ending = `.${FILE_KIND_INFO[kind].extensions[0]}`;
  }
  if (!name) name = 'file';
  const stem = name.replace(/\.[^.]*$/, '');
  if (WINDOWS_RESERVED.test(stem)) name = `_${name}`;
  // Shorten by characters (code points), keeping the name's own ending when it has one.
  const chars = Array.from(name);
  const budget = max - Array.from(ending).length;
  if (chars.length > budget) {
    const own = extensionOf(name);
    const keep = own ? Array.from(`.${own}`) : [];
    name = [...chars.slice(0, Math.max(1, budget - keep.length)), ...keep].join('').trim();
  }
  return `${name}${ending}`;
}

export type FileCheck = { ok: true; kind: FileKind; fileName: string; contentType: string } | { ok: false; error: FileError };

/**
 * Checks one received file. `bytes` is null when the upload was not kept because it was over the
 * size limit (its `size` still says how big it was).
 */
export function checkFile(rawName: string, bytes: Uint8Array | null, size: number): FileCheck {
  const shownName = cleanFileName(rawName);
  const refuse = (problem: FileError['problem']): FileCheck => ({ ok: false, error: { problem, fileName: shownName } });
  if (size > ATTACHMENT_LIMITS.maxFileBytes || !bytes) return refuse('tooLarge');
  if (size === 0) return refuse('empty');
  const kind = detectFileKind(bytes);
  if (!kind) return refuse('type');
  if (kind === 'text') {
    const claimed = extensionOf(shownName);
    if (claimed && NOT_PLAIN_TEXT.has(claimed)) return refuse('mismatch');
  }
  return { ok: true, kind, fileName: cleanFileName(rawName, kind), contentType: FILE_KIND_INFO[kind].contentType };
}
