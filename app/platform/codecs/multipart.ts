// A streaming multipart/form-data parser (RFC 7578): bytes are pushed in as they arrive and each
// part's content is handed to a sink, so the caller decides what to keep while the upload is
// still coming in. Memory stays bounded by the sinks, not by the request's size.
//
// Written here rather than taken from Remix's unstable_parseMultipartFormData because the parser
// under that one fails the whole form when a file name contains ';' or '=' (it splits the
// Content-Disposition header on them), and a citizen's "报告;第1版.pdf" must not lose their letter.

export interface PartInfo {
  /** The form field's name. */
  name: string;
  /** The file name as sent (possibly empty); null for an ordinary field. */
  fileName: string | null;
  contentType: string | null;
}

export interface PartSink {
  data(chunk: Uint8Array): void;
  end(): void;
}

export class MultipartError extends Error {}

export interface MultipartLimits {
  /** Bytes of one part's header block. */
  maxHeaderBytes: number;
  /** Parts in one body. */
  maxParts: number;
}

const DEFAULT_LIMITS: MultipartLimits = { maxHeaderBytes: 16 * 1024, maxParts: 500 };
const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;

/** The boundary of a multipart/form-data Content-Type, or null for any other type. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType) return null;
  const [type, ...params] = splitParams(contentType);
  if (type?.toLowerCase() !== 'multipart/form-data') return null;
  const boundary = params.find((p) => p.name === 'boundary')?.value;
  // RFC 2046: 1–70 characters.
  return boundary && boundary.length <= 70 ? boundary : null;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Where `needle` starts in `haystack` at or after `from`, or -1. */
function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  if (first === undefined) return from;
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first, from); i >= 0 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

type State = 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'done';

export class MultipartParser {
  private readonly delimiter: Uint8Array;
  private readonly limits: MultipartLimits;
  // The body's first delimiter has no CRLF in front of it; pretending it has one lets a single
  // search ("\r\n--boundary") find every delimiter.
  private pending: Uint8Array = Uint8Array.of(CR, LF);
  private state: State = 'preamble';
  private sink: PartSink | null = null;
  private parts = 0;

