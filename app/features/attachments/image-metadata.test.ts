// Metadata stripping on real small images with metadata added the way phones add it: the
// metadata must be gone, and everything that carries the picture must be byte for byte the same.
import { describe, expect, it } from 'vitest';
import {
  SECRETS,
  ascii,
  concat,
  contains,
  heicWithMetadata,
  jpegWithMetadata,
  pngChunk,
  pngWithMetadata,
  realJpeg,
  realPng,
  realWebp,
  realWebpLossless,
  webpWithMetadata,
} from '../../../tests/support/image-fixtures.ts';
import { exifOrientation, stripHeic, stripJpeg, stripMetadata, stripPng, stripWebp } from './image-metadata.ts';

function ok(result: ReturnType<typeof stripMetadata>): Uint8Array {
  if (!result.ok) throw new Error(`expected success, got ${result.reason}`);
  return result.bytes;
}

const everySecret = Object.values(SECRETS);

/** JPEG segments as [marker, bytes] up to SOS, then the scan data to EOI. */
function jpegSegments(bytes: Uint8Array): { markers: number[]; segments: Map<number, Uint8Array[]>; scan: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const segments = new Map<number, Uint8Array[]>();
  const markers: number[] = [];
  let at = 2;
  for (;;) {
    const marker = view.getUint8(at + 1);
    const length = view.getUint16(at + 2);
    markers.push(marker);
    segments.set(marker, [...(segments.get(marker) ?? []), bytes.subarray(at, at + 2 + length)]);
    at += 2 + length;
    if (marker === 0xda) break;
  }
  const eoi = Buffer.from(bytes).lastIndexOf(Buffer.from([0xff, 0xd9]));
  return { markers, segments, scan: bytes.subarray(at, eoi) };
}

describe('JPEG', () => {
  it('removes Exif (GPS, camera), XMP, IPTC, comments and what follows the end of the image', () => {
    const input = jpegWithMetadata();
    for (const secret of everySecret.slice(0, 6)) expect(contains(input, secret)).toBe(true);
    const output = ok(stripJpeg(input));
    for (const secret of everySecret) expect(contains(output, secret), secret).toBe(false);
    expect(contains(output, 'http://ns.adobe.com/xap')).toBe(false);
    expect(contains(output, 'Photoshop 3.0')).toBe(false);
    expect(output.at(-2)).toBe(0xff);
    expect(output.at(-1)).toBe(0xd9);
  });

  it('keeps the orientation alone, so a portrait photo is not shown sideways', () => {
    const output = ok(stripJpeg(jpegWithMetadata(6)));
    const app1 = jpegSegments(output).segments.get(0xe1) ?? [];
    expect(app1).toHaveLength(1);
    const payload = app1[0]?.subarray(4) ?? new Uint8Array(0);
    expect(exifOrientation(payload)).toBe(6);
    // Only the one tag: 6 (Exif\0\0) + 8 (header) + 2 + 12 + 4.
    expect(payload.length).toBe(32);
    // Orientation 1 (upright) needs no Exif at all.
    expect(jpegSegments(ok(stripJpeg(jpegWithMetadata(1)))).segments.get(0xe1)).toBeUndefined();
  });

  it('leaves the picture untouched: JFIF, ICC profile, tables, frame, scan header and scan data', () => {
    const original = realJpeg();
    const output = ok(stripJpeg(jpegWithMetadata(1)));
    // Adding metadata to the real file and stripping it gives the real file back.
    expect(Buffer.from(output).equals(Buffer.from(original))).toBe(true);
    const before = jpegSegments(original);
    const after = jpegSegments(output);
    for (const marker of [0xe0, 0xe2, 0xdb, 0xc0, 0xc4, 0xda]) {
      expect(after.segments.get(marker)?.map((s) => Buffer.from(s).toString('hex'))).toEqual(
        before.segments.get(marker)?.map((s) => Buffer.from(s).toString('hex')),
      );
    }
    expect(Buffer.from(after.scan).equals(Buffer.from(before.scan))).toBe(true);
  });

  it('keeps an Adobe APP14 segment (needed for CMYK colours) and restart markers in the scan', () => {
    const original = realJpeg();
    const sos = Buffer.from(original).indexOf(Buffer.from([0xff, 0xda]));
    const adobe = concat(Uint8Array.of(0xff, 0xee, 0x00, 0x0e), ascii('Adobe'), Uint8Array.of(0, 100, 0, 0, 0, 0, 1));
    const scanWithRestart = concat(Uint8Array.of(0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0xff, 0xd9));
    const sosLength = (original[sos + 2] ?? 0) * 256 + (original[sos + 3] ?? 0);
    const input = concat(original.subarray(0, sos), adobe, original.subarray(sos, sos + 2 + sosLength), scanWithRestart);
    const output = ok(stripJpeg(input));
    expect(contains(output, adobe)).toBe(true);
    expect(contains(output, Uint8Array.of(0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56))).toBe(true);
  });

  it('refuses a damaged file instead of guessing', () => {
    expect(stripJpeg(Uint8Array.of(0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff))).toEqual({ ok: false, reason: 'damaged' });
    expect(stripJpeg(realJpeg().subarray(0, 400))).toEqual({ ok: false, reason: 'damaged' });
    expect(stripJpeg(ascii('not a jpeg'))).toEqual({ ok: false, reason: 'damaged' });
  });
});

