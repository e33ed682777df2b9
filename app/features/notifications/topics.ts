// What staff can be told about, and which of it they may turn off. Red alerts (a life may be in
// danger, or more than ten people are affected) always reach them.
export const STAFF_TOPICS = ['assignment', 'warningAlert', 'dueSoon', 'overdueDigest', 'reports', 'checkIn'] as const;
export type StaffTopic = (typeof STAFF_TOPICS)[number];

export function isStaffTopic(value: string): value is StaffTopic {
  return (STAFF_TOPICS as readonly string[]).includes(value);
}

/** Whether a message on `topic` reaches someone who muted the topics in `muted`. */
export function staffWantsMessage(topic: StaffTopic, muted: readonly string[], red: boolean): boolean {
  if (topic === 'warningAlert' && red) return true;
  return !muted.includes(topic);
}

export const CITIZEN_TEMPLATES = [
  'case.received',
  'case.accepted',
  'case.declined',
  'case.forwarded',
  'case.extended',
  'case.replied',
  // 回访: the one question after the reply, sent only with the citizen's consent (cases/check-in.ts).
  'case.checkIn',
] as const;
export type CitizenTemplate = (typeof CITIZEN_TEMPLATES)[number];

export const STAFF_TEMPLATES = [
  'staff.assigned',
  'staff.warningAlert',
  'staff.dueSoon',
  'staff.overdueDigest',
  'staff.reportReady',
  'staff.checkInUnsolved',
  'staff.supervision',
] as const;
export type StaffTemplate = (typeof STAFF_TEMPLATES)[number];

export type Template = CitizenTemplate | StaffTemplate;

export type OutboxChannel = 'EMAIL' | 'SMS';

/**
 * How a citizen hears of their case: by email when they gave an address (as always), else by a
 * short SMS when they gave a phone number, else not at all (a letter by post is the clerks' job).
 * The reply channel they asked for does not change this: the notice only points to the track
 * page, and the written answer itself still goes by the channel they asked for.
 */
export function citizenChannel(contact: { email: string | null; phone: string | null } | null | undefined): OutboxChannel | null {
  if (contact?.email) return 'EMAIL';
  if (contact?.phone) return 'SMS';
  return null;
}

export function isTemplate(value: string): value is Template {
  return (CITIZEN_TEMPLATES as readonly string[]).includes(value) || (STAFF_TEMPLATES as readonly string[]).includes(value);
}

/** Delay before the next delivery attempt: 30 s, 1 min, 2 min … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** After this many failed attempts a message is set aside (DEAD) for an admin to look at. */
export const MAX_DELIVERY_ATTEMPTS = 10;
