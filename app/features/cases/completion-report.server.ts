// The unit's completion report (办结报告, art. 22(3)): its findings and the documents it attaches.
// It has its own page because it is the one case step that carries files: they come through the
// attachments' pipeline (read as they stream, checked by their bytes, cleaned, stored) and are
// recorded with the report in the step's transaction (performCaseAction).
import { z } from 'zod';
import { discardStored, prepareFiles, storeFiles, type StoredAttachment } from '#app/features/attachments/stored-files.server.ts';
import {
  readUploadForm,
  UnreadableFormError,
  type ReceivedFile,
  type UploadOutcome,
} from '#app/features/attachments/upload-form.server.ts';
import { canTakeAction, type Actor } from '#app/features/staff/permissions.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { parseForm } from '#app/platform/http/forms.ts';
import { noticeHeader } from '#app/platform/http/notice.server.ts';
import { stepBlocker } from './case-steps.ts';
import { nextStatus } from './lifecycle.ts';
import { caseForActor, performCaseAction, scopeOf, stepState, type CaseActionOutcome, type CaseRow } from './staff-actions.server.ts';
import type { FileError } from '#app/features/attachments/rules.ts';

/** The report's own field; its files come in the upload field. */
export type CompletionReportField = 'findings';

export const FINDINGS_MAX_LENGTH = 20_000;

const ReportPost = z.object({
  version: z.coerce.number().int().min(0),
  // Checked here as well as by the step, so that a form with no findings is refused with its file
  // problems at once, before any file is stored.
  findings: z.string().trim().min(1, { error: 'findingsRequired' }).max(FINDINGS_MAX_LENGTH, { error: 'invalid' }).default(''),
});

/** The case the actor may file a report on (a role or unit that never files one: 403; a case they may not see: 404). */
async function reportingCase(actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await caseForActor(actor, caseId);
  if (!canTakeAction(actor, 'fileReport', scopeOf(row))) throw new ForbiddenError('case action fileReport');
  return row;
}

/** What the report's page shows: the case, when the report is due, why it cannot be filed now, and the last rework asked for. */
export async function completionReportPage(actor: Actor, caseId: string, now = new Date()) {
  const row = await reportingCase(actor, caseId);
  const blocker = nextStatus(row.status, 'fileReport') ? stepBlocker('fileReport', await stepState(row), now) : 'notAllowedNow';
  const last = await db().completionReport.findFirst({
    where: { caseId: row.id },
    orderBy: { createdAt: 'desc' },
    select: { status: true, decisionReason: true, decidedAt: true },
  });
  return {
    caseId: row.id,
    receiptNo: row.receiptNo,
    version: row.version,
    dueAt: row.reportDueAt,
    /** A key under office:case.errors, or null when the report may be filed now. */
    blocker,
    /** The office's reason when it sent the last report back for rework. */
    returned: last?.status === 'RETURNED' && last.decidedAt ? { reason: last.decisionReason ?? '', at: last.decidedAt } : null,
    findingsMax: FINDINGS_MAX_LENGTH,
  };
}

type Refused = Extract<UploadOutcome<CompletionReportField>, { ok: false }>;

/**
 * The report's POST as it arrives (multipart with its documents, or url-encoded without): the
 * findings and every file checked together; then the files stored and the step taken, whose
 * transaction records them with the report. A refusal stores nothing and files no report.
 */
export async function fileCompletionReport(actor: Actor, caseId: string, request: Request): Promise<UploadOutcome<CompletionReportField>> {
  // Nothing of the body is read, checked or stored for someone who may not file this report.
  await reportingCase(actor, caseId);
  let files: ReceivedFile[];
  let form: URLSearchParams;
  try {
    ({ form, files } = await readUploadForm(request));
  } catch (error) {
    if (!(error instanceof UnreadableFormError)) throw error;
    return { ok: false, status: 400, errors: {}, values: {}, formError: 'invalid', fileErrors: [], filesNotKept: true };
  }
  const filesNotKept = files.length > 0;
  const refuse = (
    status: Refused['status'],
    problem: Pick<Refused, 'errors' | 'values' | 'formError'>,
    fileErrors: FileError[] = [],
  ): Refused => ({ ok: false, status, ...problem, fileErrors, filesNotKept });

  const parsed = parseForm(form, ReportPost);
  const values = { findings: parsed.values.findings };
  const prepared = prepareFiles(files);
  if (!parsed.ok || prepared.errors.length > 0) {
    const errors = parsed.ok || !parsed.errors.findings ? {} : { findings: parsed.errors.findings };
    // A problem with no field of the page (no version): the form was not the page's.
    const formError = parsed.ok || errors.findings || prepared.errors.length > 0 ? null : 'invalid';
    return refuse(400, { errors, values, formError }, prepared.errors);
  }
  const stored: StoredAttachment[] = await storeFiles(prepared.accepted);
  let done: CaseActionOutcome | null = null;
  try {
    done = await performCaseAction(actor, caseId, parsed.value.version, {
      action: 'fileReport',
      findings: parsed.value.findings,
      documents: stored,
    });
  } finally {
    // Refused or failed: no row refers to these files.
    if (!done?.ok) await discardStored(stored);
  }
  if (!done.ok) {
    const errors = done.errors.findings ? { findings: done.errors.findings } : {};
    return refuse(done.status, { errors, values, formError: done.formError ?? null });
  }
  return { ok: true, setCookie: noticeHeader({ key: 'office:case.done.fileReport' }) };
}
