// Warning levels (预警) and their response targets, from the table in docs/architecture.md. Pure rules: the
// level follows from how many people a problem touches, whether the same person had to come back,
// signs of danger to someone's life, and missed statutory deadlines. Early warning exists so that
// these cases are answered sooner; it never says anything about the person who wrote.
import { WARNING_LEVELS, type WarningLevel } from '#app/features/cases/attributes.ts';
import { isOpenStatus, type CaseStatus } from '#app/features/cases/lifecycle.ts';
import { civilDateIn, endOfCivilDay } from '#app/platform/time/civil-date.ts';

export type WarningReason = 'coSigners' | 'cluster' | 'repeat' | 'welfare' | 'deadlineMissed';

export interface WarningInputs {
  /** 联名: the people who signed, the submitter included. */
  coSignerCount: number;
  /** Cases in the case's cluster, itself included; 0 when it is in none. */
  clusterSize: number;
  /** The same contact fingerprint raised the same issue before. */
  repeat: boolean;
  /** Signs of self-harm or a threat to life (app/features/early-warning/welfare-signals.ts). */
  welfareConcern: boolean;
  /** Statutory deadlines the case has missed so far. */
  missedDeadlines: number;
}

export interface WarningAssessment {
  level: WarningLevel;
  /** Every rule that raised the level above NONE, in a fixed order. */
  reasons: WarningReason[];
}

export function levelRank(level: WarningLevel): number {
  return WARNING_LEVELS.indexOf(level);
}

export function higherLevel(a: WarningLevel, b: WarningLevel): WarningLevel {
  return levelRank(a) >= levelRank(b) ? a : b;
}

/** 3–5 people: yellow; 6–10: orange; more than 10: red. Co-signers and cluster size count alike. */
export function levelForHeadcount(people: number): WarningLevel {
  if (people > 10) return 'RED';
  if (people >= 6) return 'ORANGE';
  if (people >= 3) return 'YELLOW';
  return 'NONE';
}

/**
 * A missed statutory deadline means the citizen waits longer than the law allows: each one raises
 * the level a step, but never to red on its own, which is kept for danger to life and large groups.
 */
const MISSED_DEADLINE_CAP: WarningLevel = 'ORANGE';

export function assessWarning(inputs: WarningInputs): WarningAssessment {
  const found: { reason: WarningReason; level: WarningLevel }[] = [];
  const bySigners = levelForHeadcount(inputs.coSignerCount);
  if (bySigners !== 'NONE') found.push({ reason: 'coSigners', level: bySigners });
  const byCluster = levelForHeadcount(inputs.clusterSize);
  if (byCluster !== 'NONE') found.push({ reason: 'cluster', level: byCluster });
  if (inputs.repeat) found.push({ reason: 'repeat', level: 'BLUE' });
  if (inputs.welfareConcern) found.push({ reason: 'welfare', level: 'RED' });

  let level = found.reduce<WarningLevel>((acc, f) => higherLevel(acc, f.level), 'NONE');
  if (inputs.missedDeadlines > 0) {
    const raised = WARNING_LEVELS[Math.min(levelRank(level) + inputs.missedDeadlines, levelRank(MISSED_DEADLINE_CAP))]!;
    if (levelRank(raised) > levelRank(level)) level = raised;
    found.push({ reason: 'deadlineMissed', level: raised });
  }
  return { level, reasons: found.map((f) => f.reason) };
}

/**
 * Life and safety first: an open case whose letter shows signs of self-harm or a threat to life is
 * pinned above every other case in the queue, "My cases" and the early-warning board, for as long
 * as it stays red. Staff who judge the signs mistaken lower the level, with a reason, and the pin
 * goes with it. The queue's SQL states the same rule (queue.server.ts, PINNED_FOR_SAFETY).
 */
export function pinnedForSafety(c: { welfareConcern: boolean; warningLevel: WarningLevel; status: CaseStatus }): boolean {
  return c.welfareConcern && c.warningLevel === 'RED' && isOpenStatus(c.status);
}

/** A staff override wins over the rules until the next staff change clears it. */
export function effectiveLevel(assessed: WarningLevel, override: WarningLevel | null): WarningLevel {
  return override ?? assessed;
}

// Response targets. They run beside the statutory clock: the clock says what the law requires,
// the targets say how fast an urgent or collective problem should get a human answer.
export type TargetKind = 'response' | 'progress' | 'result';
export const TARGET_KINDS: readonly TargetKind[] = ['response', 'progress', 'result'];

/** What the first target asks for at each level: the milestone "responded" meets all three. */
export type ResponseWording = 'contact' | 'plan' | 'response';

interface LevelTargets {
  wording: ResponseWording;
  /** Hours after the level was reached; 'sameDay' is the end of that local day. */
  response: number | 'sameDay';
  progress: number | null;
  result: number | null;
}

