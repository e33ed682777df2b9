// Removes what a photo says about where and when it was taken, and with what device (EXIF, GPS,
// XMP, IPTC, comments, text chunks), before it is stored. Byte-level work on the container
// formats only: the compressed image data is copied unchanged, never decoded or re-encoded.
import { concatBytes } from '#app/platform/codecs/bytes.ts';
import type { FileKind } from './rules.ts';

export type StripResult =
  | { ok: true; bytes: Uint8Array; removed: string[] }
  /** damaged: the container is malformed; unsupported: metadata we cannot remove soundly. */
  | { ok: false; reason: 'damaged' | 'unsupported' };

/** Strips metadata from the image kinds; other kinds are returned as they are. */
export function stripMetadata(kind: FileKind, bytes: Uint8Array): StripResult {
  switch (kind) {
    case 'jpeg':
      return stripJpeg(bytes);
    case 'png':
      return stripPng(bytes);
    case 'webp':
      return stripWebp(bytes);
    case 'heic':
      return stripHeic(bytes);
    default:
      return { ok: true, bytes, removed: [] };
  }
}

/** A length or offset that points past the end (DataView throws RangeError) means a damaged file. */
function guarded(strip: (bytes: Uint8Array) => StripResult): (bytes: Uint8Array) => StripResult {
  return (bytes) => {
    try {
      return strip(bytes);
    } catch (error) {
      if (error instanceof RangeError) return { ok: false, reason: 'damaged' };
      throw error;
    }
  };
}

const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const text = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

// --- JPEG -------------------------------------------------------------------------------------

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;

/**
 * Keeps what decoding needs: frame and scan headers, tables, restart intervals, the entropy-coded
 * data, APP0 JFIF, APP2 ICC profiles (colours) and APP14 Adobe (colour transform of CMYK/YCCK
 * files). Drops every other APPn segment (Exif, XMP, MPF, Photoshop/IPTC, …), comments, and
 * anything after the end-of-image marker (phones append secondary images there, with their own
 * Exif). The Exif orientation is kept, alone, so portrait photos are not shown sideways.
 */
export const stripJpeg = guarded((bytes: Uint8Array): StripResult => {
  const view = viewOf(bytes);
  const n = bytes.length;
  if (n < 4 || view.getUint8(0) !== 0xff || view.getUint8(1) !== SOI) return { ok: false, reason: 'damaged' };
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  const removed: string[] = [];
  let orientationWritten = false;
  let at = 2;
  for (;;) {
    if (at >= n) return { ok: false, reason: 'damaged' };
    if (view.getUint8(at) !== 0xff) return { ok: false, reason: 'damaged' };
    // Any number of 0xFF fill bytes may precede a marker.
    while (at + 1 < n && view.getUint8(at + 1) === 0xff) at++;
    if (at + 1 >= n) return { ok: false, reason: 'damaged' };
    const marker = view.getUint8(at + 1);
    if (marker === EOI) {
      out.push(Uint8Array.of(0xff, EOI));
      if (at + 2 < n) removed.push('trailing data');
      break;
    }
    if (marker === SOI) return { ok: false, reason: 'damaged' };
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      out.push(Uint8Array.of(0xff, marker));
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (length < 2 || at + 2 + length > n) return { ok: false, reason: 'damaged' };
    const segment = bytes.subarray(at, at + 2 + length);
    const payload = bytes.subarray(at + 4, at + 2 + length);
    at += 2 + length;
    const keep = jpegSegmentFate(marker, payload);
    if (keep === 'keep') out.push(segment);
    else {
      removed.push(keep);
      if (keep === 'Exif' && !orientationWritten) {
        const orientation = exifOrientation(payload);
        if (orientation && orientation !== 1) {
          out.push(orientationOnlyExif(orientation));
          orientationWritten = true;
        }
      }
    }
    if (marker === SOS) {
      // Entropy-coded data runs to the next marker: 0xFF followed by anything but a stuffed 0x00,
      // a restart marker or another fill byte.
      const start = at;
      let end = -1;
      for (let i = bytes.indexOf(0xff, at); i >= 0 && i + 1 < n; i = bytes.indexOf(0xff, i + 1)) {
        const next = view.getUint8(i + 1);
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) continue;
        end = i;
        break;
      }
      if (end < 0) return { ok: false, reason: 'damaged' };
      out.push(bytes.subarray(start, end));
      at = end;
    }
  }
  return { ok: true, bytes: concatBytes(out), removed };
});