  constructor(
    boundary: string,
    private readonly onPart: (info: PartInfo) => PartSink,
    limits: Partial<MultipartLimits> = {},
  ) {
    this.delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  write(chunk: Uint8Array): void {
    if (this.state === 'done') return;
    this.pending = concat(this.pending, chunk);
    while (this.step()) {
      // each step consumes what it can; false means it needs more bytes
    }
  }

  /** The body has ended: anything but a complete final delimiter is an error. */
  end(): void {
    if (this.state !== 'done') {
      this.sink = null;
      throw new MultipartError('the form data ended early');
    }
  }

  private step(): boolean {
    const buffer = this.pending;
    const dl = this.delimiter.length;
    switch (this.state) {
      case 'preamble': {
        const at = indexOf(buffer, this.delimiter);
        if (at < 0) {
          this.pending = buffer.subarray(Math.max(0, buffer.length - (dl - 1)));
          return false;
        }
        this.pending = buffer.subarray(at + dl);
        this.state = 'afterDelimiter';
        return true;
      }
      case 'afterDelimiter': {
        // "--" ends the body; otherwise optional spaces or tabs, then CRLF, then the next part.
        if (buffer.length < 2) return false;
        if (buffer[0] === DASH && buffer[1] === DASH) {
          this.state = 'done';
          this.pending = new Uint8Array(0);
          return false;
        }
        let i = 0;
        while (i < buffer.length && (buffer[i] === 0x20 || buffer[i] === 0x09)) i++;
        if (i > 256) throw new MultipartError('malformed delimiter');
        if (buffer.length < i + 2) return false;
        if (buffer[i] !== CR || buffer[i + 1] !== LF) throw new MultipartError('malformed delimiter');
        this.pending = buffer.subarray(i + 2);
        this.state = 'headers';
        return true;
      }
      case 'headers': {
        let headerEnd: number;
        let next: number;
        if (buffer.length >= 2 && buffer[0] === CR && buffer[1] === LF) {
          headerEnd = 0;
          next = 2;
        } else {
          headerEnd = indexOf(buffer, Uint8Array.of(CR, LF, CR, LF));
          next = headerEnd + 4;
        }
        if (headerEnd < 0) {
          if (buffer.length > this.limits.maxHeaderBytes) throw new MultipartError('part headers too long');
          return false;
        }
        if (headerEnd > this.limits.maxHeaderBytes) throw new MultipartError('part headers too long');
        if (++this.parts > this.limits.maxParts) throw new MultipartError('too many parts');
        const info = parsePartHeaders(new TextDecoder('utf-8').decode(buffer.subarray(0, headerEnd)));
        this.sink = this.onPart(info);
        this.pending = buffer.subarray(next);
        this.state = 'body';
        return true;
      }
      case 'body': {
        const at = indexOf(buffer, this.delimiter);
        const sink = this.sink;
        if (!sink) throw new MultipartError('no part');
        if (at < 0) {
          // Hold back what could be the start of a delimiter split across chunks.
          const safe = buffer.length - (dl - 1);
          if (safe > 0) {
            sink.data(buffer.subarray(0, safe));
            this.pending = buffer.subarray(safe);
          }
          return false;
        }
        if (at > 0) sink.data(buffer.subarray(0, at));
        sink.end();
        this.sink = null;
        this.pending = buffer.subarray(at + dl);
        this.state = 'afterDelimiter';
        return true;
      }
      case 'done':
        return false;
    }
  }
}

interface Param {
  name: string;
  value: string;
}

/**
 * Splits a header value into its first token and `name=value` parameters, honouring quoted
 * strings (with backslash escapes), so ';' and '=' inside a quoted file name stay in it.
 */
function splitParams(value: string): [string | undefined, ...Param[]] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (quoted) {
      if (c === '\\' && i + 1 < value.length) {
        current += c + value.charAt(++i);
        continue;
      }
      if (c === '"') quoted = false;
      current += c;
    } else if (c === '"') {
      quoted = true;
      current += c;
    } else if (c === ';') {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  const [first, ...rest] = items.map((s) => s.trim());
  const params: Param[] = [];
  for (const item of rest) {
    const eq = item.indexOf('=');
    if (eq <= 0) continue;
    const name = item.slice(0, eq).trim().toLowerCase();
    let raw = item.slice(eq + 1).trim();
    if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) raw = raw.slice(1, -1).replace(/\\(.)/g, '$1');
    params.push({ name, value: raw });
  }
  return [first, ...params];
}

/** RFC 5987 ext-value (charset'lang'percent-encoded), as in filename*=UTF-8''%E6%8A%A5.pdf. */
function decodeExtValue(value: string): string | null {
  const match = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value);
  if (!match?.[1] || match[2] === undefined || match[1].toLowerCase() !== 'utf-8') return null;
  try {
    return decodeURIComponent(match[2]);
  } catch {
    return null;
  }
}

export function parsePartHeaders(block: string): PartInfo {
  let name: string | null = null;
  let fileName: string | null = null;
  let contentType: string | null = null;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === 'content-type') contentType = value;
    if (header !== 'content-disposition') continue;
    const [type, ...params] = splitParams(value);
    if (type?.toLowerCase() !== 'form-data') throw new MultipartError('not form-data');
    for (const p of params) {
      if (p.name === 'name') name = p.value;
      else if (p.name === 'filename' && fileName === null) fileName = p.value;
    }
    const extended = params.find((p) => p.name === 'filename*');
    const decoded = extended ? decodeExtValue(extended.value) : null;
    if (decoded !== null) fileName = decoded;
  }
  if (name === null) throw new MultipartError('part without a name');
  return { name, fileName, contentType };
}
