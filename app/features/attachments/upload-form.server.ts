// Forms that carry files: read as they stream in, within the upload limits, and answered the same
// way whether the browser posted them itself (a redirect, or the page with its problems) or sent
// them with JavaScript to show progress (the same answer as JSON).
import { data, redirect } from '@remix-run/node';
import { concatBytes } from '#app/platform/codecs/bytes.ts';
import { MultipartError, MultipartParser, multipartBoundary, type PartSink } from '#app/platform/codecs/multipart.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { ATTACHMENT_LIMITS, FILES_FIELD, type UploadProblem } from './rules.ts';
import type { Refusal } from '#app/platform/http/outcome.server.ts';

/** A file as it arrived. `bytes` is null when it was not kept: over the size limit, or past the count limit. */
export interface ReceivedFile {
  name: string;
  size: number;
  bytes: Uint8Array | null;
}

/** The body could not be read as a form (malformed, truncated, or far beyond any real form). */
export class UnreadableFormError extends Error {}

/** An ordinary field longer than this is longer than any field of any form here; the rest is dropped. */
const MAX_TEXT_FIELD_BYTES = 64 * 1024;
const MAX_TEXT_TOTAL_BYTES = 1024 * 1024;

const DISCARD: PartSink = { data() {}, end() {} };

/**
 * Reads a form post. Ordinary fields go into URLSearchParams (as readForm gives them); files of the `files` field are kept in
 * memory while they stream in, but only up to 5 files of 10 MB: beyond that the bytes are counted
 * and dropped, so an oversized upload costs bandwidth, not memory, and can still be reported by
 * name. A form sent url-encoded (no files) is read as every other form (readForm).
 */
export async function readUploadForm(request: Request): Promise<{ form: URLSearchParams; files: ReceivedFile[] }> {
  const boundary = multipartBoundary(request.headers.get('Content-Type'));
  if (!boundary) return { form: await readForm(request), files: [] };
  if (!request.body) throw new UnreadableFormError('no body');
  const form = new URLSearchParams();
  const files: ReceivedFile[] = [];
  let textTotal = 0;
  const parser = new MultipartParser(boundary, (info): PartSink => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (info.fileName === null) {
      let kept = 0;
      return {
        data(chunk) {
          textTotal += chunk.length;
          if (textTotal > MAX_TEXT_TOTAL_BYTES) throw new UnreadableFormError('form fields too large');
          const room = MAX_TEXT_FIELD_BYTES - kept;
          if (room > 0) {
            const part = chunk.subarray(0, room);
            chunks.push(part);
            kept += part.length;
          }
        },
        end() {
          form.append(info.name, new TextDecoder('utf-8').decode(concatBytes(chunks)));
        },
      };
    }
    if (info.name !== FILES_FIELD) return DISCARD;
    const fileName = info.fileName;
    // Parts arrive one after another, so the files already complete decide whether to keep this one.
    const keep = files.length < ATTACHMENT_LIMITS.maxFilesPerRequest;
    return {
      data(chunk) {
        size += chunk.length;
        if (keep && size <= ATTACHMENT_LIMITS.maxFileBytes) chunks.push(chunk);
      },
      end() {
        // An empty file input still sends a part: no name and no bytes. That is "no file".
        if (fileName === '' && size === 0) return;
        files.push({ name: fileName, size, bytes: keep && size <= ATTACHMENT_LIMITS.maxFileBytes ? concatBytes(chunks) : null });
      },
    };
  });
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.write(value);
    }
    parser.end();
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof MultipartError || error instanceof UnreadableFormError || error instanceof TypeError) {
      throw new UnreadableFormError(error.message);
    }
    throw error;
  }
  return { form, files };
}

/** What an upload form's feature returns: a success with the cookie it sets, or the problem. */
export type UploadOutcome<Field extends string = string> =
  | { ok: true; setCookie: string }
  | ({ ok: false; status: Refusal; setCookie?: string } & UploadProblem<Field>);

/** The answer to an upload form's own action: a 303 to `redirectTo`, or the problem for the page. */
export function answerUpload<Field extends string>(outcome: UploadOutcome<Field>, redirectTo: string) {
  if (outcome.ok) return redirect(redirectTo, { status: 303, headers: successHeaders(outcome) });
  return data(problemOf(outcome), { status: outcome.status, headers: refusalHeaders(outcome) });
}

/** The same answer for the form's JSON twin, which the page uses to show upload progress. */
export function answerUploadAsJson<Field extends string>(outcome: UploadOutcome<Field>, redirectTo: string): Response {
  if (outcome.ok) return Response.json({ ok: true, redirectTo }, { headers: successHeaders(outcome) });
  return Response.json({ ok: false, ...problemOf(outcome) }, { status: outcome.status, headers: refusalHeaders(outcome) });
}

function successHeaders(outcome: { setCookie: string }) {
  return { ...NO_STORE, 'Set-Cookie': outcome.setCookie };
}

/** A refusal may still set a cookie: the receipt of the letter this form already sent. */
function refusalHeaders(outcome: { setCookie?: string }) {
  return outcome.setCookie ? { ...NO_STORE, 'Set-Cookie': outcome.setCookie } : NO_STORE;
}

function problemOf<Field extends string>({
  errors,
  values,
  formError = null,
  fileErrors,
  filesNotKept,
}: UploadProblem<Field>): UploadProblem<Field> {
  return { errors, values, formError, fileErrors, filesNotKept };
}
