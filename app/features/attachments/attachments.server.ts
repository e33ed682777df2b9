// Citizens' files: reading them from a form post within the limits, checking and cleaning them,
// storing them, adding evidence to a case later, and handing them out only to the people who
// may see the case.
import { createHash } from 'node:crypto';
import { audit } from '#app/features/audit/audit.server.ts';
import { CaseAccessError, caseForActor, scopeOf } from '#app/features/cases/staff-actions.server.ts';
import { canViewContact, type Actor } from '#app/features/staff/permissions.ts';
import { MultipartError, MultipartParser, multipartBoundary, type PartSink } from '#app/platform/codecs/multipart.ts';
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { consumeRateLimit } from '#app/platform/rate-limit.server.ts';
import { checkFile } from './file-types.ts';
import { stripMetadata } from './image-metadata.ts';
import { insertAttachmentRows, type AttachmentPurpose, type StoredAttachment } from './rows.server.ts';
import { acceptsEvidence, ATTACHMENT_LIMITS, FILES_FIELD, type FileError } from './rules.ts';
import { newStorageKey, storage } from './storage/storage.server.ts';
import type { CaseEventType } from '#app/features/cases/events.ts';
import type { CaseStatus } from '#app/features/cases/lifecycle.ts';

export type { StoredAttachment };

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

