// The written notices of a case (书面告知书 / 意见书): each built, in the citizen's own language, from
// the event that issued it, ready to print on A4; where the citizen's notices must go on paper, each
// stays a "to post" task until its delivery is recorded. Staff read a notice with the citizen's
// name and postal address on it, so each reading is audited; the citizen reads their own on the
// track page. Notices are rendered, never stored: the events they are built from are append-only.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { claimsOf } from '#app/features/cases/claims.server.ts';
import { citation, storedLegalReferences } from '#app/features/cases/legal-references.ts';
import { caseForActor } from '#app/features/cases/staff-actions.server.ts';
import { getSetting } from '#app/features/settings/settings.server.ts';
import { canRecordNoticeDelivery, type Actor } from '#app/features/staff/permissions.ts';
import { DEFAULT_LOCALE, isLocale, type Locale } from '#app/i18n/config.ts';
import { translator } from '#app/i18n/translate.server.ts';
import { paragraphsOf } from '#app/platform/codecs/text.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { parseForm, type FormInput } from '#app/platform/http/forms.ts';
import { refused, type Outcome } from '#app/platform/http/outcome.server.ts';
import { civilDateIn, compareCivilDates, endOfCivilDay, parseIsoDate } from '#app/platform/time/civil-date.ts';
import { formatInstant } from '#app/platform/time/format.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import {
  DELIVERY_METHODS,
  isWrittenNoticeKind,
  NOTICE_ARTICLES,
  NOTICE_EVENT,
  needsPaper,
  TRACKING_NO_MAX_LENGTH,
  WRITTEN_NOTICE_KINDS,
  type DeliveryField,
  type DeliveryMethod,
  type WrittenNoticeKind,
} from './notice-kinds.ts';
import { canMakeNoticePdf, noticePdf } from './notice-pdf.server.ts';

/** A part of a notice: a heading (or none), its paragraphs, and labelled values. */
export interface NoticeSection {
  heading: string | null;
  paragraphs: string[];
  items: { label: string; value: string }[];
}

/** A notice as printed: every word already in the citizen's language (`lang`). */
export interface NoticeDocument {
  kind: WrittenNoticeKind;
  lang: Locale;
  office: string;
  title: string;
  receiptNo: string;
  issuedOn: string;
  addressee: { name: string | null; postalAddress: string | null };
  salutation: string;
  sections: NoticeSection[];
  /** What the citizen may do next, and by when. */
  nextSteps: string[];
  signature: string;
}

const EventData = z.object({
  replyDueAt: z.string().optional(),
  days: z.number().optional(),
  agency: z.string().optional(),
  outcome: z.string().optional(),
  party: z.string().optional(),
});

/** The latest event that issued each kind of notice on the case. */
async function issuingEvents(caseId: string) {
  const events = await db().caseEvent.findMany({
    where: { caseId, type: { in: WRITTEN_NOTICE_KINDS.map((kind) => NOTICE_EVENT[kind]) } },
    orderBy: { id: 'asc' },
    select: { id: true, type: true, message: true, data: true, createdAt: true },
  });
  const latest = new Map<WrittenNoticeKind, (typeof events)[number]>();
  for (const kind of WRITTEN_NOTICE_KINDS) {
    const event = events.findLast((e) => e.type === NOTICE_EVENT[kind]);
    if (event) latest.set(kind, event);
  }
  return latest;
}

const CASE_SELECT = {
  id: true,
  receiptNo: true,
  kind: true,
  channel: true,
  subject: true,
  anonymous: true,
  citizenLocale: true,
  preferredReplyChannel: true,
  receivedAt: true,
  replyDueAt: true,
  extensionDays: true,
  reviewRequestDueAt: true,
  reReviewRequestDueAt: true,
  legalBasis: true,
  legalReferences: true,
  contact: { select: { name: true, postalAddress: true, email: true, phone: true, anonymisedAt: true } },
} as const;

type NoticeCase = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

async function loadCase(caseId: string) {
  return await db().case.findUnique({ where: { id: caseId }, select: CASE_SELECT });
}

