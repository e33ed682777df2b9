// Small real images (8×6 pixels, drawn on a canvas and encoded by Chromium) and helpers that add
// the metadata phones and cameras write: Exif with GPS, XMP, IPTC, comments, PNG text chunks, WebP
// EXIF/XMP chunks, and a HEIF file whose Exif item holds a location. Used by the unit tests of
// app/features/attachments/image-metadata.ts, the integration tests and the e2e upload spec.
import { crc32 } from 'node:zlib';
import { concatBytes } from '#app/platform/codecs/bytes.ts';

const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export const JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/2wBDAQMEBAUEBQkFBQkUDQsNFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBT/wAARCAAGAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAb/xAAeEAABAQkAAAAAAAAAAAAAAAAAAQMFBwghI0FC0f/EABUBAQEAAAAAAAAAAAAAAAAAAAQF/8QAHhEAAAUFAQAAAAAAAAAAAAAAAAEDBAYCBRMVIiT/2gAMAwEAAhEDEQA/AJ+D0pblsVY41XgAI7V2vjLsw6DSO76ZP0VD/9k=';
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAYAAAD+Bd/7AAAAPElEQVR4AczKMREAIAwEwRsMxEFqGhzEAQ7iAAcoQQlKMPQ4oKbYbgsgxxS4kqZJaNG1SR2GCtV4+SFcAAAA//8W774+AAAABklEQVQDAMwJFYkm+dzPAAAAAElFTkSuQmCC';
/** Lossy WebP with VP8X and ICCP chunks. */
export const WEBP_BASE64 =
  'UklGRkQCAABXRUJQVlA4WAoAAAAgAAAABwAABQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDggVgAAADACAJ0BKggABgAAwBIlsAJ0twABkJd7CvAAAP7/MjG/Cuq9qJIdSiR51ghjEHn6lE+Hcmm6qlxWH/4a/8Gv+Dzzlv+poP/g1/wckn/mn/+KVnigAAAA';
/** Lossless (VP8L) WebP. */
export const WEBP_LOSSLESS_BASE64 =
  'UklGRkACAABXRUJQVlA4WAoAAAAgAAAABwAABQAASUNDUMgBAAAAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADZWUDhMUQAAAC8HQAEAf0GQbTOcItwf7wTjIRBINsjfZ7D570IKAAC73wEYBgBYNDkb2baL6H8AZqKiWy7IbVz2642ES6phe7D0aT3uL1FB1kzHR3WYt/P5AwA=';

export const realJpeg = () => fromBase64(JPEG_BASE64);
export const realPng = () => fromBase64(PNG_BASE64);
export const realWebp = () => fromBase64(WEBP_BASE64);
export const realWebpLossless = () => fromBase64(WEBP_LOSSLESS_BASE64);

/** Text that must not survive stripping, placed in every kind of metadata. */
export const SECRETS = {
  gps: 'GPS-39.9042N-116.4074E',
  camera: 'SecretPhone-Model-X',
  xmp: 'XMP-LOCATION-SECRET',
  iptc: 'IPTC-CITY-SECRET',
  comment: 'JPEG-COMMENT-SECRET',
  trailer: 'TRAILER-EXIF-SECRET',
  pngText: 'PNG-TEXT-SECRET',
  webpExif: 'WEBP-EXIF-SECRET',
  heicExif: 'HEIC-EXIF-SECRET',
  heicXmp: 'HEIC-XMP-SECRET',
} as const;

export const ascii = (text: string) => new TextEncoder().encode(text);

export const concat = (...parts: Uint8Array[]): Uint8Array => concatBytes(parts);

export function contains(haystack: Uint8Array, needle: string | Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(typeof needle === 'string' ? ascii(needle) : needle)) >= 0;
}

