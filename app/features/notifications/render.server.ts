// Turns a queued message into an email: a subject, a plain-text body and a simple HTML copy, in
// the message's language, from the i18next namespace `notifications`. Rendering takes plain facts
// (see delivery.server.ts for where they come from), so it does no I/O and is easy to test.
//
// Citizens' messages name the receipt number and the case's subject and link to the track page by
// receipt number only: the access code is never in a message, so a mail scanner that follows links
// can read and change nothing. Staff messages carry no personal data of the citizen (no name,
// phone, email or letter text): the receipt number, level and deadline, and a link to the office.
import { z } from 'zod';
import { WARNING_LEVELS } from '#app/features/cases/attributes.ts';
import { activeDeadlineField, type CaseStatus } from '#app/features/cases/lifecycle.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/i18n/config.ts';
import { createI18n } from '#app/i18n/instance.ts';
import { resources } from '#app/i18n/resources.ts';
import { singleSegmentLimit, smsLength } from './sms.ts';
import { CITIZEN_TEMPLATES, type CitizenTemplate, type StaffTemplate, type Template } from './topics.ts';
import type { i18n } from 'i18next';

const Instant = z.iso.datetime({ offset: true });
const Text = (max: number) => z.string().max(max);

export const WARNING_REASON_CODES = ['coSigners', 'cluster', 'repeat', 'welfare', 'deadlineMissed'] as const;

/** Which deadline a reminder is about: the statutory ones, and the warning level's response targets. */
export const DEADLINE_KINDS = [
  'acceptance',
  'reply',
  'reviewOpinion',
  'reReviewOpinion',
  'statutory',
  'response',
  'progress',
  'result',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

const STATUTORY_KIND = {
  acceptDueAt: 'acceptance',
  replyDueAt: 'reply',
  reviewDueAt: 'reviewOpinion',
  reReviewDueAt: 'reReviewOpinion',
} as const;

/** The statutory deadline staff work against in a status (the one stored as nextDueAt). */
export function statutoryDeadlineKind(status: CaseStatus): DeadlineKind {
  const field = activeDeadlineField(status);
  return field ? STATUTORY_KIND[field] : 'statutory';
}

export const CitizenFacts = z.object({
  receiptNo: Text(40).min(1),
  subject: Text(1000),
  /** When the written reply is due (accepted). */
  replyDueAt: Instant.nullable().default(null),
  decline: z
    .object({ reason: Text(10_000), referral: Text(10_000) })
    .nullable()
    .default(null),
  forward: z
    .object({ agency: Text(1000), message: Text(10_000).nullable() })
    .nullable()
    .default(null),
  extension: z
    .object({ reason: Text(10_000), replyDueAt: Instant })
    .nullable()
    .default(null),
});
export type CitizenFacts = z.input<typeof CitizenFacts>;

const DigestCase = z.object({ id: z.uuid(), receiptNo: Text(40), dueAt: Instant, level: z.enum(WARNING_LEVELS) });

export const StaffFacts = z.object({
  caseId: z.uuid().nullable().default(null),
  receiptNo: Text(40).nullable().default(null),
  level: z.enum(WARNING_LEVELS).nullable().default(null),
  reasons: z.array(z.enum(WARNING_REASON_CODES)).default([]),
  deadline: z.enum(DEADLINE_KINDS).nullable().default(null),
  dueAt: Instant.nullable().default(null),
  overdue: z.boolean().default(false),
  digest: z
    .object({ date: z.iso.date(), total: z.int().min(0), cases: z.array(DigestCase).max(200) })
    .nullable()
    .default(null),
  /** A scheduled report (app/features/statistics/prepared.server.ts): its period, its page, and the risk list's counts. */
  prepared: z
    .object({
      kind: z.enum(['weeklySweep', 'monthly', 'quarterly']),
      key: Text(40),
      start: z.iso.date(),
      end: z.iso.date(),
      path: z.string().startsWith('/office/').max(200),
      counts: z
        .object({
          clusters: z.int().min(0),
          warned: z.int().min(0),
          due: z.int().min(0),
          reviews: z.int().min(0),
          // Messages queued before completion reports sent back were listed have no such count.
          returned: z.int().min(0).optional(),
        })
        .nullable(),
    })
    .nullable()
    .default(null),
});
export type StaffFacts = z.input<typeof StaffFacts>;

export interface RenderOptions {
  /** PUBLIC_BASE_URL without a trailing slash. */
  baseUrl: string;
  /** Whose calendar the dates are shown in (TIME_ZONE). */
  timeZone: string;
}

export interface RenderedMail {
  locale: Locale;
  subject: string;
  text: string;
  html: string;
}

/** A string the locale files lack, or a placeholder left unfilled: never mailed as a bare key. */
export class MissingTranslationError extends Error {
  constructor(locale: Locale, key: string) {
    super(`notifications: no text for "${key}" in ${locale}`);
  }
}

export function isCitizenTemplate(template: string): template is CitizenTemplate {
  return (CITIZEN_TEMPLATES as readonly string[]).includes(template);
}

/** The message's locale as stored, or the default when it is not one of ours. */
export function messageLocale(value: string): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function trackUrl(baseUrl: string, receiptNo: string): string {
  return `${baseUrl}/track?receipt=${encodeURIComponent(receiptNo)}`;
}

export function officeCaseUrl(baseUrl: string, caseId: string): string {
  return `${baseUrl}/office/cases/${encodeURIComponent(caseId)}`;
}

// One i18next instance per locale with only this namespace: no fallback to another language, so
// a missing string shows up as missing instead of as Chinese in an English mail.
const instances = new Map<Locale, Promise<i18n>>();
function instanceFor(locale: Locale): Promise<i18n> {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createI18n(locale, { notifications: resources[locale].notifications });
    instances.set(locale, instance);
  }
  return instance;
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

async function translate(locale: Locale): Promise<Translate> {
  const i18n = await instanceFor(locale);
  return (key, values = {}) => {
    const full = `notifications:${key}`;
    if (!i18n.exists(full, { lng: locale })) throw new MissingTranslationError(locale, key);
    const text = i18n.t(full, { ...values, lng: locale });
    if (text.includes('{{')) throw new MissingTranslationError(locale, `${key} (a value for a placeholder)`);
    return text;
  };
}

type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: [label: string, value: string][] }
  | { kind: 'link'; intro: string; url: string }
  | { kind: 'list'; items: { text: string; url: string }[] };

