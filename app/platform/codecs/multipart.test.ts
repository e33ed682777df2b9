// The streaming multipart parser: the same parts whatever the chunking, file names with the
// characters that broke Remix's parser, RFC 5987 names, limits and malformed bodies.
import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes.ts';
import { MultipartError, MultipartParser, multipartBoundary, parsePartHeaders, type PartInfo } from './multipart.ts';

interface Part {
  info: PartInfo;
  data: number[];
}

function parse(body: Uint8Array, boundary: string, chunkSize = body.length, limits = {}): Part[] {
  const parts: Part[] = [];
  const parser = new MultipartParser(
    boundary,
    (info) => {
      const part: Part = { info, data: [] };
      let ended = false;
      return {
        data(chunk) {
          if (ended) throw new Error('data after end');
          part.data.push(...chunk);
        },
        end() {
          ended = true;
          parts.push(part);
        },
      };
    },
    limits,
  );
  for (let at = 0; at < body.length; at += chunkSize) parser.write(body.subarray(at, at + chunkSize));
  parser.end();
  return parts;
}

const encoder = new TextEncoder();
const BOUNDARY = '----WebKitFormBoundaryx7Qm2LkA';

function body(parts: { headers: string; content: Uint8Array | string }[], boundary = BOUNDARY, preamble = '', epilogue = ''): Uint8Array {
  const chunks: Uint8Array[] = [encoder.encode(preamble)];
  for (const part of parts) {
    chunks.push(encoder.encode(`--${boundary}\r\n${part.headers}\r\n\r\n`));
    chunks.push(typeof part.content === 'string' ? encoder.encode(part.content) : part.content);
    chunks.push(encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n${epilogue}`));
  return concatBytes(chunks);
}

/** Binary content that contains CR LF, dashes and most of the boundary, but never all of it. */
const tricky = encoder.encode(`\r\n--${BOUNDARY.slice(0, -1)}X\r\n\r\n--\r\n-\r`);
const binary = Uint8Array.from({ length: 3000 }, (_, i) => (i * 131 + 7) % 256);

const sample = () =>
  body(
    [
      { headers: 'Content-Disposition: form-data; name="subject"', content: '拖欠工资' },
      {
        headers: 'Content-Disposition: form-data; name="files"; filename="报告;第1版=最终.pdf"\r\nContent-Type: application/pdf',
        content: tricky,
      },
      { headers: 'Content-Disposition: form-data; name="files"; filename="photo.jpg"\r\nContent-Type: image/jpeg', content: binary },
      { headers: 'Content-Disposition: form-data; name="files"; filename=""\r\nContent-Type: application/octet-stream', content: '' },
      { headers: 'Content-Disposition: form-data; name="body"', content: 'line one\r\nline two' },
    ],
    BOUNDARY,
    'ignored preamble\r\n',
    'ignored epilogue',
  );

describe('MultipartParser', () => {
  it('reads fields and files, whatever the chunk sizes', () => {
    const input = sample();
    const reference = parse(input, BOUNDARY);
    expect(reference.map((p) => [p.info.name, p.info.fileName, p.info.contentType])).toEqual([
      ['subject', null, null],
      ['files', '报告;第1版=最终.pdf', 'application/pdf'],
      ['files', 'photo.jpg', 'image/jpeg'],
      ['files', '', 'application/octet-stream'],
      ['body', null, null],
    ]);
    expect(new TextDecoder().decode(Uint8Array.from(reference[0]?.data ?? []))).toBe('拖欠工资');
    expect(reference[1]?.data).toEqual([...tricky]);
    expect(reference[2]?.data).toEqual([...binary]);
    expect(reference[3]?.data).toEqual([]);
    expect(new TextDecoder().decode(Uint8Array.from(reference[4]?.data ?? []))).toBe('line one\r\nline two');
    for (const size of [1, 2, 3, 7, 13, 40, 41, 42, 43, 64, 1000]) {
      expect(parse(input, BOUNDARY, size), `chunks of ${size}`).toEqual(reference);
    }
  });

  it('decodes RFC 5987 file names, escaped quotes, and keeps the name as sent', () => {
    expect(
      parsePartHeaders(`Content-Disposition: form-data; name="files"; filename="x.pdf"; filename*=UTF-8''%E8%AF%81%E6%8D%AE.pdf`).fileName,
    ).toBe('证据.pdf');
    expect(parsePartHeaders('Content-Disposition: form-data; name="files"; filename="say \\"hi\\".txt"').fileName).toBe('say "hi".txt');
    expect(parsePartHeaders('content-disposition: form-data; name=plain; filename=bare.txt')).toEqual({
      name: 'plain',
      fileName: 'bare.txt',
      contentType: null,
    });
    expect(parsePartHeaders('Content-Disposition: form-data; name="files"; filename="C:\\\\dir\\\\a.pdf"').fileName).toBe('C:\\dir\\a.pdf');
  });

  it('refuses a body that ends early, has no final delimiter, or is not form data', () => {
    const input = sample();
    expect(() => parse(input.subarray(0, input.length - 30), BOUNDARY)).toThrow(MultipartError);
    expect(() => parse(encoder.encode('no boundary here at all'), BOUNDARY)).toThrow(MultipartError);
    expect(() => parse(body([{ headers: 'Content-Disposition: attachment; name="x"', content: 'x' }]), BOUNDARY)).toThrow(MultipartError);
    expect(() => parse(body([{ headers: 'Content-Type: text/plain', content: 'x' }]), BOUNDARY)).toThrow(MultipartError);
  });

  it('limits header size and the number of parts', () => {
    const longHeader = body([{ headers: `Content-Disposition: form-data; name="${'a'.repeat(20_000)}"`, content: 'x' }]);
    expect(() => parse(longHeader, BOUNDARY, 1000)).toThrow(/headers too long/);
    const many = body(Array.from({ length: 5 }, (_, i) => ({ headers: `Content-Disposition: form-data; name="f${i}"`, content: 'x' })));
    expect(() => parse(many, BOUNDARY, many.length, { maxParts: 4 })).toThrow(/too many parts/);
    expect(parse(many, BOUNDARY, many.length, { maxParts: 5 })).toHaveLength(5);
  });

  it('ignores what comes after the final delimiter', () => {
    const input = body(
      [{ headers: 'Content-Disposition: form-data; name="a"', content: '1' }],
      BOUNDARY,
      '',
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="b"\r\n\r\n2`,
    );
    expect(parse(input, BOUNDARY).map((p) => p.info.name)).toEqual(['a']);
  });
});

describe('multipartBoundary', () => {
  it('reads the boundary of multipart/form-data only', () => {
    expect(multipartBoundary(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(multipartBoundary('multipart/form-data; charset=utf-8; boundary="quoted boundary"')).toBe('quoted boundary');
    expect(multipartBoundary('MULTIPART/FORM-DATA; BOUNDARY=abc')).toBe('abc');
    expect(multipartBoundary('application/x-www-form-urlencoded')).toBeNull();
    expect(multipartBoundary('multipart/form-data')).toBeNull();
    expect(multipartBoundary(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toBeNull();
    expect(multipartBoundary(null)).toBeNull();
  });
});
