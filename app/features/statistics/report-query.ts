// The report page's choice of period and scope, read from its GET form (so a report is a link that
// can be kept, sent and printed): a kind of period and a day in it, or a range of days, and a unit.
import { z } from 'zod';
import { parseForm, type FieldErrors, type FormValues } from '#app/platform/http/forms.ts';
import { parseIsoDate, type CivilDate } from '#app/platform/time/civil-date.ts';
import { periodContaining, PERIOD_KINDS, rangePeriod, type Period } from './periods.ts';

export const REPORT_FIELDS = ['period', 'date', 'from', 'to', 'unit'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

const day = (code: string) =>
  z
    .string()
    .trim()
    .refine((value) => parseIsoDate(value) !== null, code);

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const Query = z
  .object({
    period: z.enum(PERIOD_KINDS, 'invalid').default('month'),
    date: optionalText.pipe(day('invalidDate').optional()),
    from: optionalText,
    to: optionalText,
    unit: optionalText.pipe(z.uuid('invalid').optional()),
  })
  .superRefine((query, ctx) => {
    if (query.period !== 'range') return;
    if (!query.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'required' });
    else if (!parseIsoDate(query.from)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'invalidDate' });
    if (!query.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'required' });
    else if (!parseIsoDate(query.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'invalidDate' });
    else if (query.from && parseIsoDate(query.from)) {
      const range = rangePeriod(query.from, query.to);
      if (typeof range === 'string') ctx.addIssue({ code: 'custom', path: ['to'], message: range });
    }
  });

export type ReportChoice =
  | { ok: true; period: Period; unitId: string | null; values: FormValues<ReportField> }
  | {
      ok: false;
      errors: FieldErrors<ReportField>;
      values: FormValues<ReportField>;
    };

/** The period and unit asked for; with nothing asked, the month of `today`. */
export function parseReportQuery(params: URLSearchParams, today: CivilDate): ReportChoice {
  const parsed = parseForm(params, Query);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values };
  const query = parsed.value;
  const unitId = query.unit ?? null;
  if (query.period === 'range') {
    const range = rangePeriod(query.from!, query.to!);
    // Checked above: only a well-formed range gets here.
    if (typeof range === 'string') return { ok: false, errors: { to: range }, values: parsed.values };
    return { ok: true, period: range, unitId, values: parsed.values };
  }
  const anchor = query.date ? parseIsoDate(query.date)! : today;
  return { ok: true, period: periodContaining(query.period, anchor), unitId, values: parsed.values };
}

/** The query string of a report: the link to it, and to the periods before and after. */
export function reportSearch(period: Period, unitId: string | null): string {
  const params = new URLSearchParams({ period: period.kind });
  if (period.kind === 'range') {
    params.set('from', period.start);
    params.set('to', period.end);
  } else params.set('date', period.start);
  if (unitId) params.set('unit', unitId);
  return `?${params.toString()}`;
}