function dateFormatter(locale: Locale, timeZone: string, withTime: boolean): (iso: string) => string {
  const format = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long', ...(withTime ? { timeStyle: 'short' } : {}) });
  return (iso) => format.format(new Date(iso));
}

export async function renderMessage(template: Template, localeTag: string, facts: unknown, options: RenderOptions): Promise<RenderedMail> {
  const locale = messageLocale(localeTag);
  const t = await translate(locale);
  const { subject, blocks } = isCitizenTemplate(template)
    ? citizenMessage(template, CitizenFacts.parse(facts), t, locale, options)
    : staffMessage(template, StaffFacts.parse(facts), t, locale, options);
  return { locale, subject, text: toText(blocks, t('mail.labelSuffix')), html: toHtml(blocks, locale, subject) };
}

export interface SmsRenderOptions {
  /** PUBLIC_BASE_URL without a trailing slash. */
  baseUrl: string;
  /** The office's name at the start of the notice; the service's name in the locale files when unset. */
  officeName?: string | null;
}

export const SmsFacts = z.object({ receiptNo: Text(40).min(1) });
export type SmsFacts = z.input<typeof SmsFacts>;

export interface RenderedSms {
  locale: Locale;
  text: string;
  /** The track link inside the text: gateways that fill in a provider's template get it apart. */
  trackUrl: string;
}

/** The words of a notice outgrow one segment (sms.ts): a locale file's text, or an office name, too long. */
export class SmsTooLongError extends Error {}

/**
 * A citizen's SMS notice: the office, what happened, the receipt number and the track link, in
 * the message's language. Only the receipt number is filled in from the case: never the access
 * code, the letter's subject or text, a decision's reasons or anyone's contact details, because an
 * SMS is read on a lock screen and kept by the carrier. The words without the link must fit in one
 * segment (70 characters in Chinese, 160 in the GSM alphabet; see sms.ts); the link is added whole.
 */
export async function renderSms(
  template: CitizenTemplate,
  localeTag: string,
  facts: SmsFacts,
  options: SmsRenderOptions,
): Promise<RenderedSms> {
  const locale = messageLocale(localeTag);
  const t = await translate(locale);
  const { receiptNo } = SmsFacts.parse(facts);
  const office = options.officeName?.trim() || t('sms.office');
  const url = trackUrl(options.baseUrl, receiptNo);
  const words = t(`sms.templates.${template}`, { office, receiptNo, url: '' }).trim();
  if (smsLength(words) > singleSegmentLimit(words))
    throw new SmsTooLongError(`the ${template} SMS in ${locale} is ${smsLength(words)} characters before its link`);
  return { locale, text: t(`sms.templates.${template}`, { office, receiptNo, url }), trackUrl: url };
}

