// Delivers the transactional outbox. Any number of workers may run this at once:
//   1. claim: one statement picks due messages with FOR UPDATE SKIP LOCKED (so two workers never
//      pick the same row) and marks them SENDING with a lease and one more attempt;
//   2. deliver each, then mark it SENT, but only while the claim is still ours (same attempt);
//   3. on failure, put it back as PENDING after a growing delay, or DEAD after MAX_DELIVERY_ATTEMPTS.
// A worker that dies mid-send leaves a SENDING row whose lease lapses; another worker then takes
// it over. The file transport cannot write a message twice, and SMTP retries carry the same
// Message-ID, so what the recipient sees is one message.
//
// A message goes by the channel chosen when it was queued (OutboxMessage.channel): email through
// the mail transport, or a citizen's SMS notice through the SMS transport (sms-transport.server.ts),
// with the same claims, retries and lease. The SMS file outbox cannot write a message twice either;
// an SMS gateway gets the outbox id as its Idempotency-Key on every attempt.
//
// A message whose recipient has no address any more (the contact details were removed, the staff
// account was deactivated) is marked DEAD at once, with a lastError starting "undeliverable:".
// Not SENT: nothing was sent, and the outbox should not say otherwise. Not retried: no retry can
// bring the address back, and DEAD is already the state an administrator reviews.
import { z } from 'zod';
import { staffKeptFrom } from '#app/features/cases/case-scope.server.ts';
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { serviceTimeZone } from '#app/platform/time/service-time-zone.server.ts';
import {
  type CitizenFacts,
  StaffFacts,
  isCitizenTemplate,
  renderMessage,
  renderSms,
  statutoryDeadlineKind,
  type RenderOptions,
} from './render.server.ts';
import { configuredSmsTransport, type OutgoingSms, type SmsTransport } from './sms-transport.server.ts';
import { MAX_DELIVERY_ATTEMPTS, isTemplate, retryDelayMs, type Template } from './topics.ts';
import type { CaseStatus } from '#app/features/cases/lifecycle.ts';
import type { MailTransport, OutgoingMail } from './transport.server.ts';

/**
 * How long a claim lasts before another worker may take the message over. Short, because the
 * worker renews its claims while it works (keepClaims): a worker that was killed holds its
 * messages for seconds, not minutes.
 */
export const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_BATCH_SIZE = 20;
const LAST_ERROR_MAX = 1000;

export interface DeliveryOptions {
  transport: MailTransport;
  /** Citizens' SMS notices; the configured one (gateway or OUTBOX_DIR/sms files) by default. */
  sms?: SmsTransport;
  now?: () => Date;
  batchSize?: number;
  leaseMs?: number;
  log?: (line: string) => void;
  /** Links and dates in the messages; from the environment by default. */
  render?: RenderOptions;
}

export interface DeliveryReport {
  claimed: number;
  sent: number;
  retrying: number;
  dead: number;
}

const ClaimedRow = z.object({
  id: z.uuid(),
  template: z.string(),
  recipientType: z.enum(['CITIZEN', 'STAFF']),
  channel: z.enum(['EMAIL', 'SMS']),
  caseId: z.uuid().nullable(),
  staffId: z.uuid().nullable(),
  locale: z.string(),
  data: z.unknown(),
  attempts: z.number().int(),
});
type Claimed = z.infer<typeof ClaimedRow>;

/** Claims up to `limit` due messages for this worker: PENDING and due, or SENDING with a lapsed lease. */
export async function claimDueMessages(now: Date, limit: number, leaseMs = DEFAULT_LEASE_MS): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows = await db().$queryRaw<unknown[]>`
    WITH due AS (
      SELECT "id" FROM "OutboxMessage"
      WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= ${now})
         OR ("status" = 'SENDING' AND "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt", "id"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxMessage" AS m
    SET "status" = 'SENDING', "lockedUntil" = ${leaseUntil}, "attempts" = m."attempts" + 1
    FROM due
    WHERE m."id" = due."id"
    RETURNING m."id", m."template", m."recipientType"::text AS "recipientType", m."channel"::text AS "channel", m."caseId", m."staffId", m."locale", m."data", m."attempts"`;
  return rows.map((row) => ClaimedRow.parse(row));
}

