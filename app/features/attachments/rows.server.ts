// Attachment rows, written in the same transaction as the case or event they belong to. Kept
// apart from attachments.server.ts so that cases.server.ts can use it without an import cycle.
import type { Prisma } from '#app/platform/db.server.ts';

/** A file already in storage, ready to be recorded against a case. */
export interface StoredAttachment {
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export type AttachmentPurpose = 'submission' | 'evidence' | 'review';

export interface Uploader {
  type: 'CITIZEN' | 'STAFF' | 'SYSTEM';
  id: string | null;
}

export async function insertAttachmentRows(
  tx: Prisma.TransactionClient,
  caseId: string,
  files: readonly StoredAttachment[],
  uploader: Uploader,
  purpose: AttachmentPurpose,
  now: Date,
): Promise<void> {
  if (files.length === 0) return;
  await tx.attachment.createMany({
    data: files.map((file) => ({
      caseId,
      storageKey: file.storageKey,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      uploadedBy: uploader.type,
      uploadedById: uploader.id,
      purpose,
      createdAt: now,
    })),
  });
}