function citizenMessage(
  template: CitizenTemplate,
  facts: z.output<typeof CitizenFacts>,
  t: Translate,
  locale: Locale,
  options: RenderOptions,
): { subject: string; blocks: Block[] } {
  const key = `templates.${template}`;
  const date = dateFormatter(locale, options.timeZone, false);
  const details: [string, string][] = [
    [t('fields.receiptNo'), facts.receiptNo],
    [t('fields.subject'), facts.subject],
  ];
  if (template === 'case.accepted' && facts.replyDueAt) details.push([t('fields.replyDueAt'), date(facts.replyDueAt)]);
  if (template === 'case.declined' && facts.decline) {
    details.push([t('fields.declineReason'), facts.decline.reason], [t('fields.referral'), facts.decline.referral]);
  }
  if (template === 'case.forwarded' && facts.forward) {
    details.push([t('fields.agency'), facts.forward.agency]);
    if (facts.forward.message) details.push([t('fields.forwardMessage'), facts.forward.message]);
  }
  if (template === 'case.extended' && facts.extension) {
    details.push([t('fields.newReplyDueAt'), date(facts.extension.replyDueAt)], [t('fields.extensionReason'), facts.extension.reason]);
  }
  return {
    subject: t(`${key}.subject`, { receiptNo: facts.receiptNo }),
    blocks: [
      { kind: 'paragraph', text: t('mail.greeting') },
      { kind: 'paragraph', text: t(`${key}.lead`) },
      { kind: 'fields', rows: details },
      { kind: 'link', intro: t('mail.trackIntro'), url: trackUrl(options.baseUrl, facts.receiptNo) },
      { kind: 'paragraph', text: t('mail.automated') },
    ],
  };
}

function staffMessage(
  template: StaffTemplate,
  facts: z.output<typeof StaffFacts>,
  t: Translate,
  locale: Locale,
  options: RenderOptions,
): { subject: string; blocks: Block[] } {
  const when = dateFormatter(locale, options.timeZone, true);
  const receiptNo = facts.receiptNo ?? '—';
  const level = t(`levels.${facts.level ?? 'NONE'}`);
  const deadlineKind = facts.deadline ?? 'statutory';
  const deadline = t(`deadlines.${deadlineKind}.name`);
  const caseRows: [string, string][] = [[t('fields.receiptNo'), receiptNo]];
  if (facts.level) caseRows.push([t('fields.level'), level]);
  if (facts.reasons.length > 0)
    caseRows.push([t('fields.reasons'), facts.reasons.map((r) => t(`reasons.${r}`)).join(t('mail.listSeparator'))]);
  const deadlineRows: [string, string][] = facts.dueAt
    ? [
        [t('fields.deadline'), t(`deadlines.${deadlineKind}.full`)],
        [t('fields.dueAt'), when(facts.dueAt)],
      ]
    : [];
  const caseLink: Block[] = facts.caseId
    ? [{ kind: 'link', intro: t('mail.openCase'), url: officeCaseUrl(options.baseUrl, facts.caseId) }]
    : [];
  const closing: Block[] = [{ kind: 'paragraph', text: t('mail.staffAutomated') }];
  const greeting: Block = { kind: 'paragraph', text: t('mail.staffGreeting') };

  switch (template) {
    case 'staff.assigned':
      return {
        subject: t('templates.staff.assigned.subject', { receiptNo }),
        blocks: [
          greeting,
          { kind: 'paragraph', text: t('templates.staff.assigned.lead') },
          { kind: 'fields', rows: [...caseRows, ...deadlineRows] },
          ...caseLink,
          ...closing,
        ],
      };
    case 'staff.warningAlert':
      return {
        subject: t('templates.staff.warningAlert.subject', { receiptNo, level }),
        blocks: [
          greeting,
          { kind: 'paragraph', text: t('templates.staff.warningAlert.lead', { level }) },
          { kind: 'fields', rows: [...caseRows, ...deadlineRows] },
          ...caseLink,
          ...closing,
        ],
      };
    // 督办: the unit above supervises a case that missed a statutory date, by its own due date.
    case 'staff.supervision':
      return {
        subject: t('templates.staff.supervision.subject', { receiptNo }),
        blocks: [
          greeting,
          { kind: 'paragraph', text: t('templates.staff.supervision.lead') },
          {
            kind: 'fields',
            rows: [...caseRows, ...(facts.dueAt ? [[t('templates.staff.supervision.dueAt'), when(facts.dueAt)] as [string, string]] : [])],
          },
          ...caseLink,
          ...closing,
        ],
      };
    // 回访: the citizen's words stay on the case's history, behind sign-in; the mail only points there.
    case 'staff.checkInUnsolved':
      return {
        subject: t('templates.staff.checkInUnsolved.subject', { receiptNo }),
        blocks: [
          greeting,
          { kind: 'paragraph', text: t('templates.staff.checkInUnsolved.lead') },
          { kind: 'fields', rows: caseRows },
          ...caseLink,
          ...closing,
        ],
      };
    case 'staff.dueSoon': {
      const variant = facts.overdue ? { subject: 'overdueSubject', lead: 'overdueLead' } : { subject: 'subject', lead: 'lead' };
      return {
        subject: t(`templates.staff.dueSoon.${variant.subject}`, { receiptNo, deadline }),
        blocks: [
          greeting,
          { kind: 'paragraph', text: t(`templates.staff.dueSoon.${variant.lead}`) },
          { kind: 'fields', rows: [...caseRows, ...deadlineRows] },
          ...caseLink,
          ...closing,
        ],
      };
    }
    case 'staff.overdueDigest': {
      const digest = facts.digest ?? { date: '1970-01-01', total: 0, cases: [] };
      // The digest's date is a local calendar day already: show it without shifting zones.
      const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${digest.date}T12:00:00Z`));
      const items = digest.cases.map((c) => ({
        text: t('templates.staff.overdueDigest.line', { receiptNo: c.receiptNo, dueAt: when(c.dueAt), level: t(`levels.${c.level}`) }),
        url: officeCaseUrl(options.baseUrl, c.id),
      }));
      const more = digest.total - digest.cases.length;
      return {
        subject: t('templates.staff.overdueDigest.subject', { date: day, count: digest.total }),
        blocks: [
          greeting,
          { kind: 'paragraph', text: t('templates.staff.overdueDigest.lead', { count: digest.total }) },
          { kind: 'list', items },
          ...(more > 0 ? [{ kind: 'paragraph' as const, text: t('templates.staff.overdueDigest.more', { count: more }) }] : []),
          { kind: 'link', intro: t('mail.openOffice'), url: `${options.baseUrl}/office` },
          ...closing,
        ],
      };
    }
    case 'staff.reportReady': {
      const prepared = facts.prepared ?? {
        kind: 'monthly',
        key: '',
        start: '1970-01-01',
        end: '1970-01-01',
        path: '/office/reports',
        counts: null,
      };
      // The period's days are local calendar days already: shown without shifting zones.
      const dayOf = (iso: string) =>
        new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${iso}T12:00:00Z`));
      const month = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(
        new Date(`${prepared.start}T12:00:00Z`),
      );
      const values = {
        start: dayOf(prepared.start),
        end: dayOf(prepared.end),
        month,
        year: prepared.start.slice(0, 4),
        quarter: String((Number(prepared.start.slice(5, 7)) + 2) / 3),
      };
      const counts = prepared.counts;
      return {
        subject: t(`templates.staff.reportReady.${prepared.kind}.subject`, values),
        blocks: [
          greeting,
          { kind: 'paragraph', text: t(`templates.staff.reportReady.${prepared.kind}.lead`, values) },
          ...(counts
            ? [
                {
                  kind: 'fields' as const,
                  rows: (['clusters', 'warned', 'due', 'reviews', 'returned'] as const).flatMap((key): [string, string][] => {
                    const count = counts[key];
                    return count === undefined ? [] : [[t(`templates.staff.reportReady.counts.${key}`), String(count)]];
                  }),
                },
              ]
            : []),
          { kind: 'link', intro: t('templates.staff.reportReady.open'), url: `${options.baseUrl}${prepared.path}` },
          ...closing,
        ],
      };
    }
  }
}