type JpegFate = 'keep' | string;

function jpegSegmentFate(marker: number, payload: Uint8Array): JpegFate {
  const startsWith = (id: string) => text(payload, 0, id.length) === id;
  if (marker === 0xfe) return 'comment';
  if (marker < 0xe0 || marker > 0xef) return 'keep';
  if (marker === 0xe0) return startsWith('JFIF\0') ? 'keep' : 'APP0';
  if (marker === 0xe1) {
    if (startsWith('Exif\0')) return 'Exif';
    return startsWith('http://ns.adobe.com/') ? 'XMP' : 'APP1';
  }
  if (marker === 0xe2) return startsWith('ICC_PROFILE\0') ? 'keep' : 'APP2';
  if (marker === 0xee) return startsWith('Adobe') ? 'keep' : 'APP14';
  return `APP${marker - 0xe0}`;
}

/** The Orientation tag (0x0112) of IFD0 in an APP1 Exif payload, or null. */
export function exifOrientation(payload: Uint8Array): number | null {
  try {
    const tiff = payload.subarray(6);
    const view = viewOf(tiff);
    const order = text(tiff, 0, 2);
    if (order !== 'II' && order !== 'MM') return null;
    const little = order === 'II';
    if (view.getUint16(2, little) !== 42) return null;
    const ifd = view.getUint32(4, little);
    const count = view.getUint16(ifd, little);
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      if (view.getUint16(entry, little) === 0x0112 && view.getUint16(entry + 2, little) === 3) {
        const value = view.getUint16(entry + 8, little);
        return value >= 1 && value <= 8 ? value : null;
      }
    }
    return null;
  } catch {
    return null;
  }
}

/** An APP1 segment with an Exif block holding one tag: the orientation. */
function orientationOnlyExif(orientation: number): Uint8Array {
  const payload = Uint8Array.of(
    ...Array.from('Exif\0\0', (c) => c.charCodeAt(0)),
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // big-endian TIFF header, IFD0 at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation, SHORT, 1
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  );
  const length = payload.length + 2;
  return concatBytes([Uint8Array.of(0xff, 0xe1, length >> 8, length & 0xff), payload]);
}

// --- PNG --------------------------------------------------------------------------------------

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/**
 * The chunks needed to show a PNG (and APNG) correctly. Everything else goes: eXIf, tEXt, iTXt,
 * zTXt and tIME by name, and unknown or private chunks too, since they may carry anything.
 */
const PNG_KEEP = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'cHRM',
  'gAMA',
  'iCCP',
  'sBIT',
  'sRGB',
  'cICP',
  'mDCV',
  'mDCv',
  'cLLI',
  'cLLi',
  'bKGD',
  'hIST',
  'pHYs',
  'sPLT',
  'acTL',
  'fcTL',
  'fdAT',
]);

export const stripPng = guarded((bytes: Uint8Array): StripResult => {
  const view = viewOf(bytes);
  if (bytes.length < 8 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return { ok: false, reason: 'damaged' };
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  const removed: string[] = [];
  let at = 8;
  let first = true;
  for (;;) {
    if (at + 12 > bytes.length) return { ok: false, reason: 'damaged' };
    const length = view.getUint32(at);
    const type = text(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (!/^[A-Za-z]{4}$/.test(type) || end > bytes.length) return { ok: false, reason: 'damaged' };
    if (first && type !== 'IHDR') return { ok: false, reason: 'damaged' };
    first = false;
    if (PNG_KEEP.has(type)) out.push(bytes.subarray(at, end));
    // An unknown critical chunk (upper-case first letter) means standard decoders cannot show it.
    else if (/^[A-Z]/.test(type)) return { ok: false, reason: 'damaged' };
    else removed.push(type);
    at = end;
    if (type === 'IEND') {
      if (at < bytes.length) removed.push('trailing data');
      break;
    }
  }
  return { ok: true, bytes: concatBytes(out), removed };
});

// --- WebP -------------------------------------------------------------------------------------

/** The chunks of a still or animated WebP that decoders use; EXIF, XMP and unknown ones go. */
const WEBP_KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

export const stripWebp = guarded((bytes: Uint8Array): StripResult => {
  const view = viewOf(bytes);
  if (bytes.length < 12 || text(bytes, 0, 4) !== 'RIFF' || text(bytes, 8, 4) !== 'WEBP') return { ok: false, reason: 'damaged' };
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > bytes.length || riffEnd < 12) return { ok: false, reason: 'damaged' };
  const chunks: Uint8Array[] = [];
  const removed: string[] = [];
  let at = 12;
  while (at < riffEnd) {
    if (at + 8 > riffEnd) return { ok: false, reason: 'damaged' };
    const type = text(bytes, at, 4);
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size + (size % 2);
    if (end > riffEnd && at + 8 + size !== riffEnd) return { ok: false, reason: 'damaged' };
    const chunk = bytes.subarray(at, Math.min(end, riffEnd));
    if (!WEBP_KEEP.has(type)) removed.push(type.trim());
    else if (type === 'VP8X') {
      if (size < 10) return { ok: false, reason: 'damaged' };
      // The VP8X header announces EXIF and XMP chunks; they are gone, so the flags go too.
      const copy = chunk.slice();
      copy[8] = (copy[8] ?? 0) & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
      chunks.push(copy);
    } else chunks.push(chunk.length % 2 ? concatBytes([chunk, Uint8Array.of(0)]) : chunk);
    at = end;
  }
  if (riffEnd < bytes.length) removed.push('trailing data');
  const body = concatBytes(chunks);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 4), 0);
  new DataView(header.buffer).setUint32(4, 4 + body.length, true);
  header.set(bytes.subarray(8, 12), 8);
  return { ok: true, bytes: concatBytes([header, body]), removed };
});