/** The notice's words for one case and event, in the citizen's language. */
async function buildDocument(
  c: NoticeCase,
  kind: WrittenNoticeKind,
  event: { message: string | null; data: unknown; createdAt: Date },
): Promise<NoticeDocument> {
  const lang: Locale = isLocale(c.citizenLocale) ? c.citizenLocale : DEFAULT_LOCALE;
  const t = await translator(lang);
  const zone = serviceTimeZone();
  const date = (value: Date | string | null | undefined) => (value ? formatInstant(value, lang, zone) : '');
  const n = (key: string, values?: Record<string, unknown>) => t(`common:writtenNotices.${key}`, values ?? {});
  const data = EventData.safeParse(event.data).data ?? {};
  const office = (await getSetting('office'))[lang];
  const subject: NoticeSection = {
    heading: null,
    paragraphs: [],
    items: [
      { label: n('fields.receiptNo'), value: c.receiptNo },
      { label: n('fields.subject'), value: c.subject },
      { label: n('fields.received'), value: date(c.receivedAt) },
    ],
  };
  const sections: NoticeSection[] = [subject];
  // The addressee, unless the case is anonymous or their details were erased under retention.
  const contact = c.contact && !c.anonymous && !c.contact.anonymisedAt ? c.contact : null;
  const nextSteps: string[] = [];

  switch (kind) {
    case 'acceptance':
      sections.push({ heading: null, paragraphs: [n('acceptance.body', { date: date(data.replyDueAt ?? c.replyDueAt) })], items: [] });
      nextSteps.push(n('next.track'));
      break;
    case 'refusal':
      sections.push({ heading: n('refusal.heading'), paragraphs: paragraphsOf(event.message), items: [] });
      nextSteps.push(n('next.refusal'));
      break;
    case 'forwarding':
      sections.push({
        heading: null,
        paragraphs: [n('forwarding.body', { agency: data.agency ?? '' }), ...paragraphsOf(event.message)],
        items: [],
      });
      nextSteps.push(n('next.forwarding', { agency: data.agency ?? '' }));
      break;
    case 'extension':
      sections.push({
        heading: null,
        paragraphs: [n('extension.body', { days: data.days ?? c.extensionDays ?? 0, date: date(data.replyDueAt ?? c.replyDueAt) })],
        items: [],
      });
      sections.push({ heading: n('extension.reason'), paragraphs: paragraphsOf(event.message), items: [] });
      nextSteps.push(n('next.track'));
      break;
    case 'decision': {
      const claims = await claimsOf(c.id);
      // Art. 32: the request, the facts and reasons, the opinion and its basis, claim by claim.
      sections.push({
        heading: n('decision.claims'),
        paragraphs: [],
        items: claims.map((claim) => ({
          label: n('decision.claim', { number: claim.position, claim: claim.text }),
          value: claim.outcome
            ? `${t(`common:claimOutcomes.${claim.outcome}`)}${n('decision.separator')}${claim.reasons ?? ''}`
            : n('decision.unanswered'),
        })),
      });
      if (c.legalBasis) sections.push({ heading: n('decision.legalBasis'), paragraphs: paragraphsOf(c.legalBasis), items: [] });
      const references = storedLegalReferences(c.legalReferences).map((reference) => citation(reference, lang));
      if (references.length > 0)
        sections.push({
          heading: t('common:claims.legalReferences'),
          paragraphs: references.map(({ key, values }) => t(`common:${key}`, values)),
          items: [],
        });
      sections.push({ heading: n('decision.opinion'), paragraphs: paragraphsOf(event.message), items: [] });
      nextSteps.push(n('next.review', { date: date(c.reviewRequestDueAt) }));
      break;
    }
    case 'mediation':
    case 'settlement': {
      // Art. 33: the parties, the terms, and that both agreed; the citizen keeps the right to review.
      sections.push({
        heading: n('agreement.parties'),
        paragraphs: [],
        items: [
          ...(contact ? [{ label: n('agreement.citizen'), value: contact.name }] : []),
          { label: n('agreement.party'), value: data.party ?? '' },
        ],
      });
      sections.push({ heading: n('agreement.terms'), paragraphs: [...paragraphsOf(event.message), n('agreement.consent')], items: [] });
      nextSteps.push(n('next.reviewAgreement', { date: date(c.reviewRequestDueAt) }));
      break;
    }
    case 'review':
    case 'reReview': {
      const outcome =
        data.outcome && ['UPHELD', 'CHANGED', 'OVERTURNED'].includes(data.outcome) ? t(`common:outcomes.${data.outcome}`) : null;
      sections.push({
        heading: n(`${kind}.heading`),
        paragraphs: [...(outcome ? [n('opinionOutcome', { outcome })] : []), ...paragraphsOf(event.message)],
        items: [],
      });
      nextSteps.push(kind === 'review' ? n('next.reReview', { date: date(c.reReviewRequestDueAt) }) : n('next.final'));
      break;
    }
  }

  return {
    kind,
    lang,
    office,
    title: n(`titles.${kind}`),
    receiptNo: c.receiptNo,
    issuedOn: date(event.createdAt),
    addressee: { name: contact?.name ?? null, postalAddress: contact?.postalAddress ?? null },
    salutation: contact ? n('salutation', { name: contact.name }) : n('salutationAnonymous'),
    sections,
    nextSteps: [...nextSteps, n('article', { articles: articleWords(NOTICE_ARTICLES[kind], lang) })],
    signature: n('signature', { office, date: date(event.createdAt) }),
  };
}