function joined(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const DISCARD: PartSink = { data() {}, end() {} };

/**
 * Reads a form post. Ordinary fields go into a FormData; files of the `files` field are kept in
 * memory while they stream in, but only up to 5 files of 10 MB: beyond that the bytes are counted
 * and dropped, so an oversized upload costs bandwidth, not memory, and can still be reported by
 * name. Forms sent url-encoded (no files) are read as usual.
 */
export async function readUploadForm(request: Request): Promise<{ form: FormData; files: ReceivedFile[] }> {
  const boundary = multipartBoundary(request.headers.get('Content-Type'));
  if (!boundary) {
    try {
      return { form: await request.formData(), files: [] };
    } catch {
      throw new UnreadableFormError('unreadable form');
    }
  }
  if (!request.body) throw new UnreadableFormError('no body');
  const form = new FormData();
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
          form.append(info.name, new TextDecoder('utf-8').decode(joined(chunks, kept)));
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
        files.push({ name: fileName, size, bytes: keep && size <= ATTACHMENT_LIMITS.maxFileBytes ? joined(chunks, size) : null });
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

/** A checked file with its metadata removed, ready to store. */
export interface PreparedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  sha256: string;
}

/**
 * Checks every file (count, size, type by magic bytes), removes image metadata and drops exact
 * duplicates. Returns the files to store, or the problems, one per refused file.
 */
export function prepareFiles(files: readonly ReceivedFile[]): { accepted: PreparedFile[]; errors: FileError[] } {
  if (files.length > ATTACHMENT_LIMITS.maxFilesPerRequest) {
    return { accepted: [], errors: [{ problem: 'tooMany', fileName: null, count: files.length }] };
  }
  const accepted: PreparedFile[] = [];
  const errors: FileError[] = [];
  for (const file of files) {
    const check = checkFile(file.name, file.bytes, file.size);
    if (!check.ok) {
      errors.push(check.error);
      continue;
    }
    const stripped = stripMetadata(check.kind, file.bytes ?? new Uint8Array(0));
    if (!stripped.ok) {
      errors.push({ problem: stripped.reason === 'damaged' ? 'damaged' : 'metadata', fileName: check.fileName });
      continue;
    }
    const sha256 = createHash('sha256').update(stripped.bytes).digest('hex');
    if (accepted.some((a) => a.sha256 === sha256)) continue;
    accepted.push({ fileName: check.fileName, contentType: check.contentType, bytes: stripped.bytes, sha256 });
  }
  return { accepted, errors };
}

/** Puts the files in storage under new keys. On a failure, whatever was already stored is removed. */
export async function storeFiles(files: readonly PreparedFile[], now = new Date()): Promise<StoredAttachment[]> {
  const stored: StoredAttachment[] = [];
  try {
    for (const file of files) {
      const storageKey = newStorageKey(now);
      await storage().put(storageKey, file.bytes);
      stored.push({
        storageKey,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.bytes.length,
        sha256: file.sha256,
      });
    }
  } catch (error) {
    await discardStored(stored);
    throw error;
  }
  return stored;
}

/** Removes stored bytes no row refers to (a retried form whose first attempt already has them). */
export async function discardStored(files: readonly StoredAttachment[]): Promise<void> {
  await Promise.all(
    files.map((file) =>
      storage()
        .delete(file.storageKey)
        .catch((error: unknown) => console.error(`could not remove unused upload ${file.storageKey}`, error)),
    ),
  );
}

// --- Evidence added later, from the track page ----------------------------------------------

export type EvidenceOutcome = { ok: true; added: number } | { ok: false; errors: FileError[] };

/**
 * Adds files to a case. The case row is locked while the count is checked, so two posts at once
 * cannot pass the per-case limit together; a file the case already has (same bytes) is skipped,
 * so a repeated post adds nothing twice.
 */
export async function addEvidence(
  caseId: string,
  files: readonly ReceivedFile[],
  options: { purpose?: AttachmentPurpose; now?: Date } = {},
): Promise<EvidenceOutcome> {
  const purpose = options.purpose ?? 'evidence';
  const now = options.now ?? new Date();
  if (files.length === 0) return { ok: false, errors: [{ problem: 'none', fileName: null }] };
  const { accepted, errors } = prepareFiles(files);
  if (errors.length > 0) return { ok: false, errors };
  const stored = await storeFiles(accepted, now);
  let used: StoredAttachment[] = [];
  try {
    const result = await db().$transaction(async (tx): Promise<EvidenceOutcome> => {
      const [row] = await tx.$queryRaw<
        { status: CaseStatus }[]
      >`SELECT "status"::text AS "status" FROM "Case" WHERE "id" = ${caseId}::uuid FOR UPDATE`;
      if (!row || !acceptsEvidence(row.status)) return { ok: false, errors: [{ problem: 'closed', fileName: null }] };
      const existing = await tx.attachment.findMany({ where: { caseId }, select: { sha256: true } });
      const known = new Set(existing.map((a) => a.sha256));
      const fresh = stored.filter((file) => !known.has(file.sha256));
      const room = ATTACHMENT_LIMITS.maxFilesPerCase - existing.length;
      if (fresh.length > room) return { ok: false, errors: [{ problem: 'caseFull', fileName: null, count: Math.max(0, room) }] };
      await insertAttachmentRows(tx, caseId, fresh, { type: 'CITIZEN', id: null }, purpose, now);
      if (fresh.length > 0) {
        await tx.caseEvent.create({
          data: {
            caseId,
            type: 'ATTACHMENTS_ADDED' satisfies CaseEventType,
            visibility: 'INTERNAL',
            actorType: 'CITIZEN',
            data: { count: fresh.length, purpose },
            createdAt: now,
          },
        });
      }
      used = fresh;
      return { ok: true, added: fresh.length };
    });
    return result;
  } finally {
    const usedKeys = new Set(used.map((f) => f.storageKey));
    await discardStored(stored.filter((f) => !usedKeys.has(f.storageKey)));
  }
}

/** The evidence form's POST, as it arrives; see addEvidence. */
export type EvidencePost =
  | { ok: true; added: number }
  | { ok: false; status: 400 | 429; fileErrors: FileError[]; formError: 'unreadable' | 'tooMany' | null };

export async function handleEvidenceRequest(request: Request, caseId: string, clientIp: string): Promise<EvidencePost> {
  const { SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS } = env();
  const limit = await consumeRateLimit(`evidence:${clientIp}`, SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS);
  if (!limit.allowed) return { ok: false, status: 429, fileErrors: [], formError: 'tooMany' };
  let files: ReceivedFile[];
  try {
    files = (await readUploadForm(request)).files;
  } catch (error) {
    if (!(error instanceof UnreadableFormError)) throw error;
    return { ok: false, status: 400, fileErrors: [], formError: 'unreadable' };
  }
  const outcome = await addEvidence(caseId, files);
  return outcome.ok ? outcome : { ok: false, status: 400, fileErrors: outcome.errors, formError: null };
}

/** What the evidence page shows: the case's reference, whether it still takes files, and its files. */
export async function evidencePageData(caseId: string) {
  const row = await db().case.findUnique({ where: { id: caseId }, select: { receiptNo: true, status: true } });
  if (!row) return null;
  return { receiptNo: row.receiptNo, open: acceptsEvidence(row.status), attachments: await caseAttachments(caseId) };
}

// --- Lists and downloads ----------------------------------------------------------------------

export interface AttachmentSummary {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  purpose: string;
  uploadedBy: 'CITIZEN' | 'STAFF' | 'SYSTEM';
  createdAt: Date;
}

export async function caseAttachments(caseId: string): Promise<AttachmentSummary[]> {
  return await db().attachment.findMany({
    where: { caseId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, fileName: true, contentType: true, sizeBytes: true, purpose: true, uploadedBy: true, createdAt: true },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function attachmentOfCase(caseId: string, attachmentId: string) {
  if (!UUID.test(attachmentId) || !UUID.test(caseId)) return null;
  return await db().attachment.findFirst({ where: { id: attachmentId, caseId } });
}

type AttachmentRow = NonNullable<Awaited<ReturnType<typeof attachmentOfCase>>>;

/** One 404 for every refusal: no session, another case's file, no such file. */
export function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' },
  });
}

/** The citizen's download: only files of the case their track session opened. */
export async function citizenDownload(sessionCaseId: string | null, attachmentId: string): Promise<Response> {
  if (!sessionCaseId) return notFound();
  const row = await attachmentOfCase(sessionCaseId, attachmentId);
  return row ? await downloadResponse(row) : notFound();
}

/**
 * A staff download: only when the person may see the case (handlers their unit's cases; clerks
 * and supervisors all; analysts and admins none). Every download is written to the audit log.
 */
export async function staffDownload(actor: Actor, caseId: string, attachmentId: string, ipAddress: string): Promise<Response> {
  if (!UUID.test(caseId)) return notFound();
  try {
    const found = await caseForActor(actor, caseId);
    // A report's files may identify the reporter: the unit it is about sees them no more than the contact (art. 30).
    if (found.kind === 'MISCONDUCT_REPORT' && !canViewContact(actor, scopeOf(found))) return notFound();
  } catch (error) {
    if (error instanceof CaseAccessError) return notFound();
    throw error;
  }
  const row = await attachmentOfCase(caseId, attachmentId);
  if (!row) return notFound();
  await audit({
    action: 'attachment.downloaded',
    actorId: actor.id,
    targetType: 'Case',
    targetId: caseId,
    ipAddress,
    details: { attachmentId: row.id, purpose: row.purpose },
  });
  return await downloadResponse(row);
}

/** RFC 6266: an ASCII fallback name and the real one, UTF-8 percent-encoded. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The bytes as a download that no browser will render in the site's origin: attachment
 * disposition, no sniffing, a sandboxing CSP, the type the bytes showed, never cached.
 */
async function downloadResponse(row: AttachmentRow): Promise<Response> {
  const body = await storage().get(row.storageKey);
  if (!body) {
    console.error(`attachment ${row.id} has no stored bytes under ${row.storageKey}`);
    return notFound();
  }
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': row.contentType,
      'Content-Length': String(row.sizeBytes),
      'Content-Disposition': contentDisposition(row.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  });
}
