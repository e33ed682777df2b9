// The case ledger (台账): one row per case received in a period, with whether each statutory limit
// was met. Pure: the rules the ledger's rows follow, and its form.
import { z } from 'zod';

export type DeadlineState = 'met' | 'missed' | 'pending' | 'notApplicable';

export interface LedgerFacts {
  status: string;
  acceptDueAt: Date;
  decidedAt: Date | null;
  replyDueAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
}

/**
 * Whether the acceptance limit (arts. 22, 23) and the reply limit (art. 34) were met, missed, are
 * still running, or do not apply (a case withdrawn in time, a case never accepted). The same rules
 * as the reports' on-time rates (report-queries.server.ts).
 */
export function deadlineStates(c: LedgerFacts, now: Date): { acceptance: DeadlineState; reply: DeadlineState } {
  const withdrawnBefore = (due: Date) => c.status === 'WITHDRAWN' && c.closedAt !== null && c.closedAt <= due;
  let acceptance: DeadlineState;
  if (c.decidedAt) acceptance = c.decidedAt <= c.acceptDueAt ? 'met' : 'missed';
  else if (withdrawnBefore(c.acceptDueAt)) acceptance = 'notApplicable';
  else acceptance = c.acceptDueAt < now ? 'missed' : 'pending';

  let reply: DeadlineState;
  if (!c.replyDueAt) reply = 'notApplicable';
  else if (c.repliedAt) reply = c.repliedAt <= c.replyDueAt ? 'met' : 'missed';
  else if (c.status === 'MERGED' || withdrawnBefore(c.replyDueAt)) reply = 'notApplicable';
  else reply = c.replyDueAt < now ? 'missed' : 'pending';
  return { acceptance, reply };
}

/** More cases than this in one file is a period to split: the file would be too big to open. */
export const LEDGER_MAX_ROWS = 100_000;

export const LEDGER_REASON_MAX = 500;

/** The ledger's own fields, beside the period and unit of the report form. */
export const LedgerOptions = z
  .object({
    format: z.enum(['csv', 'xlsx'], 'invalid'),
    includeSubject: z
      .string()
      .optional()
      .transform((value) => value === 'yes'),
    reason: z
      .string()
      .trim()
      .max(LEDGER_REASON_MAX, 'tooLong')
      .optional()
      .transform((value) => value ?? ''),
  })
  .superRefine((options, ctx) => {
    // Subjects can name people: including them needs a reason, kept in the audit log.
    if (options.includeSubject && !options.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
  });

export const LEDGER_FIELDS = ['period', 'date', 'from', 'to', 'unit', 'includeSubject', 'reason', 'format'] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];