class Undeliverable extends Error {}

/** Staff message data as the queuing side writes it; unknown keys are ignored. */
const StaffMessageData = z.object({
  level: StaffFacts.shape.level,
  reasons: StaffFacts.shape.reasons,
  deadline: StaffFacts.shape.deadline,
  dueAt: StaffFacts.shape.dueAt,
  overdue: StaffFacts.shape.overdue,
  digest: StaffFacts.shape.digest,
  // A scheduled report (staff.reportReady): without it the email named no report and linked to /office/reports.
  prepared: StaffFacts.shape.prepared,
});

/**
 * What a DECLINED event keeps: the standard reason's code with its words as the citizen read them
 * (reasonText) and staff's own (detail); events before the standard reasons kept the words as reason.
 */
const DeclineData = z
  .object({ reason: z.string(), reasonText: z.string().optional(), detail: z.string().default(''), referral: z.string() })
  .transform(({ reason, reasonText, detail, referral }) => ({
    reason: [reasonText ?? reason, detail].filter((part) => part.trim().length > 0).join('\n\n'),
    referral,
  }));
const ForwardData = z.object({ agency: z.string() });
const ExtendData = z.object({ replyDueAt: z.string() });
const AcceptData = z.object({ replyDueAt: z.string() });
const Email = z.email();
/** A phone number as the submission stores it (normalizePhone in cases/submission.ts). */
const Phone = z.string().regex(/^\+?\d{5,20}$/);

/** The latest event of a type on a case: the decision a citizen message is about. */
async function latestEvent(caseId: string, type: string) {
  return await db().caseEvent.findFirst({ where: { caseId, type }, orderBy: { id: 'desc' }, select: { message: true, data: true } });
}

/**
 * The citizen's address and what the message says, read now rather than copied at queuing time:
 * the outbox holds no personal data, and a removed address stops the message.
 */
async function citizenMail(message: Claimed, template: Template): Promise<{ to: string; facts: CitizenFacts }> {
  if (!message.caseId) throw new Undeliverable('a citizen message without a case');
  const found = await db().case.findUnique({
    where: { id: message.caseId },
    select: { receiptNo: true, subject: true, replyDueAt: true, contact: { select: { email: true } } },
  });
  if (!found) throw new Undeliverable('the case no longer exists');
  const email = Email.safeParse(found.contact?.email);
  if (!email.success) throw new Undeliverable('the case has no contact email address any more');

  const facts: CitizenFacts = { receiptNo: found.receiptNo, subject: found.subject };
  if (template === 'case.accepted') {
    const event = await latestEvent(message.caseId, 'ACCEPTED');
    facts.replyDueAt = AcceptData.safeParse(event?.data).data?.replyDueAt ?? found.replyDueAt?.toISOString() ?? null;
  } else if (template === 'case.declined') {
    const event = DeclineData.safeParse((await latestEvent(message.caseId, 'DECLINED'))?.data);
    if (event.success) facts.decline = event.data;
  } else if (template === 'case.forwarded') {
    const event = await latestEvent(message.caseId, 'FORWARDED');
    const data = ForwardData.safeParse(event?.data);
    if (data.success) facts.forward = { agency: data.data.agency, message: event?.message ?? null };
  } else if (template === 'case.extended') {
    const event = await latestEvent(message.caseId, 'EXTENDED');
    const data = ExtendData.safeParse(event?.data);
    if (data.success) facts.extension = { replyDueAt: data.data.replyDueAt, reason: event?.message ?? '' };
  }
  return { to: email.data, facts };
}

/**
 * The citizen's phone number and receipt number, read now like citizenMail's address. Nothing else
 * of the case goes into an SMS (renderSms).
 */