const articleWords = (articles: string, lang: Locale) => (lang.startsWith('zh') ? articles.replace(/\s*,\s*/g, '、') : articles);

export interface NoticeListing {
  kind: WrittenNoticeKind;
  issuedAt: Date;
  delivery: { method: DeliveryMethod; deliveredAt: Date; trackingNo: string | null } | null;
  /** On paper and not yet delivered: a "to post" task. */
  toPost: boolean;
}

/** The case's notices, each with its latest delivery. */
export async function noticesOf(caseId: string): Promise<NoticeListing[]> {
  const [c, events, deliveries] = await Promise.all([
    loadCase(caseId),
    issuingEvents(caseId),
    db().noticeDelivery.findMany({ where: { caseId }, orderBy: { deliveredAt: 'asc' } }),
  ]);
  if (!c) return [];
  const paper = needsPaper({
    preferredReplyChannel: c.preferredReplyChannel,
    email: c.contact?.email ?? null,
    phone: c.contact?.phone ?? null,
    anonymous: c.anonymous,
    contactErased: Boolean(c.contact?.anonymisedAt),
  });
  return WRITTEN_NOTICE_KINDS.flatMap((kind) => {
    const event = events.get(kind);
    if (!event) return [];
    const delivery = deliveries.findLast((d) => d.eventId === event.id) ?? null;
    return [
      {
        kind,
        issuedAt: event.createdAt,
        delivery: delivery && { method: delivery.method, deliveredAt: delivery.deliveredAt, trackingNo: delivery.trackingNo },
        toPost: paper && !delivery,
      },
    ];
  });
}

const ISSUING_EVENT_TYPES = Prisma.join(WRITTEN_NOTICE_KINDS.map((kind) => NOTICE_EVENT[kind]));

/**
 * SQL: the notices of the case `c` go on paper, as needsPaper says it: it is not anonymous, its
 * contact details are not erased, and the citizen asked for post or gave neither email nor phone.
 */
export function paperSql(c: Prisma.Sql = Prisma.raw('c')): Prisma.Sql {
  return Prisma.sql`(NOT ${c}."anonymous"
    AND EXISTS (SELECT 1 FROM "CaseContact" k WHERE k."caseId" = ${c}."id" AND k."anonymisedAt" IS NULL
      AND (${c}."preferredReplyChannel" = 'POST' OR (COALESCE(k."email", '') = '' AND COALESCE(k."phone", '') = ''))))`;
}

/**
 * SQL: the case `c` has a "to post" task, as noticesOf says it: its notices go on paper (paperSql)
 * and the latest notice of some kind has no delivery recorded.
 */
export function toPostSql(c: Prisma.Sql = Prisma.raw('c')): Prisma.Sql {
  return Prisma.sql`(${paperSql(c)}
    AND EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = ${c}."id" AND e."type" IN (${ISSUING_EVENT_TYPES})
      AND NOT EXISTS (SELECT 1 FROM "CaseEvent" later WHERE later."caseId" = e."caseId" AND later."type" = e."type" AND later."id" > e."id")
      AND NOT EXISTS (SELECT 1 FROM "NoticeDelivery" d WHERE d."eventId" = e."id")))`;
}