describe('PNG', () => {
  it('removes eXIf, tEXt, iTXt, zTXt, tIME and anything after IEND', () => {
    const input = pngWithMetadata();
    expect(contains(input, SECRETS.gps)).toBe(true);
    const result = stripPng(input);
    const output = ok(result);
    for (const secret of everySecret) expect(contains(output, secret), secret).toBe(false);
    for (const chunk of ['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']) expect(contains(output, chunk), chunk).toBe(false);
    expect(result.ok && result.removed).toEqual(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME', 'trailing data']);
  });

  it('gives back exactly the real image (IHDR, IDAT, IEND untouched)', () => {
    expect(Buffer.from(ok(stripPng(pngWithMetadata()))).equals(Buffer.from(realPng()))).toBe(true);
  });

  it('keeps colour chunks and drops unknown private ones', () => {
    const png = realPng();
    const ihdrEnd = 8 + 25;
    const gama = pngChunk('gAMA', Uint8Array.of(0, 0, 0xb1, 0x8f));
    const privateChunk = pngChunk('prVt', ascii(SECRETS.gps));
    const output = ok(stripPng(concat(png.subarray(0, ihdrEnd), gama, privateChunk, png.subarray(ihdrEnd))));
    expect(contains(output, gama)).toBe(true);
    expect(contains(output, SECRETS.gps)).toBe(false);
  });

  it('refuses a damaged file, or one with an unknown critical chunk', () => {
    const png = realPng();
    expect(stripPng(png.subarray(0, 50))).toEqual({ ok: false, reason: 'damaged' });
    const ihdrEnd = 8 + 25;
    expect(stripPng(concat(png.subarray(0, ihdrEnd), pngChunk('CgBI', new Uint8Array(4)), png.subarray(ihdrEnd)))).toEqual({
      ok: false,
      reason: 'damaged',
    });
  });
});

describe('WebP', () => {
  it('removes the EXIF and XMP chunks and clears their VP8X flags', () => {
    const input = webpWithMetadata();
    expect((input[20] ?? 0) & 0x0c).toBe(0x0c);
    const output = ok(stripWebp(input));
    for (const secret of everySecret) expect(contains(output, secret), secret).toBe(false);
    expect(contains(output, 'EXIF')).toBe(false);
    expect(contains(output, 'XMP ')).toBe(false);
    expect((output[20] ?? 0) & 0x0c).toBe(0);
    // The ICC flag (0x20) the encoder set is kept.
    expect((output[20] ?? 0) & 0x20).toBe(0x20);
  });

  it('gives back exactly the real image, with a correct RIFF size', () => {
    for (const source of [realWebp(), realWebpLossless()]) {
      const output = ok(stripWebp(webpWithMetadata(source)));
      expect(Buffer.from(output).equals(Buffer.from(source))).toBe(true);
      expect(new DataView(output.buffer, output.byteOffset).getUint32(4, true)).toBe(output.length - 8);
    }
  });

  it('refuses a damaged file', () => {
    const webp = realWebp();
    expect(stripWebp(webp.subarray(0, 30))).toEqual({ ok: false, reason: 'damaged' });
  });
});

describe('HEIC', () => {
  it('overwrites the Exif and XMP items where they lie and leaves every other byte as it was', () => {
    const fixture = heicWithMetadata();
    const input = fixture.bytes;
    expect(contains(input, SECRETS.heicExif)).toBe(true);
    const output = ok(stripHeic(input));
    expect(output.length).toBe(input.length);
    for (const secret of everySecret) expect(contains(output, secret), secret).toBe(false);
    const inMetadata = (i: number) =>
      (i >= fixture.exif.offset && i < fixture.exif.offset + fixture.exif.length) ||
      (i >= fixture.xmp.offset && i < fixture.xmp.offset + fixture.xmp.length);
    const changedOutside = [...input.keys()].filter((i) => !inMetadata(i) && input[i] !== output[i]);
    expect(changedOutside).toEqual([]);
    const image = (bytes: Uint8Array) => Buffer.from(bytes.subarray(fixture.image.offset, fixture.image.offset + fixture.image.length));
    expect(image(output).equals(image(input))).toBe(true);
    // What is left of the Exif item is a valid, empty Exif block: offset 0, TIFF header, no tags.
    const exif = output.subarray(fixture.exif.offset, fixture.exif.offset + 18);
    expect(Buffer.from(exif).toString('hex')).toBe('000000004d4d002a000000080000000000000000'.slice(0, 36));
    expect(output.subarray(fixture.xmp.offset, fixture.xmp.offset + fixture.xmp.length).every((b) => b === 0x20)).toBe(true);
  });

  it('also handles an Exif item stored in the meta box (idat, construction method 1)', () => {
    const fixture = heicWithMetadata({ exifInIdat: true });
    const output = ok(stripHeic(fixture.bytes));
    expect(contains(output, SECRETS.heicExif)).toBe(false);
    expect(contains(output, SECRETS.gps)).toBe(false);
    expect(output.length).toBe(fixture.bytes.length);
  });

  it('refuses what it cannot strip soundly: items built from other items, a movie box', () => {
    expect(stripHeic(heicWithMetadata({ constructionMethod: 2 }).bytes)).toEqual({ ok: false, reason: 'unsupported' });
    expect(stripHeic(heicWithMetadata({ withMoov: true }).bytes)).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('refuses damaged boxes', () => {
    const bytes = heicWithMetadata().bytes;
    expect(stripHeic(bytes.subarray(0, bytes.length - 20))).toEqual({ ok: false, reason: 'damaged' });
  });
});

describe('stripMetadata', () => {
  it('passes documents through unchanged', () => {
    const pdf = ascii('%PDF-1.4\n/Author (Someone)');
    expect(stripMetadata('pdf', pdf)).toEqual({ ok: true, bytes: pdf, removed: [] });
  });
});
