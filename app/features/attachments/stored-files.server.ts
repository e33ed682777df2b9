// Files on their way into a case (citizens' letters and evidence, a unit's completion report):
// checked by their bytes and cleaned of metadata, put in storage, and recorded as rows in the same
// transaction as the case, event or report they belong to.
import { createHash } from 'node:crypto';
import { openedContentProblem } from './active-content.server.ts';
import { checkFile } from './file-types.ts';
import { stripMetadata } from './image-metadata.ts';
import { ATTACHMENT_LIMITS, type FileError } from './rules.ts';
import { newStorageKey, storage } from './storage/storage.server.ts';
import type { Prisma } from '#app/platform/db.server.ts';
import type { ReceivedFile } from './upload-form.server.ts';

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
    const opened = openedContentProblem(check.kind, file.bytes ?? new Uint8Array(0));
    if (opened) {
      errors.push({ problem: opened, fileName: check.fileName });
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

/** A file already in storage, ready to be recorded against a case. */
export interface StoredAttachment {
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** Why a file was sent; completionReport is internal (access.ts, INTERNAL_PURPOSES). */
export type AttachmentPurpose = 'submission' | 'evidence' | 'review' | 'completionReport';

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
  /** The completion report the files were attached to. */
  links: { completionReportId?: string } = {},
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
      completionReportId: links.completionReportId ?? null,
      createdAt: now,
    })),
  });
}