/** Which of these cases have a notice to post (the queue marks them). */
export async function casesWithNoticesToPost(caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT c."id" FROM "Case" c WHERE c."id" = ANY(${[...caseIds]}::uuid[]) AND ${toPostSql()}`;
  return new Set(rows.map((row) => row.id));
}

/** One notice of a case, as printed, or NotFoundError when the case has not reached that step. */
async function noticeDocument(caseId: string, kind: WrittenNoticeKind): Promise<NoticeDocument> {
  const [c, events] = await Promise.all([loadCase(caseId), issuingEvents(caseId)]);
  const event = events.get(kind);
  if (!c || !event) throw new NotFoundError('notice');
  return await buildDocument(c, kind, event);
}

/** A notice as staff print it (with the citizen's name and address: the reading is audited). */
export async function staffNoticePage(actor: Actor, caseId: string, kind: WrittenNoticeKind, ipAddress: string) {
  const row = await caseForActor(actor, caseId);
  const document = await noticeDocument(caseId, kind);
  await audit({
    action: 'notice.viewed',
    actorId: actor.id,
    targetType: 'Case',
    targetId: caseId,
    ipAddress,
    details: { receiptNo: row.receiptNo, kind },
  });
  const listing = (await noticesOf(caseId)).find((notice) => notice.kind === kind) ?? null;
  return {
    caseId,
    document,
    delivery: listing?.delivery ?? null,
    toPost: listing?.toPost ?? false,
    canRecord: canRecordNoticeDelivery(actor),
    pdf: canMakeNoticePdf(),
  };
}

/** The notice as a PDF file for staff (audited like the page), or a 404 on a server without its font. */
export async function staffNoticePdf(actor: Actor, caseId: string, kind: WrittenNoticeKind, ipAddress: string) {
  if (!canMakeNoticePdf()) throw new NotFoundError('notice PDF');
  const { document } = await staffNoticePage(actor, caseId, kind, ipAddress);
  return { fileName: `${document.receiptNo}-${kind}.pdf`, body: await noticePdf(document) };
}

/** A notice as the citizen opens it from the track page. */
export async function citizenNoticePage(caseId: string, kind: WrittenNoticeKind) {
  return { document: await noticeDocument(caseId, kind) };
}

const DeliveryForm = z.object({
  method: z.enum(DELIVERY_METHODS, { error: 'required' }),
  deliveredOn: z.string().trim().min(1, { error: 'required' }).max(20, { error: 'invalid' }),
  trackingNo: z.string().trim().max(TRACKING_NO_MAX_LENGTH, { error: 'tooLong' }).default(''),
});

/**
 * Records how and when a notice reached the citizen (送达): a public event on the case, so the
 * citizen sees it too. The day may not be in the future; a tracking number only goes with post.
 */
export async function recordDelivery(
  actor: Actor,
  caseId: string,
  kind: WrittenNoticeKind,
  form: FormInput,
  now = new Date(),
): Promise<Outcome<DeliveryField>> {
  await caseForActor(actor, caseId);
  if (!canRecordNoticeDelivery(actor)) throw new ForbiddenError('notice delivery');
  const event = (await issuingEvents(caseId)).get(kind);
  if (!event) throw new NotFoundError('notice');
  const parsed = parseForm(form, DeliveryForm);
  if (!parsed.ok) return refused<DeliveryField>({ errors: parsed.errors, values: parsed.values });
  const { method, deliveredOn, trackingNo } = parsed.value;
  const zone = serviceTimeZone();
  const day = parseIsoDate(deliveredOn);
  if (!day || compareCivilDates(day, civilDateIn(now, zone)) > 0 || compareCivilDates(day, civilDateIn(event.createdAt, zone)) < 0)
    return refused<DeliveryField>({ errors: { deliveredOn: 'day' }, values: parsed.values });
  if (trackingNo && method !== 'POST') return refused<DeliveryField>({ errors: { trackingNo: 'onlyPost' }, values: parsed.values });
  // The end of the day typed, or now when that day is today: a delivery is never in the future.
  const deliveredAt = new Date(Math.min(endOfCivilDay(day, zone).getTime(), now.getTime()));
  const c = await loadCase(caseId);
  const lang: Locale = c && isLocale(c.citizenLocale) ? c.citizenLocale : DEFAULT_LOCALE;
  const t = await translator(lang);
  // The citizen's timeline says which notice reached them, how and when, in their language.
  const message = t('common:writtenNotices.delivered', {
    notice: t(`common:writtenNotices.titles.${kind}`),
    method: t(`common:writtenNotices.methods.${method}`),
    date: formatInstant(deliveredAt, lang, zone),
  });
  await db().$transaction(async (tx) => {
    await tx.noticeDelivery.create({
      data: { caseId, kind, eventId: event.id, method, deliveredAt, trackingNo: trackingNo || null, recordedById: actor.id },
    });
    await tx.caseEvent.create({
      data: {
        caseId,
        type: 'NOTICE_DELIVERED',
        visibility: 'PUBLIC',
        actorType: 'STAFF',
        actorId: actor.id,
        message,
        data: { kind, method, deliveredAt: deliveredAt.toISOString(), ...(trackingNo ? { trackingNo } : {}) },
        createdAt: now,
      },
    });
  });
  return { ok: true, notice: { key: 'office:writtenNotices.done' } };
}

/** The notice a URL names, or a 404 like any other page that is not there. */
export function noticeKindParam(value: string | undefined): WrittenNoticeKind {
  if (!isWrittenNoticeKind(value)) throw new NotFoundError('notice');
  return value;
}
