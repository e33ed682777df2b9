// The citizen's whole clock (issue 14): every date the statute sets that applies to their case so
// far, in the order they fall, each with its article, and for those in the past whether it was
// met. Pure: the track page, the remedy request and the tests read it.
//
// Three kinds of date:
// - an answer the office owes (acceptance, reply, review and re-review opinions): met, late, due,
//   missed, or paused from the day a re-review hearing starts until it is held (art. 36);
// - a window of the citizen's own (to ask for a review or a re-review): used, open or closed;
// - the receiving unit's window to object that the case is not theirs (art. 23), shown only
//   while it is open or an objection waits for the office's decision.
//
// The acceptance notice counts as given when the decision reaches the citizen: for a citizen whose
// notices go on paper, that is the day its delivery is recorded, not the day the clerk decided.
import { DEADLINE_ARTICLE } from './deadlines.ts';
import type { CaseStatus } from './lifecycle.ts';

export const CLOCK_STEPS = [
  'acceptance',
  'objection',
  'reply',
  'reviewRequest',
  'reviewOpinion',
  'reReviewRequest',
  'reReviewOpinion',
] as const;
export type ClockStepKind = (typeof CLOCK_STEPS)[number];

/** Who the date binds: the office owes an answer, the citizen has a window, a unit may object. */
export type ClockParty = 'office' | 'citizen' | 'unit';

export type ClockStepState =
  /** The office answered on or before the date. */
  | 'met'
  /** The office answered, after the date. */
  | 'late'
  /** Still running. */
  | 'due'
  /** Passed without the answer: the citizen has a remedy (arts. 44, 45). */
  | 'missed'
  /** The re-review clock is stopped for a hearing (art. 36). */
  | 'paused'
  /** The citizen used the window. */
  | 'used'
  /** The citizen's window is open. */
  | 'open'
  /** The citizen's window passed unused, or the case ended before it. */
  | 'closed'
  /** A unit objected; the office decides where the case goes. */
  | 'objected';

export interface ClockStep {
  kind: ClockStepKind;
  party: ClockParty;
  dueAt: Date;
  article: string;
  state: ClockStepState;
  /** When the answer was given or the window used, if it was. */
  doneAt: Date | null;
  /** The re-review's hearing starts (or started) this day: the clock stops from it (art. 36). */
  hearingFrom?: Date;
}

/** When each step was done, read from the case's events (and, for paper, its deliveries). */
export interface ClockDone {
  acceptance: Date | null;
  reply: Date | null;
  reviewRequest: Date | null;
  reviewOpinion: Date | null;
  reReviewRequest: Date | null;
  reReviewOpinion: Date | null;
}

export interface CitizenClockInput {
  status: CaseStatus;
  acceptDueAt: Date;
  replyDueAt: Date | null;
  reviewRequestDueAt: Date | null;
  reviewDueAt: Date | null;
  reReviewRequestDueAt: Date | null;
  reReviewDueAt: Date | null;
  /** The start of the day a re-review hearing starts, arranged ahead or begun (art. 36). */
  hearingSince: Date | null;
  /** Art. 23: the receiving unit may object until then; null once it can no longer. */
  objectionDueAt: Date | null;
  /** A unit objected and the office has yet to decide. */
  objected: boolean;
  done: ClockDone;
}

/** Statuses in which nothing more is owed or open: an unanswered step is not shown as running. */
const ENDED: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['CLOSED', 'FINAL', 'NOT_ACCEPTED', 'TRANSFERRED', 'WITHDRAWN', 'MERGED']);

/**
 * Ended by the acceptance decision itself (a refusal, a forwarding): that decision is still owed
 * to the citizen until it reaches them, so its date stays on the clock (ADR 0016).
 */
const ENDED_BY_DECISION: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['NOT_ACCEPTED', 'TRANSFERRED']);

type DueField = 'acceptDueAt' | 'replyDueAt' | 'reviewRequestDueAt' | 'reviewDueAt' | 'reReviewRequestDueAt' | 'reReviewDueAt';

const DATED: { kind: Exclude<ClockStepKind, 'objection'>; field: DueField; party: 'office' | 'citizen' }[] = [
  { kind: 'acceptance', field: 'acceptDueAt', party: 'office' },
  { kind: 'reply', field: 'replyDueAt', party: 'office' },
  { kind: 'reviewRequest', field: 'reviewRequestDueAt', party: 'citizen' },
  { kind: 'reviewOpinion', field: 'reviewDueAt', party: 'office' },
  { kind: 'reReviewRequest', field: 'reReviewRequestDueAt', party: 'citizen' },
  { kind: 'reReviewOpinion', field: 'reReviewDueAt', party: 'office' },
];

function officeState(dueAt: Date, doneAt: Date | null, now: Date, paused: boolean): ClockStepState {
  if (doneAt) return doneAt.getTime() <= dueAt.getTime() ? 'met' : 'late';
  if (paused) return 'paused';
  return now.getTime() > dueAt.getTime() ? 'missed' : 'due';
}

function citizenState(dueAt: Date, doneAt: Date | null, now: Date, ended: boolean): ClockStepState {
  if (doneAt) return 'used';
  return ended || now.getTime() > dueAt.getTime() ? 'closed' : 'open';
}

/** Every date of the case so far, in the order the statute runs them. */
export function citizenClock(c: CitizenClockInput, now: Date): ClockStep[] {
  const ended = ENDED.has(c.status);
  const steps: ClockStep[] = [];
  for (const { kind, field, party } of DATED) {
    const dueAt = c[field];
    if (!dueAt) continue;
    const doneAt = c.done[kind];
    // A case that ended (withdrawn, closed) owes nothing more: an answer never given is not "missed".
    // Except the decision that ended it, until it reaches the citizen.
    const stillOwed = kind === 'acceptance' && ENDED_BY_DECISION.has(c.status);
    if (party === 'office' && !doneAt && ended && !stillOwed) continue;
    const hearingFrom = kind === 'reReviewOpinion' && c.hearingSince ? c.hearingSince : null;
    // A hearing arranged ahead leaves the clock running until its day.
    const paused = hearingFrom !== null && hearingFrom.getTime() <= now.getTime();
    const state = party === 'office' ? officeState(dueAt, doneAt, now, paused) : citizenState(dueAt, doneAt, now, ended);
    steps.push({ kind, party, dueAt, article: DEADLINE_ARTICLE[kind], state, doneAt, ...(hearingFrom ? { hearingFrom } : {}) });
    if (kind === 'acceptance') {
      const objection = objectionStep(c, now);
      if (objection) steps.push(objection);
    }
  }
  return steps;
}

/** Art. 23: the receiving unit's window to object, while open or while its objection is decided. */
function objectionStep(c: CitizenClockInput, now: Date): ClockStep | null {
  if (!c.objectionDueAt || ENDED.has(c.status)) return null;
  if (!c.objected && now.getTime() > c.objectionDueAt.getTime()) return null;
  return {
    kind: 'objection',
    party: 'unit',
    dueAt: c.objectionDueAt,
    article: DEADLINE_ARTICLE.unitObjection,
    state: c.objected ? 'objected' : 'due',
    doneAt: null,
  };
}

/** The first answer the office owes that is late and not yet given, for the remedy (arts. 44, 45). */
export function missedStep(steps: readonly ClockStep[]): ClockStep | null {
  return steps.find((step) => step.state === 'missed') ?? null;
}