// --- HEIC (ISOBMFF / HEIF) ----------------------------------------------------------------------

interface Box {
  type: string;
  start: number;
  /** Where the box's content starts (after size, type and any large size). */
  content: number;
  end: number;
}

function boxesIn(bytes: Uint8Array, start: number, end: number): Box[] {
  const view = viewOf(bytes);
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = view.getUint32(at);
    const type = text(bytes, at + 4, 4);
    let content = at + 8;
    if (size === 1) {
      const large = view.getBigUint64(at + 8);
      if (large > BigInt(end - at)) throw new RangeError('box too large');
      size = Number(large);
      content = at + 16;
    } else if (size === 0) size = end - at;
    if (size < content - at || at + size > end) throw new RangeError('box size');
    boxes.push({ type, start: at, content, end: at + size });
    at += size;
  }
  if (at !== end) throw new RangeError('trailing bytes in box');
  return boxes;
}

function readSized(view: DataView, at: number, size: number): number {
  if (size === 0) return 0;
  if (size === 4) return view.getUint32(at);
  if (size === 8) {
    const value = view.getBigUint64(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('offset too large');
    return Number(value);
  }
  throw new RangeError('field size');
}

interface Extent {
  offset: number;
  length: number;
}

/**
 * HEIF keeps Exif and XMP as items of the top-level meta box: iinf names them ('Exif', or 'mime'
 * with application/rdf+xml), iloc says where their bytes are. Moving boxes would shift every
 * offset, so the bytes are overwritten where they lie: the Exif item with an empty Exif block (a
 * valid TIFF header with no tags), the XMP item with spaces. Everything else, the coded image
 * included, stays byte for byte. What this cannot do soundly (items built from other items,
 * external data references, a movie box with its own metadata) is refused as unsupported.
 */
export const stripHeic = guarded((input: Uint8Array): StripResult => {
  const bytes = input.slice();
  const view = viewOf(bytes);
  const top = boxesIn(bytes, 0, bytes.length);
  if (top[0]?.type !== 'ftyp') return { ok: false, reason: 'damaged' };
  if (top.some((b) => b.type === 'moov')) return { ok: false, reason: 'unsupported' };
  const metas = top.filter((b) => b.type === 'meta');
  if (metas.length !== 1 || !metas[0]) return { ok: false, reason: 'damaged' };
  const meta = metas[0];
  const children = boxesIn(bytes, meta.content + 4, meta.end);
  const iinf = children.find((b) => b.type === 'iinf');
  const iloc = children.find((b) => b.type === 'iloc');
  const idat = children.find((b) => b.type === 'idat');
  if (!iinf || !iloc) return { ok: false, reason: 'damaged' };

  // Which items are metadata.
  const metadataItems = new Map<number, 'Exif' | 'XMP'>();
  const iinfVersion = view.getUint8(iinf.content);
  const infeStart = iinf.content + 4 + (iinfVersion === 0 ? 2 : 4);
  for (const infe of boxesIn(bytes, infeStart, iinf.end)) {
    if (infe.type !== 'infe') continue;
    const version = view.getUint8(infe.content);
    let at = infe.content + 4;
    if (version < 2) {
      // Old-style entries carry a MIME type instead of an item type.
      const id = view.getUint16(at);
      at += 4;
      const [, afterName] = cString(bytes, at, infe.end);
      const [contentType] = cString(bytes, afterName, infe.end);
      if (/xml|exif/i.test(contentType)) metadataItems.set(id, /exif/i.test(contentType) ? 'Exif' : 'XMP');
      continue;
    }
    const id = version === 2 ? view.getUint16(at) : view.getUint32(at);
    at += version === 2 ? 2 : 4;
    at += 2; // item_protection_index
    const itemType = text(bytes, at, 4);
    at += 4;
    if (itemType === 'Exif') metadataItems.set(id, 'Exif');
    else if (itemType === 'mime') {
      const [, afterName] = cString(bytes, at, infe.end);
      const [contentType] = cString(bytes, afterName, infe.end);
      if (/rdf\+xml|xmp/i.test(contentType)) metadataItems.set(id, 'XMP');
    }
  }
  if (metadataItems.size === 0) return { ok: true, bytes: input, removed: [] };

  // Where their bytes are.
  const version = view.getUint8(iloc.content);
  let at = iloc.content + 4;
  const sizes = view.getUint8(at);
  const sizes2 = view.getUint8(at + 1);
  at += 2;
  const offsetSize = sizes >> 4;
  const lengthSize = sizes & 0x0f;
  const baseOffsetSize = sizes2 >> 4;
  const indexSize = version === 1 || version === 2 ? sizes2 & 0x0f : 0;
  const itemCount = version < 2 ? view.getUint16(at) : view.getUint32(at);
  at += version < 2 ? 2 : 4;
  const located = new Map<number, Extent[]>();
  for (let i = 0; i < itemCount; i++) {
    const id = version < 2 ? view.getUint16(at) : view.getUint32(at);
    at += version < 2 ? 2 : 4;
    let method = 0;
    if (version === 1 || version === 2) {
      method = view.getUint16(at) & 0x0f;
      at += 2;
    }
    const dataReference = view.getUint16(at);
    at += 2;
    const baseOffset = readSized(view, at, baseOffsetSize);
    at += baseOffsetSize;
    const extentCount = view.getUint16(at);
    at += 2;
    const extents: Extent[] = [];
    for (let e = 0; e < extentCount; e++) {
      at += indexSize;
      const offset = readSized(view, at, offsetSize);
      at += offsetSize;
      const length = readSized(view, at, lengthSize);
      at += lengthSize;
      extents.push({ offset: baseOffset + offset, length });
    }
    if (at > iloc.end) return { ok: false, reason: 'damaged' };
    if (!metadataItems.has(id)) continue;
    if (dataReference !== 0 || method > 1 || extents.some((x) => x.length === 0)) return { ok: false, reason: 'unsupported' };
    if (method === 1) {
      if (!idat) return { ok: false, reason: 'damaged' };
      for (const x of extents) x.offset += idat.content;
    }
    const limit = method === 1 && idat ? idat.end : bytes.length;
    if (extents.some((x) => x.offset < 0 || x.offset + x.length > limit)) return { ok: false, reason: 'damaged' };
    located.set(id, extents);
  }

  const removed: string[] = [];
  for (const [id, kind] of metadataItems) {
    const extents = located.get(id);
    if (!extents) return { ok: false, reason: 'damaged' };
    const total = extents.reduce((sum, x) => sum + x.length, 0);
    const replacement = new Uint8Array(total).fill(kind === 'XMP' ? 0x20 : 0);
    // exif_tiff_header_offset 0, then a big-endian TIFF header with an empty IFD0 and no next IFD.
    if (kind === 'Exif' && total >= EMPTY_EXIF_ITEM.length) replacement.set(EMPTY_EXIF_ITEM, 0);
    let from = 0;
    for (const x of extents) {
      bytes.set(replacement.subarray(from, from + x.length), x.offset);
      from += x.length;
    }
    removed.push(kind);
  }
  return { ok: true, bytes, removed };
});

const EMPTY_EXIF_ITEM = Uint8Array.of(0, 0, 0, 0, 0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0);

/** A NUL-terminated string and the position after it. */
function cString(bytes: Uint8Array, at: number, end: number): [string, number] {
  let stop = at;
  while (stop < end && bytes[stop] !== 0) stop++;
  return [new TextDecoder().decode(bytes.subarray(at, stop)), Math.min(stop + 1, end)];
}
