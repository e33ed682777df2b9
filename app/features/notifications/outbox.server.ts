// Queuing notifications in the transactional outbox. Every function takes the transaction of the
// change that causes the message, so the message exists exactly when the change does: a rolled
// back change leaves no message, and a committed one cannot lose its message.
import { staffKeptFrom } from '#app/features/cases/case-scope.server.ts';
import { citizenChannel, staffWantsMessage, type CitizenTemplate, type OutboxChannel, type StaffTopic } from './topics.ts';
import type { WarningLevel } from '#app/features/cases/attributes.ts';
import type { Prisma } from '#app/platform/db.server.ts';

export type Tx = Prisma.TransactionClient;

interface Message {
  dedupeKey: string;
  template: string;
  recipientType: 'CITIZEN' | 'STAFF';
  channel: OutboxChannel;
  caseId: string | null;
  staffId: string | null;
  locale: string;
  data: Prisma.InputJsonObject;
}

async function queue(tx: Tx, messages: Message[]): Promise<number> {
  if (messages.length === 0) return 0;
  // The dedupe key makes queuing idempotent: a second sweep or a retried request adds nothing.
  const result = await tx.outboxMessage.createMany({ data: messages, skipDuplicates: true });
  return result.count;
}

/**
 * Tells the citizen about their case, by email or, when they gave only a phone number, by SMS
 * (citizenChannel). The address or number is looked up at delivery, not copied here, and the
 * message never carries the access code. One message per cause, whichever the channel. A message
 * the citizen asked for by a given channel goes by that one or not at all.
 */
export async function queueCitizenMessage(
  tx: Tx,
  caseId: string,
  template: CitizenTemplate,
  cause: string,
  data: Prisma.InputJsonObject = {},
  options: { channel?: OutboxChannel } = {},
): Promise<number> {
  const found = await tx.case.findUnique({
    where: { id: caseId },
    select: { citizenLocale: true, contact: { select: { email: true, phone: true } } },
  });
  // A channel the citizen chose (their check-in) is used when its detail is there; else the usual one.
  const chosen = options.channel && found?.contact?.[options.channel === 'EMAIL' ? 'email' : 'phone'] ? options.channel : null;
  const channel = options.channel ? chosen : citizenChannel(found?.contact);
  if (!found || !channel) return 0;
  return await queue(tx, [
    {
      dedupeKey: `${template}:${caseId}:${cause}`,
      template,
      recipientType: 'CITIZEN',
      channel,
      caseId,
      staffId: null,
      locale: found.citizenLocale,
      data,
    },
  ]);
}

export interface StaffRecipient {
  id: string;
  mutedNotifications: string[];
}

/** Queues one message per staff member who wants it; the cause keeps each message unique. */
export async function queueStaffMessages(
  tx: Tx,
  recipients: StaffRecipient[],
  topic: StaffTopic,
  template: string,
  cause: string,
  options: { caseId?: string | null; level?: WarningLevel; data?: Prisma.InputJsonObject } = {},
): Promise<number> {
  const red = options.level === 'RED';
  // Nobody hears of a case kept from them: a report about their unit, or one they withdrew from.
  const kept = options.caseId
    ? await staffKeptFrom(
        tx,
        options.caseId,
        recipients.map((r) => r.id),
      )
    : new Set<string>();
  const wanted = recipients.filter((r) => !kept.has(r.id) && staffWantsMessage(topic, r.mutedNotifications, red));
  return await queue(
    tx,
    wanted.map((r) => ({
      dedupeKey: `${template}:${r.id}:${cause}`,
      template,
      recipientType: 'STAFF',
      // Staff messages are email only.
      channel: 'EMAIL' as const,
      caseId: options.caseId ?? null,
      staffId: r.id,
      // Staff read the office in their own language; the message follows the office default.
      locale: 'zh-Hans',
      data: options.data ?? {},
    })),
  );
}

const RECIPIENT_SELECT = { id: true, mutedNotifications: true } as const;

/** Who hears of a new orange or red case: the staff of its unit, and every supervisor. */
export async function warningAlertRecipients(tx: Tx, unitId: string | null): Promise<StaffRecipient[]> {
  return await tx.staffUser.findMany({
    where: {
      active: true,
      OR: [{ role: 'SUPERVISOR' }, ...(unitId ? [{ unitId, role: { in: ['HANDLER', 'CLERK'] as ('HANDLER' | 'CLERK')[] } }] : [])],
    },
    select: RECIPIENT_SELECT,
  });
}

/** Who is reminded of a case's deadline: its assignee, or else the handlers of its unit. */
export async function caseWorkerRecipients(tx: Tx, assigneeId: string | null, unitId: string | null): Promise<StaffRecipient[]> {
  if (assigneeId) return await tx.staffUser.findMany({ where: { id: assigneeId, active: true }, select: RECIPIENT_SELECT });
  if (!unitId) return await tx.staffUser.findMany({ where: { active: true, role: 'SUPERVISOR' }, select: RECIPIENT_SELECT });
  return await tx.staffUser.findMany({ where: { active: true, unitId, role: 'HANDLER' }, select: RECIPIENT_SELECT });
}

/**
 * The supervisors, all of them; or, given a unit (督办: the unit above the one that missed a date),
 * that unit's own supervisors, and all of them when it has none.
 */
export async function supervisorRecipients(tx: Tx, unitId: string | null = null): Promise<StaffRecipient[]> {
  if (unitId) {
    const own = await tx.staffUser.findMany({ where: { active: true, role: 'SUPERVISOR', unitId }, select: RECIPIENT_SELECT });
    if (own.length > 0) return own;
  }
  return await tx.staffUser.findMany({ where: { active: true, role: 'SUPERVISOR' }, select: RECIPIENT_SELECT });
}