const HOUR = 3_600_000;
export const RESPONSE_TARGETS: Record<Exclude<WarningLevel, 'NONE'>, LevelTargets> = {
  BLUE: { wording: 'contact', response: 3 * 24, progress: null, result: null },
  YELLOW: { wording: 'plan', response: 5 * 24, progress: null, result: null },
  ORANGE: { wording: 'response', response: 24, progress: null, result: null },
  RED: { wording: 'response', response: 'sameDay', progress: 3 * 24, result: 7 * 24 },
};

/** A red case that turns red late in the evening still gets some hours for its same-day response. */
export const SAME_DAY_MINIMUM_HOURS = 4;

export interface TargetDueDates {
  responseDueAt: Date | null;
  progressDueAt: Date | null;
  resultDueAt: Date | null;
}

export const NO_TARGETS: TargetDueDates = { responseDueAt: null, progressDueAt: null, resultDueAt: null };

export function responseWording(level: WarningLevel): ResponseWording | null {
  return level === 'NONE' ? null : RESPONSE_TARGETS[level].wording;
}

/** The targets a case has once it reaches `level` at `since`. */
export function targetsFor(level: WarningLevel, since: Date, timeZone: string): TargetDueDates {
  if (level === 'NONE') return NO_TARGETS;
  const spec = RESPONSE_TARGETS[level];
  const after = (hours: number | null) => (hours === null ? null : new Date(since.getTime() + hours * HOUR));
  let responseDueAt: Date;
  if (spec.response === 'sameDay') {
    const endOfDay = endOfCivilDay(civilDateIn(since, timeZone), timeZone);
    const minimum = new Date(since.getTime() + SAME_DAY_MINIMUM_HOURS * HOUR);
    responseDueAt = endOfDay > minimum ? endOfDay : minimum;
  } else {
    responseDueAt = after(spec.response)!;
  }
  return { responseDueAt, progressDueAt: after(spec.progress), resultDueAt: after(spec.result) };
}

export interface TargetsMet {
  respondedAt: Date | null;
  progressAt: Date | null;
  resultAt: Date | null;
}

/**
 * The targets after the level may have changed. They restart from `now` only when the level
 * changes; a milestone already recorded still counts.
 */
export function targetsAfterLevelChange(
  previous: WarningLevel,
  next: WarningLevel,
  current: TargetDueDates,
  now: Date,
  timeZone: string,
): TargetDueDates {
  if (previous === next) return current;
  return targetsFor(next, now, timeZone);
}

/** The columns a case's targets are read from (targetStatuses, nextTargetDue), as a select. */
export const TARGET_COLUMNS = {
  responseDueAt: true,
  progressDueAt: true,
  resultDueAt: true,
  respondedAt: true,
  progressAt: true,
  resultAt: true,
} as const satisfies Record<keyof TargetDueDates | keyof TargetsMet, true>;

const MET_FIELD: Record<TargetKind, keyof TargetsMet> = { response: 'respondedAt', progress: 'progressAt', result: 'resultAt' };
const DUE_FIELD: Record<TargetKind, keyof TargetDueDates> = { response: 'responseDueAt', progress: 'progressDueAt', result: 'resultDueAt' };

/** The nearest target not yet met, for ordering the early-warning board; null when none is open. */
export function nextTargetDue(due: TargetDueDates, met: TargetsMet): Date | null {
  let next: Date | null = null;
  for (const kind of TARGET_KINDS) {
    const at = due[DUE_FIELD[kind]];
    if (at && !met[MET_FIELD[kind]] && (!next || at < next)) next = at;
  }
  return next;
}

export type TargetState = 'met' | 'metLate' | 'missed' | 'open';

export interface TargetStatus {
  kind: TargetKind;
  dueAt: Date;
  metAt: Date | null;
  state: TargetState;
}

/** Each target the case has, with whether it was met in time, met late, missed or still open. */
export function targetStatuses(due: TargetDueDates, met: TargetsMet, now: Date): TargetStatus[] {
  const out: TargetStatus[] = [];
  for (const kind of TARGET_KINDS) {
    const dueAt = due[DUE_FIELD[kind]];
    if (!dueAt) continue;
    const metAt = met[MET_FIELD[kind]];
    const state: TargetState = metAt ? (metAt <= dueAt ? 'met' : 'metLate') : now > dueAt ? 'missed' : 'open';
    out.push({ kind, dueAt, metAt, state });
  }
  return out;
}

/** The milestone staff record, and the field it fills. Recording a later one also meets the earlier. */
export function milestoneUpdates(kind: TargetKind, met: TargetsMet, now: Date): Partial<TargetsMet> {
  const order = TARGET_KINDS.indexOf(kind);
  const updates: Partial<TargetsMet> = {};
  for (const earlier of TARGET_KINDS.slice(0, order + 1)) {
    const field = MET_FIELD[earlier];
    if (!met[field]) updates[field] = now;
  }
  return updates;
}
