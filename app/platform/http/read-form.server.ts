// Reading a request body as a form, once for every route: within a byte cap counted as the body
// streams (a chunked body declares no length), refusing what is not a form (415) or cannot be read
// (400). Forms that carry files go through the attachments feature's streaming multipart reader.
import { concatBytes } from '#app/platform/codecs/bytes.ts';
import { badRequest } from './route.server.ts';

/** Forms without files are text: 64 KB holds the longest letter several times over. */
export const TEXT_FORM_MAX_BYTES = 64 * 1024;

/**
 * A multipart form carries at most 5 files of 10 MB that are kept; the files past those are
 * counted and dropped as they stream (so a few too many still get a clear message). Past this,
 * counted as the bytes arrive whether or not a length was declared, the answer is 413.
 */
export const MULTIPART_MAX_BYTES = 128 * 1024 * 1024;

/** The server drains what is left of a refused body (server/http-server.ts), so the client reads the answer. */
function refuse(status: 413 | 415, text: string): never {
  throw new Response(text, { status });
}

/** The answer to a body past its cap; the rest of it is not read. */
export function refuseTooLarge(): never {
  refuse(413, 'Request too large');
}

/** Reads at most `maxBytes` of the body; past that the rest is left unread and the answer is 413. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) refuseTooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      refuseTooLarge();
    }
    chunks.push(value);
  }
  return concatBytes(chunks);
}

/**
 * The posted fields of a form without files (application/x-www-form-urlencoded, as every <Form>
 * here sends). Multipart and other types are refused with 415: these routes take no files.
 */
export async function readForm(request: Request, options: { maxBytes?: number } = {}): Promise<URLSearchParams> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') refuse(415, 'Unsupported Media Type');
  const bytes = await readBodyBytes(request, options.maxBytes ?? TEXT_FORM_MAX_BYTES);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    badRequest('The form is not valid UTF-8');
  }
  return new URLSearchParams(text);
}
