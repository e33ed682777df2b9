// Reads what the citizen's clock (citizen-clock.ts) needs of a case: its dates, when each step was
// done (its first public event of that step), and, where its notices go on paper, when the
// acceptance decision was delivered. A merged case shows its main case's acceptance and reply.
import { needsPaper, NOTICE_EVENT } from '#app/features/cases/written-notices/notice-kinds.ts';
import { db } from '#app/platform/db.server.ts';
import { citizenClock, type ClockDone, type ClockStep } from './citizen-clock.ts';
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
