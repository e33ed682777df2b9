// The written notices (书面告知书 / 意见书) the statute requires, one for each step that the citizen
// must be told of in writing, with the event that issues it and the articles behind it; and the
// ways a notice reaches the citizen. Pure: the pages, the services and the tests read it.
import type { CaseEventType } from '#app/features/cases/events.ts';

export const WRITTEN_NOTICE_KINDS = [
  'acceptance',
  'refusal',
  'forwarding',
  'extension',
  'decision',
  // Art. 33: the agreement that ended the case instead of a decision (调解协议书 / 和解协议书).
  'mediation',
  'settlement',
  'review',
  'reReview',
] as const;
export type WrittenNoticeKind = (typeof WRITTEN_NOTICE_KINDS)[number];

/** The case event that issues each notice: the notice shows what that event recorded. */
export const NOTICE_EVENT: Record<WrittenNoticeKind, CaseEventType> = {
  acceptance: 'ACCEPTED',
  refusal: 'DECLINED',
  forwarding: 'FORWARDED',
  extension: 'EXTENDED',
  decision: 'REPLY_PUBLISHED',
  mediation: 'MEDIATED',
  settlement: 'SETTLED',
  review: 'REVIEW_ISSUED',
  reReview: 'RE_REVIEW_ISSUED',
};

/** The articles of the 信访工作条例 each notice answers to. */
export const NOTICE_ARTICLES: Record<WrittenNoticeKind, string> = {
  acceptance: '23',
  refusal: '21, 23',
  forwarding: '21, 23',
  extension: '34',
  decision: '32, 34',
  mediation: '33',
  settlement: '33',
  review: '35',
  reReview: '36',
};

export function isWrittenNoticeKind(value: unknown): value is WrittenNoticeKind {
  return typeof value === 'string' && (WRITTEN_NOTICE_KINDS as readonly string[]).includes(value);
}

/** The notice an event issues, or null. */
export function noticeKindOf(eventType: string): WrittenNoticeKind | null {
  return WRITTEN_NOTICE_KINDS.find((kind) => NOTICE_EVENT[kind] === eventType) ?? null;
}

/** How a notice was delivered (送达): online on the track page, by email or SMS, by post, handed over at a visit, read out by phone. */
export const DELIVERY_METHODS = ['ONLINE', 'EMAIL', 'SMS', 'POST', 'IN_PERSON', 'PHONE'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export function isDeliveryMethod(value: unknown): value is DeliveryMethod {
  return typeof value === 'string' && (DELIVERY_METHODS as readonly string[]).includes(value);
}

export const TRACKING_NO_MAX_LENGTH = 40;

/** The delivery form's fields, in its order. */
export const DELIVERY_FIELDS = ['method', 'deliveredOn', 'trackingNo'] as const;
export type DeliveryField = (typeof DELIVERY_FIELDS)[number];

/**
 * Whether the citizen's notices must go on paper: they asked for a reply by post, or gave neither an
 * email address nor a phone number, so nothing online reaches them. Such a notice is a "to post"
 * task until its delivery is recorded.
 */
export function needsPaper(c: {
  preferredReplyChannel: string;
  email: string | null;
  phone: string | null;
  anonymous: boolean;
  /** The contact details were erased under retention: there is no address left to post to. */
  contactErased?: boolean;
}): boolean {
  if (c.anonymous || c.contactErased) return false;
  return c.preferredReplyChannel === 'POST' || (!c.email && !c.phone);
}
