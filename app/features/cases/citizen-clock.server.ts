// Reads what the citizen's clock (citizen-clock.ts) needs of a case: its dates, when each step was
// done (its first public event of that step), and, where its notices go on paper, when the
// acceptance decision was delivered. A merged case shows its main case's acceptance and reply.
// The same reading of the acceptance decision, in SQL, lets the deadline sweep and supervision find
// the paper cases whose decision has not reached the citizen (ADR 0016).
import { needsPaper, NOTICE_EVENT } from '#app/features/cases/written-notices/notice-kinds.ts';
import { paperSql } from '#app/features/cases/written-notices/notices.server.ts';
import { db, Prisma } from '#app/platform/db.server.ts';
import { citizenClock, type ClockDone, type ClockStep } from './citizen-clock.ts';
import { OPEN_STATUSES, type CaseStatus } from './lifecycle.ts';
import type { CaseEventType } from './events.ts';

/** The events that end each step; the first one counts. */
const DONE_BY: Record<keyof ClockDone, readonly CaseEventType[]> = {
  acceptance: ['ACCEPTED', 'DECLINED', 'FORWARDED', 'MERGED'],
  reply: ['REPLY_PUBLISHED', 'MEDIATED', 'SETTLED'],
  reviewRequest: ['REVIEW_REQUESTED'],
  reviewOpinion: ['REVIEW_ISSUED'],
  reReviewRequest: ['RE_REVIEW_REQUESTED'],
  reReviewOpinion: ['RE_REVIEW_ISSUED'],
};

/** The notices that tell the citizen the acceptance decision (art. 23). */
const ACCEPTANCE_NOTICE_EVENTS: readonly CaseEventType[] = [NOTICE_EVENT.acceptance, NOTICE_EVENT.refusal, NOTICE_EVENT.forwarding];

const CLOCK_SELECT = {
  status: true,
  mergedIntoId: true,
  anonymous: true,
  preferredReplyChannel: true,
  acceptDueAt: true,
  replyDueAt: true,
  reviewRequestDueAt: true,
  reviewDueAt: true,
  reReviewRequestDueAt: true,
  reReviewDueAt: true,
  hearingSince: true,
  objectionDueAt: true,
  objectingUnitId: true,
  contact: { select: { email: true, phone: true, anonymisedAt: true } },
} as const;

/** Every date of the case the citizen sees on the track page, or null when there is no such case. */
export async function citizenClockOf(caseId: string, now = new Date()): Promise<ClockStep[] | null> {
  const c = await db().case.findUnique({ where: { id: caseId }, select: CLOCK_SELECT });
  if (!c) return null;
  if (c.status === 'MERGED' && c.mergedIntoId) {
    const main = await citizenClockOf(c.mergedIntoId, now);
    // The merged case follows its main case up to the reply that reaches it.
    return main?.filter((step) => step.kind === 'acceptance' || step.kind === 'reply') ?? null;
  }
  const types = Object.values(DONE_BY).flat();
  const [events, deliveries] = await Promise.all([
    db().caseEvent.findMany({
      where: { caseId, visibility: 'PUBLIC', type: { in: [...types] } },
      orderBy: { id: 'asc' },
      select: { id: true, type: true, createdAt: true },
    }),
    db().noticeDelivery.findMany({ where: { caseId }, orderBy: { deliveredAt: 'asc' }, select: { eventId: true, deliveredAt: true } }),
  ]);
  const ends = (types: readonly string[], type: string) => types.includes(type);
  const first = (step: keyof ClockDone) => events.find((event) => ends(DONE_BY[step], event.type)) ?? null;
  const paper = needsPaper({
    preferredReplyChannel: c.preferredReplyChannel,
    email: c.contact?.email ?? null,
    phone: c.contact?.phone ?? null,
    anonymous: c.anonymous,
    contactErased: Boolean(c.contact?.anonymisedAt),
  });
  const decision = first('acceptance');
  const acceptance =
    decision && paper && ends(ACCEPTANCE_NOTICE_EVENTS, decision.type)
      ? (deliveries.find((delivery) => delivery.eventId === decision.id)?.deliveredAt ?? null)
      : (decision?.createdAt ?? null);
  return citizenClock(
    {
      ...c,
      objected: c.objectingUnitId !== null,
      done: {
        acceptance,
        reply: first('reply')?.createdAt ?? null,
        reviewRequest: first('reviewRequest')?.createdAt ?? null,
        reviewOpinion: first('reviewOpinion')?.createdAt ?? null,
        reReviewRequest: first('reReviewRequest')?.createdAt ?? null,
        reReviewOpinion: first('reReviewOpinion')?.createdAt ?? null,
      },
    },
    now,
  );
}

/**
 * Where the notice is still owed: while the case is open, and when the decision itself ended it (a
 * refusal, a forwarding). A case that ended otherwise (withdrawn, merged, closed, final) owes
 * nothing more, as on the citizen's clock.
 */
const NOTICE_OWED_STATUSES: readonly CaseStatus[] = [...OPEN_STATUSES, 'NOT_ACCEPTED', 'TRANSFERRED'];

/**
 * SQL: the acceptance decision of the case `c` has been made but has not reached its citizen, as
 * citizenClockOf reads it: its notices go on paper (paperSql), its first public decision event
 * (DONE_BY.acceptance) issued the acceptance, refusal or forwarding notice, and no delivery of that
 * notice is recorded; and the case still owes it (NOTICE_OWED_STATUSES).
 */
export function acceptanceUndeliveredSql(c: Prisma.Sql = Prisma.raw('c')): Prisma.Sql {
  return Prisma.sql`(${c}."status"::text = ANY(${[...NOTICE_OWED_STATUSES]}::text[])
    AND ${paperSql(c)}
    AND EXISTS (SELECT 1 FROM "CaseEvent" decision
      WHERE decision."caseId" = ${c}."id" AND decision."visibility" = 'PUBLIC'
        AND decision."type" IN (${Prisma.join(ACCEPTANCE_NOTICE_EVENTS)})
        AND NOT EXISTS (SELECT 1 FROM "CaseEvent" earlier
          WHERE earlier."caseId" = decision."caseId" AND earlier."visibility" = 'PUBLIC'
            AND earlier."type" IN (${Prisma.join(DONE_BY.acceptance)}) AND earlier."id" < decision."id")
        AND NOT EXISTS (SELECT 1 FROM "NoticeDelivery" delivered WHERE delivered."eventId" = decision."id")))`;
}

/** SQL: as acceptanceUndeliveredSql, and the 15 days to tell the citizen (art. 23) ended before `now`. */
export function acceptanceNoticeLateSql(now: Date, c: Prisma.Sql = Prisma.raw('c')): Prisma.Sql {
  return Prisma.sql`(${c}."acceptDueAt" < ${now} AND ${acceptanceUndeliveredSql(c)})`;
}
