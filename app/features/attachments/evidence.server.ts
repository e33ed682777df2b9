// Evidence added later, from the track page: files the citizen adds to their open case, within
// the per-case limit, each file once.
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { noticeHeader } from '#app/platform/http/notice.server.ts';
import { consumeRateLimit } from '#app/platform/rate-limit.server.ts';
import { caseFiles } from './access.server.ts';
import { INTERNAL_PURPOSES } from './access.ts';
import { acceptsEvidence, ATTACHMENT_LIMITS, type FileError } from './rules.ts';
import {
  discardStored,
  insertAttachmentRows,
  prepareFiles,
  storeFiles,
  type AttachmentPurpose,
  type StoredAttachment,
} from './stored-files.server.ts';
import { readUploadForm, UnreadableFormError, type ReceivedFile, type UploadOutcome } from './upload-form.server.ts';
import type { CaseEventType } from '#app/features/cases/events.ts';
import type { CaseStatus } from '#app/features/cases/lifecycle.ts';

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
      // The office's internal files (a unit's completion report) neither take the citizen's places
      // nor make their file look like one already there: "already part of your case" would tell
      // them what an internal document holds.
      const existing = await tx.attachment.findMany({
        where: { caseId, purpose: { notIn: [...INTERNAL_PURPOSES] } },
        select: { sha256: true },
      });
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

/** Why the evidence form as a whole was refused: a key under attachments:track. */
export type EvidenceFormError = 'failed' | 'tooMany';

/** The evidence form's POST, as it arrives; see addEvidence. A success says, once, how many files were added. */
export async function addEvidenceFromForm(request: Request, caseId: string, clientIp: string): Promise<UploadOutcome<never>> {
  const refuse = (status: 400 | 429, formError: EvidenceFormError | null, fileErrors: FileError[] = []) =>
    ({ ok: false, status, errors: {}, values: {}, formError, fileErrors, filesNotKept: true }) as const;
  const { SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS } = env();
  const limit = await consumeRateLimit(`evidence:${clientIp}`, SUBMIT_RATE_LIMIT, SUBMIT_RATE_WINDOW_SECONDS);
  if (!limit.allowed) return refuse(429, 'tooMany');
  let files: ReceivedFile[];
  try {
    files = (await readUploadForm(request)).files;
  } catch (error) {
    if (!(error instanceof UnreadableFormError)) throw error;
    return refuse(400, 'failed');
  }
  const outcome = await addEvidence(caseId, files);
  if (!outcome.ok) return refuse(400, null, outcome.errors);
  const key = outcome.added > 0 ? 'attachments:track.added' : 'attachments:track.addedNone';
  return { ok: true, setCookie: noticeHeader({ key, values: { count: outcome.added } }) };
}

/** What the evidence page shows: the case's reference, whether it still takes files, and its files. */
export async function evidencePage(caseId: string) {
  const row = await db().case.findUnique({ where: { id: caseId }, select: { receiptNo: true, status: true } });
  if (!row) return null;
  const { attachments } = await caseFiles({ citizenOf: caseId }, caseId);
  return { receiptNo: row.receiptNo, open: acceptsEvidence(row.status), attachments };
}