function toText(blocks: Block[], labelSuffix: string): string {
  const parts = blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return block.text;
      case 'fields':
        // Long or multi-line values (a reason, a referral) go under their label.
        return block.rows
          .map(
            ([label, value]) =>
              `${label}${labelSuffix.trimEnd()}${value.includes('\n') || value.length > 60 ? '\n' : labelSuffix.endsWith(' ') ? ' ' : ''}${value}`,
          )
          .join('\n');
      case 'link':
        return `${block.intro}\n${block.url}`;
      case 'list':
        return block.items.map((item) => `- ${item.text}\n  ${item.url}`).join('\n');
    }
  });
  return `${parts.join('\n\n')}\n`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
const withBreaks = (text: string) => escapeHtml(text).replace(/\n/g, '<br>');

function toHtml(blocks: Block[], locale: Locale, subject: string): string {
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return `<p>${withBreaks(block.text)}</p>`;
        case 'fields':
          return `<dl>${block.rows.map(([label, value]) => `<dt><strong>${escapeHtml(label)}</strong></dt><dd>${withBreaks(value)}</dd>`).join('')}</dl>`;
        case 'link':
          return `<p>${withBreaks(block.intro)}<br><a href="${escapeHtml(block.url)}">${escapeHtml(block.url)}</a></p>`;
        case 'list':
          return `<ul>${block.items.map((item) => `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.text)}</a></li>`).join('')}</ul>`;
      }
    })
    .join('\n');
  return `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${body}\n</body></html>\n`;
}
