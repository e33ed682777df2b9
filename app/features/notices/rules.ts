// Public notices (信息发布): policy explanations, answers to common questions and service
// changes, each in the portal's three languages. The rules of when one is shown, without I/O.
import { inEachLanguage } from '#app/i18n/language-fields.ts';

export const NOTICE_KINDS = ['POLICY', 'FAQ', 'SERVICE_CHANGE'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The fields of the back office's notice form, in the order the form (and its error summary) shows them. */
export const NOTICE_FIELDS = ['kind', ...inEachLanguage('title', 'body'), 'publishOn', 'lastDay'] as const;
export type NoticeField = (typeof NOTICE_FIELDS)[number];

export const NOTICE_TITLE_MAX = 200;
export const NOTICE_BODY_MAX = 10_000;

export type NoticeState = 'SCHEDULED' | 'CURRENT' | 'EXPIRED';

/**
 * Shown from its publish time until its expiry (exclusive); without an expiry, until taken down.
 * Expiry wins: a scheduled notice taken down before its day never appears.
 */
export function noticeState(notice: { publishedAt: Date; expiresAt: Date | null }, now: Date): NoticeState {
  if (notice.expiresAt !== null && notice.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  if (notice.publishedAt.getTime() > now.getTime()) return 'SCHEDULED';
  return 'CURRENT';
}

export function isNoticeCurrent(notice: { publishedAt: Date; expiresAt: Date | null }, now: Date): boolean {
  return noticeState(notice, now) === 'CURRENT';
}

/** A notice's body is plain text: paragraphs are separated by blank lines, lines kept as typed. */
export function paragraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** When a notice last changed, for feeds: never before it was published. */
export function noticeUpdatedAt(notice: { publishedAt: Date; updatedAt: Date }): Date {
  return notice.updatedAt.getTime() > notice.publishedAt.getTime() ? notice.updatedAt : notice.publishedAt;
}