async function citizenSms(message: Claimed, render: RenderOptions): Promise<OutgoingSms> {
  if (message.recipientType !== 'CITIZEN') throw new Undeliverable('staff messages are sent by email only');
  if (!isCitizenTemplate(message.template)) throw new Undeliverable(`template ${message.template} is not for CITIZEN`);
  if (!message.caseId) throw new Undeliverable('a citizen message without a case');
  const found = await db().case.findUnique({
    where: { id: message.caseId },
    select: { receiptNo: true, contact: { select: { phone: true } } },
  });
  if (!found) throw new Undeliverable('the case no longer exists');
  const phone = Phone.safeParse(found.contact?.phone);
  if (!phone.success) throw new Undeliverable('the case has no contact phone number any more');
  const sms = await renderSms(message.template, message.locale, { receiptNo: found.receiptNo }, { baseUrl: render.baseUrl });
  return { id: message.id, to: phone.data, text: sms.text, template: message.template, receiptNo: found.receiptNo, trackUrl: sms.trackUrl };
}

async function staffMail(message: Claimed): Promise<{ to: string; facts: StaffFacts }> {
  if (!message.staffId) throw new Undeliverable('a staff message without a staff member');
  const staff = await db().staffUser.findUnique({ where: { id: message.staffId }, select: { email: true, active: true } });
  if (!staff) throw new Undeliverable('the staff account no longer exists');
  if (!staff.active) throw new Undeliverable('the staff account is deactivated');
  const email = Email.safeParse(staff.email);
  if (!email.success) throw new Undeliverable('the staff account has no valid email address');

  const data = StaffMessageData.safeParse(message.data ?? {});
  if (!data.success) throw new Undeliverable(`malformed message data: ${data.error.issues[0]?.message ?? 'invalid'}`);
  const facts: StaffFacts = { ...data.data };
  // Checked again at delivery: the bar may have moved since the message was queued (a corrected report, a recusal).
  if (message.caseId && (await staffKeptFrom(db(), message.caseId, [message.staffId])).size > 0)
    throw new Undeliverable('the case is kept from this staff member');
  if (message.caseId) {
    const found = await db().case.findUnique({
      where: { id: message.caseId },
      select: { id: true, receiptNo: true, warningLevel: true, status: true, nextDueAt: true },
    });
    if (found) {
      facts.caseId = found.id;
      facts.receiptNo = found.receiptNo;
      // An alert names the level that raised it; other messages show the case's level now.
      facts.level = data.data.level ?? found.warningLevel;
      facts.deadline = data.data.deadline ?? statutoryDeadlineKind(found.status as CaseStatus);
      facts.dueAt = data.data.dueAt ?? found.nextDueAt?.toISOString() ?? null;
    }
  }
  return { to: email.data, facts };
}

async function compose(message: Claimed, render: RenderOptions): Promise<OutgoingMail> {
  if (!isTemplate(message.template)) throw new Undeliverable(`unknown template ${message.template}`);
  const citizen = message.recipientType === 'CITIZEN';
  if (citizen !== isCitizenTemplate(message.template))
    throw new Undeliverable(`template ${message.template} is not for ${message.recipientType}`);
  const { to, facts } = citizen ? await citizenMail(message, message.template) : await staffMail(message);
  const rendered = await renderMessage(message.template, message.locale, facts, render);
  return { id: message.id, to, subject: rendered.subject, text: rendered.text, html: rendered.html, template: message.template };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, LAST_ERROR_MAX);
}

/** Only the worker holding the claim (same attempt, still SENDING) may settle a message. */
function ours(message: Claimed) {
  return { id: message.id, status: 'SENDING' as const, attempts: message.attempts };
}

type Outcome = 'sent' | 'retrying' | 'dead';