const u16be = (n: number) => Uint8Array.of(n >> 8, n & 0xff);
const u32be = (n: number) => Uint8Array.of((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
const u32le = (n: number) => Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);

/**
 * A big-endian TIFF (as in Exif) with IFD0: Orientation, Make (a camera model string) and a
 * GPSInfo pointer to a GPS IFD with latitude ref, latitude rationals and a GPS processing string.
 */
export function exifTiff(orientation = 6): Uint8Array {
  const make = ascii(`${SECRETS.camera}\0`);
  const gpsText = ascii(`ASCII\0\0\0${SECRETS.gps}`);
  // Layout: header(8) IFD0 at 8: count(2) + 3 entries(36) + next(4) = 42 -> ends 50
  // make at 50, GPS IFD after it, then values.
  const makeAt = 50;
  const gpsIfdAt = makeAt + make.length + (make.length % 2);
  const gpsEntries = 3;
  const gpsValuesAt = gpsIfdAt + 2 + gpsEntries * 12 + 4;
  const latitudeAt = gpsValuesAt;
  const textAt = latitudeAt + 24;
  const entry = (tag: number, type: number, count: number, value: Uint8Array) => concat(u16be(tag), u16be(type), u32be(count), value);
  const ifd0 = concat(
    u16be(3),
    entry(0x010f, 2, make.length, u32be(makeAt)),
    entry(0x0112, 3, 1, concat(u16be(orientation), u16be(0))),
    entry(0x8825, 4, 1, u32be(gpsIfdAt)),
    u32be(0),
  );
  const gpsIfd = concat(
    u16be(gpsEntries),
    entry(0x0001, 2, 2, Uint8Array.of(0x4e, 0, 0, 0)),
    entry(0x0002, 5, 3, u32be(latitudeAt)),
    entry(0x001b, 7, gpsText.length, u32be(textAt)),
    u32be(0),
  );
  const latitude = concat(u32be(39), u32be(1), u32be(54), u32be(1), u32be(1512), u32be(100));
  const tiff = concat(ascii('MM'), u16be(42), u32be(8), ifd0, make, new Uint8Array(make.length % 2), gpsIfd, latitude, gpsText);
  return tiff;
}

function jpegSegment(marker: number, payload: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(0xff, marker), u16be(payload.length + 2), payload);
}

/**
 * The real JPEG with what a phone adds: APP1 Exif (GPS, camera, orientation 6) right after APP0,
 * APP1 XMP, APP13 Photoshop/IPTC, a comment, and a secondary "image" with its own Exif after EOI.
 */
export function jpegWithMetadata(orientation = 6): Uint8Array {
  const jpeg = realJpeg();
  const app0End = 2 + 2 + 16; // SOI, then APP0 of length 16
  const exif = jpegSegment(0xe1, concat(ascii('Exif\0\0'), exifTiff(orientation)));
  const xmp = jpegSegment(
    0xe1,
    ascii(`http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>${SECRETS.xmp}</exif:GPSLatitude></x:xmpmeta>`),
  );
  const iptc = jpegSegment(0xed, ascii(`Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x10${SECRETS.iptc}`));
  const comment = jpegSegment(0xfe, ascii(SECRETS.comment));
  const trailer = concat(
    Uint8Array.of(0xff, 0xd8),
    jpegSegment(0xe1, concat(ascii('Exif\0\0'), ascii(SECRETS.trailer))),
    Uint8Array.of(0xff, 0xd9),
  );
  return concat(jpeg.subarray(0, app0End), exif, xmp, iptc, comment, jpeg.subarray(app0End), trailer);
}

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concat(ascii(type), data);
  return concat(u32be(data.length), typeAndData, u32be(crc32(typeAndData)));
}

/** The real PNG with eXIf (GPS), tEXt, iTXt, zTXt and tIME chunks after IHDR, and bytes after IEND. */
export function pngWithMetadata(): Uint8Array {
  const png = realPng();
  const ihdrEnd = 8 + 12 + 13;
  const chunks = concat(
    pngChunk('eXIf', exifTiff(1)),
    pngChunk('tEXt', ascii(`Comment\0${SECRETS.pngText}`)),
    pngChunk('iTXt', ascii(`Location\0\0\0\0\0${SECRETS.gps}`)),
    pngChunk('zTXt', concat(ascii('Author\0\0'), Uint8Array.of(0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01))),
    pngChunk('tIME', Uint8Array.of(0x07, 0xea, 11, 23, 5, 6, 7)),
  );
  return concat(png.subarray(0, ihdrEnd), chunks, png.subarray(ihdrEnd), ascii(SECRETS.trailer));
}

function riffChunk(type: string, data: Uint8Array): Uint8Array {
  return concat(ascii(type), u32le(data.length), data, new Uint8Array(data.length % 2));
}

/** A WebP with EXIF and XMP chunks appended and announced in the VP8X flags. */
export function webpWithMetadata(source = realWebp()): Uint8Array {
  const body = concat(
    source.subarray(12),
    riffChunk('EXIF', concat(exifTiff(1), ascii(SECRETS.webpExif))),
    riffChunk('XMP ', ascii(`<x:xmpmeta>${SECRETS.xmp}</x:xmpmeta>`)),
  );
  const out = concat(ascii('RIFF'), u32le(body.length + 4), ascii('WEBP'), body);
  // VP8X is the first chunk; its flags byte follows the 8-byte chunk header.
  const flagsAt = 12 + 8;
  out[flagsAt] = (out[flagsAt] ?? 0) | 0x08 | 0x04;
  return out;
}

