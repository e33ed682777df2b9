// The limits and accepted types of citizens' files, shared by the server checks and the browser
// (the file input's accept list and the hint). Kept apart from file-types.ts so the browser
// bundle carries these few constants, not the byte parsers.
import { TERMINAL_STATUSES, type CaseStatus } from '#app/features/cases/lifecycle.ts';
import type { FormProblem } from '#app/platform/http/forms.ts';

export const ATTACHMENT_LIMITS = {
  /** Files in one form post (with the letter, or added later). */
  maxFilesPerRequest: 5,
  maxFileBytes: 10 * 1024 * 1024,
  /** The citizen's files of one case (the office's internal ones aside): evidence can be added later, but not without end. */
  maxFilesPerCase: 20,
  /** Characters of a cleaned file name, extension included. */
  maxFileNameLength: 120,
} as const;

/** The form field the files come in, on every upload form. */
export const FILES_FIELD = 'files';

export const FILE_KINDS = ['pdf', 'jpeg', 'png', 'webp', 'heic', 'text', 'docx'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** What each kind is sent as, and the name endings that fit it (the first is added when none fits). */
export const FILE_KIND_INFO: Record<FileKind, { contentType: string; extensions: readonly string[] }> = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  webp: { contentType: 'image/webp', extensions: ['webp'] },
  heic: { contentType: 'image/heic', extensions: ['heic', 'heif'] },
  text: { contentType: 'text/plain; charset=utf-8', extensions: ['txt', 'text'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
};

/**
 * The file input's accept attribute: a convenience for the browser's file picker only. The server
 * decides by the bytes (see file-types.ts).
 */
export const ACCEPT_ATTRIBUTE = [
  ...FILE_KINDS.flatMap((kind) => FILE_KIND_INFO[kind].extensions.map((ext) => `.${ext}`)),
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'text/plain',
  FILE_KIND_INFO.docx.contentType,
].join(',');

/** Why a file was refused; each is a key under attachments:problems. */
export const FILE_PROBLEMS = [
  'none',
  'empty',
  'tooLarge',
  'type',
  'mismatch',
  'damaged',
  'activeContent',
  'compressionBomb',
  'metadata',
  'tooMany',
  'caseFull',
  'closed',
] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];

/** A refused file (or, for none/tooMany/caseFull/closed, the whole selection), for the form's error summary. */
export interface FileError {
  problem: FileProblem;
  /** The cleaned name of the file, when the problem is about one file. */
  fileName: string | null;
  /** For tooMany: how many were chosen; for caseFull: how many more the case can take. */
  count?: number;
}

/** The problem of a refused upload form: its fields' (FormProblem), and one line a refused file. */
export interface UploadProblem<Field extends string = string> extends FormProblem<Field> {
  /** Files refused, each with the reason (attachments:problems). */
  fileErrors: FileError[];
  /** Files were chosen but not kept: browsers cannot fill a file input again, so they must be chosen again. */
  filesNotKept: boolean;
}

/** Whole megabytes, for messages ("10 MB"). */
export const MAX_FILE_MEGABYTES = ATTACHMENT_LIMITS.maxFileBytes / (1024 * 1024);

/** Whether the citizen may still add files: not once the case has ended (closed, final, merged, …). */
export function acceptsEvidence(status: CaseStatus): boolean {
  return !TERMINAL_STATUSES.has(status);
}