async function deliverOne(
  message: Claimed,
  options: Required<Pick<DeliveryOptions, 'transport' | 'sms' | 'now' | 'log' | 'render'>>,
): Promise<Outcome> {
  // A message whose earlier workers all died mid-send has used up its attempts.
  if (message.attempts > MAX_DELIVERY_ATTEMPTS) {
    await db().outboxMessage.updateMany({
      where: ours(message),
      data: { status: 'DEAD', lockedUntil: null, lastError: 'gave up: too many attempts' },
    });
    return 'dead';
  }
  try {
    if (message.channel === 'SMS') await options.sms.send(await citizenSms(message, options.render));
    else await options.transport.send(await compose(message, options.render));
  } catch (error) {
    const now = options.now();
    if (error instanceof Undeliverable) {
      await db().outboxMessage.updateMany({
        where: ours(message),
        data: { status: 'DEAD', lockedUntil: null, lastError: `undeliverable: ${error.message}` },
      });
      options.log(`[outbox] ${message.id} (${message.template}) undeliverable: ${error.message}`);
      return 'dead';
    }
    const dead = message.attempts >= MAX_DELIVERY_ATTEMPTS;
    await db().outboxMessage.updateMany({
      where: ours(message),
      data: dead
        ? { status: 'DEAD', lockedUntil: null, lastError: describe(error) }
        : {
            status: 'PENDING',
            lockedUntil: null,
            lastError: describe(error),
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
          },
    });
    options.log(
      `[outbox] ${message.id} (${message.template}) attempt ${message.attempts} failed${dead ? ', giving up' : ''}: ${describe(error)}`,
    );
    return dead ? 'dead' : 'retrying';
  }
  const settled = await db().outboxMessage.updateMany({
    where: ours(message),
    data: { status: 'SENT', sentAt: options.now(), lockedUntil: null, lastError: null },
  });
  if (settled.count === 0) options.log(`[outbox] ${message.id} was taken over by another worker after its lease lapsed`);
  return 'sent';
}

function withDefaults(options: DeliveryOptions) {
  const log = options.log ?? ((line: string) => console.log(line));
  return {
    transport: options.transport,
    sms: options.sms ?? configuredSmsTransport(log),
    now: options.now ?? (() => new Date()),
    log,
    render: options.render ?? { baseUrl: env().publicBaseUrl, timeZone: serviceTimeZone() },
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
  };
}

/**
 * Renews this worker's claims on the messages it has not settled yet, every third of the lease,
 * until stopped. Only a claim that is still ours (same attempt, still SENDING) is renewed.
 */
function keepClaims(messages: Claimed[], leaseMs: number, now: () => Date) {
  const unsettled = new Map(messages.map((message) => [message.id, message.attempts]));
  const renew = async () => {
    if (unsettled.size === 0) return;
    const until = new Date(now().getTime() + leaseMs);
    await db().$executeRaw`
      UPDATE "OutboxMessage" SET "lockedUntil" = ${until}
      WHERE "status" = 'SENDING'
        AND ("id", "attempts") IN (SELECT * FROM unnest(${[...unsettled.keys()]}::uuid[], ${[...unsettled.values()]}::int[]))`;
  };
  const timer = setInterval(() => void renew().catch(() => undefined), Math.max(250, Math.floor(leaseMs / 3)));
  timer.unref();
  return { settled: (id: string) => unsettled.delete(id), stop: () => clearInterval(timer) };
}

/** Claims one batch and delivers it, keeping the claims alive meanwhile. */
export async function deliverBatch(options: DeliveryOptions): Promise<DeliveryReport> {
  const settings = withDefaults(options);
  const claimed = await claimDueMessages(settings.now(), settings.batchSize, settings.leaseMs);
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retrying: 0, dead: 0 };
  if (claimed.length === 0) return report;
  const claims = keepClaims(claimed, settings.leaseMs, settings.now);
  try {
    for (const message of claimed) {
      report[await deliverOne(message, settings)]++;
      claims.settled(message.id);
    }
  } finally {
    claims.stop();
  }
  return report;
}

/** Delivers batches until none is due (or `maxBatches` were done, so one poll cannot run forever). */
export async function deliverDueMessages(options: DeliveryOptions & { maxBatches?: number }): Promise<DeliveryReport> {
  const total: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, dead: 0 };
  for (let i = 0; i < (options.maxBatches ?? 50); i++) {
    const report = await deliverBatch(options);
    total.claimed += report.claimed;
    total.sent += report.sent;
    total.retrying += report.retrying;
    total.dead += report.dead;
    if (report.claimed === 0) break;
  }
  return total;
}
