// Handing out a case's files: the lists on the track page and the office case page, and the
// downloads behind them. Each asks maySeeFiles (access.ts); every refusal is the same 404.
import { audit } from '#app/features/audit/audit.server.ts';
import { db } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { maySeeFiles, type AttachmentSummary, type FileCase, type FileReader } from './access.ts';
import { storage } from './storage/storage.server.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

const CASE_SCOPE = { id: true, unitId: true, kind: true } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The files of a case as `reader` may see them: every file, or none and `withheld` when the rule
 * keeps them from this reader. A case that is not there is a NotFoundError.
 */
export async function caseFiles(reader: FileReader, caseId: string): Promise<{ withheld: boolean; attachments: AttachmentSummary[] }> {
  const found: FileCase | null = UUID.test(caseId) ? await db().case.findUnique({ where: { id: caseId }, select: CASE_SCOPE }) : null;
  if (!found) throw new NotFoundError('case');
  if (!maySeeFiles(reader, found)) return { withheld: true, attachments: [] };
  const attachments = await db().attachment.findMany({
    where: { caseId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, fileName: true, contentType: true, sizeBytes: true, purpose: true, uploadedBy: true, createdAt: true },
  });
  return { withheld: false, attachments };
}

/** The citizen's download: only files of the case their track session opened (none: no session). */
export async function citizenDownload(sessionCaseId: string | null, attachmentId: string): Promise<Response> {
  return await download({ citizenOf: sessionCaseId }, sessionCaseId ?? '', attachmentId);
}

/**
 * A staff download: only when the person may see the case and its files (handlers their unit's
 * cases; clerks and supervisors all; analysts and admins none). Every download is audited.
 */
export async function staffDownload(actor: Actor, caseId: string, attachmentId: string, ipAddress: string): Promise<Response> {
  return await download(actor, caseId, attachmentId, async (row) => {
    await audit({
      action: 'attachment.downloaded',
      actorId: actor.id,
      targetType: 'Case',
      targetId: caseId,
      ipAddress,
      details: { attachmentId: row.id, purpose: row.purpose },
    });
  });
}

async function download(
  reader: FileReader,
  caseId: string,
  attachmentId: string,
  beforeSending?: (row: { id: string; purpose: string }) => Promise<void>,
): Promise<Response> {
  const row =
    UUID.test(caseId) && UUID.test(attachmentId)
      ? await db().attachment.findFirst({ where: { id: attachmentId, caseId }, include: { case: { select: CASE_SCOPE } } })
      : null;
  if (!row || !maySeeFiles(reader, row.case)) throw new NotFoundError('attachment');
  await beforeSending?.(row);
  const body = await storage().get(row.storageKey);
  if (!body) {
    console.error(`attachment ${row.id} has no stored bytes under ${row.storageKey}`);
    throw new NotFoundError('attachment');
  }
  // A download that no browser will render in the site's origin: attachment disposition, no
  // sniffing, a sandboxing CSP, the type the bytes showed, never cached. This is also why a JPEG
  // that carries HTML or script inside its image data (a polyglot) is accepted as the photo it
  // is: only its metadata is rewritten, and nothing here ever lets a browser read it as a page.
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

/** RFC 6266: an ASCII fallback name and the real one, UTF-8 percent-encoded. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
