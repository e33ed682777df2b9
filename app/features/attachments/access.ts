// Who may see a case's files: the one rule behind every list of files and every download, for
// citizens and staff alike.
import { canViewCase, type Actor, type CaseScope } from '#app/features/staff/permissions.ts';

/** Who asks: the citizen whose track session opened a case (none: no session), or a staff member. */
export type FileReader = { citizenOf: string | null } | Actor;

/** A file of a case as the lists show it. */
export interface AttachmentSummary {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  purpose: string;
  uploadedBy: 'CITIZEN' | 'STAFF' | 'SYSTEM';
  createdAt: Date;
}

/** The case whose files are asked for. */
export interface FileCase extends CaseScope {
  id: string;
}

export function maySeeFiles(reader: FileReader, of: FileCase): boolean {
  // The citizen sent them: theirs are the files of the case their session opened, and no other's.
  if ('citizenOf' in reader) return reader.citizenOf === of.id;
  // A report's files may identify the reporter: the unit it is about sees them no more than the
  // case itself (arts. 30, 46(5)), and neither does whoever withdrew from it (art. 28).
  return canViewCase(reader, of);
}

/** Files a unit sends the assigning office with its completion report (art. 22(3)): never the citizen's to see. */
export const INTERNAL_PURPOSES: readonly string[] = ['completionReport'];

/** Whether a file of the case is for this reader: the citizen never sees the office's internal files. */
export function isForReader(reader: FileReader, purpose: string): boolean {
  return !('citizenOf' in reader) || !INTERNAL_PURPOSES.includes(purpose);
}