function box(type: string, ...content: Uint8Array[]): Uint8Array {
  const body = concat(...content);
  return concat(u32be(body.length + 8), ascii(type), body);
}

function fullBox(type: string, version: number, ...content: Uint8Array[]): Uint8Array {
  return box(type, Uint8Array.of(version, 0, 0, 0), ...content);
}

export interface HeicFixture {
  bytes: Uint8Array;
  /** Where the (stand-in) coded image lies; it must come out unchanged. */
  image: { offset: number; length: number };
  exif: { offset: number; length: number };
  xmp: { offset: number; length: number };
}

/**
 * An ISOBMFF/HEIF file laid out as phones write it: ftyp (heic), meta with hdlr, pitm, iinf
 * (an hvc1 image item, an Exif item and an XMP 'mime' item) and iloc (file offsets into mdat),
 * then mdat. The "coded image" is stand-in bytes: without an HEVC encoder there is no real one,
 * but stripping must not touch it either way. With `exifInIdat`, the Exif item lives in an idat
 * box (construction method 1) instead.
 */
export function heicWithMetadata(options: { exifInIdat?: boolean; constructionMethod?: number; withMoov?: boolean } = {}): HeicFixture {
  const image = concat(
    ascii('HEVC-CODED-IMAGE-DATA:'),
    Uint8Array.from({ length: 200 }, (_, i) => (i * 7 + 3) % 256),
  );
  const exifPayload = concat(u32be(0), exifTiff(1), ascii(SECRETS.heicExif));
  const xmpPayload = ascii(`<x:xmpmeta><rdf:RDF>${SECRETS.heicXmp}</rdf:RDF></x:xmpmeta>`);
  const ftyp = box('ftyp', ascii('heic'), u32be(0), ascii('mif1'), ascii('heic'));
  const hdlr = fullBox('hdlr', 0, u32be(0), ascii('pict'), new Uint8Array(12), Uint8Array.of(0));
  const pitm = fullBox('pitm', 0, u16be(1));
  const infe = (id: number, type: string, extra: Uint8Array = new Uint8Array(0)) =>
    fullBox('infe', 2, u16be(id), u16be(0), ascii(type), Uint8Array.of(0), extra);
  const iinf = fullBox('iinf', 0, u16be(3), infe(1, 'hvc1'), infe(2, 'Exif'), infe(3, 'mime', ascii('application/rdf+xml\0')));
  const method = options.constructionMethod ?? (options.exifInIdat ? 1 : 0);
  const ilocVersion = method === 0 ? 0 : 1;
  const idat = options.exifInIdat ? box('idat', exifPayload) : new Uint8Array(0);
  // iloc is built twice: once to learn the sizes, then with the real offsets.
  const iloc = (imageAt: number, exifAt: number, xmpAt: number) => {
    const item = (id: number, itemMethod: number, offset: number, length: number) =>
      concat(u16be(id), ilocVersion === 1 ? u16be(itemMethod) : new Uint8Array(0), u16be(0), u16be(1), u32be(offset), u32be(length));
    return fullBox(
      'iloc',
      ilocVersion,
      Uint8Array.of(0x44, 0x00),
      u16be(3),
      item(1, 0, imageAt, image.length),
      item(2, method, exifAt, exifPayload.length),
      item(3, 0, xmpAt, xmpPayload.length),
    );
  };
  const metaWith = (l: Uint8Array) => fullBox('meta', 0, hdlr, pitm, iinf, l, idat);
  const moov = options.withMoov ? box('moov', box('udta', ascii(SECRETS.gps))) : new Uint8Array(0);
  const draftMeta = metaWith(iloc(0, 0, 0));
  const mdatStart = ftyp.length + draftMeta.length + moov.length;
  const imageAt = mdatStart + 8;
  const exifAt = options.exifInIdat ? 0 : imageAt + image.length;
  const xmpAt = imageAt + image.length + (options.exifInIdat ? 0 : exifPayload.length);
  const meta = metaWith(iloc(imageAt, exifAt, xmpAt));
  const mdat = box('mdat', image, options.exifInIdat ? new Uint8Array(0) : exifPayload, xmpPayload);
  const bytes = concat(ftyp, meta, moov, mdat);
  const idatContent = options.exifInIdat ? ftyp.length + meta.length - idat.length + 8 : 0;
  return {
    bytes,
    image: { offset: imageAt, length: image.length },
    exif: { offset: options.exifInIdat ? idatContent : exifAt, length: exifPayload.length },
    xmp: { offset: xmpAt, length: xmpPayload.length },
  };
}
