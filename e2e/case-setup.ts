// Moves a case forward on the server, through the app's own case actions, so that an e2e test
// about a later step (rating, review) starts where it needs to without replaying earlier screens.
import { answeredReply } from '../tests/support/replies.ts';
import { adoptServerEnvironment } from './server-state.ts';
import { validLetter, type Letter, type Locale } from './support.ts';

async function app() {
  adoptServerEnvironment();
  const { db } = await import('#app/platform/db.server.ts');
  const { performCaseAction } = await import('#app/features/cases/staff-actions.server.ts');
  return { db, performCaseAction };
}

/** An account of no unit that cannot sign in: who takes a step the test needs taken first. */
async function setupActor(role: 'CLERK' | 'SUPERVISOR', name: string) {
  const { db } = await app();
  const user = await db().staffUser.create({
    data: {
      email: `setup-${Date.now()}-${Math.random().toString(36).slice(2)}@example.gov.cn`,
      name,
      role,
      passwordHash: 'x',
      active: false,
    },
  });
  return { id: user.id, role, unitId: null };
}

/** A handler of the unit that cannot sign in, for a step only the unit takes (its completion report). */
async function setupHandler(unitId: string, name: string) {
  const { db } = await app();
  const { unitLineage } = await import('#app/features/reference-data/unit-tree.server.ts');
  const user = await db().staffUser.create({
    data: {
      email: `setup-${Date.now()}-${Math.random().toString(36).slice(2)}@example.gov.cn`,
      name,
      role: 'HANDLER',
      unitId,
      passwordHash: 'x',
      active: false,
    },
  });
  return { id: user.id, role: 'HANDLER' as const, unitId, unitLineage: await unitLineage(unitId) };
}

/** A supervisor accepts and answers the case; returns its id and the code of its unit. */
export async function acceptAndReply(receiptNo: string, reply: string): Promise<{ caseId: string; unitCode: string }> {
  const { db, performCaseAction } = await app();
  const supervisor = await setupActor('SUPERVISOR', '测试督办');
  const actor = supervisor;
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo }, include: { unit: true } });
  const accepted = await performCaseAction(actor, row.id, row.version, { action: 'accept' });
  if (!accepted.ok) throw new Error(`case ${receiptNo} could not be accepted: ${accepted.formError ?? ''}`);
  const replied = await performCaseAction(actor, row.id, accepted.version, answeredReply(reply));
  if (!replied.ok) throw new Error(`case ${receiptNo} could not be answered: ${replied.formError ?? ''}`);
  if (!row.unit) throw new Error(`case ${receiptNo} has no unit`);
  return { caseId: row.id, unitCode: row.unit.code };
}

/** The id of a case and the code of the unit it is with now. */
export async function caseAndUnit(receiptNo: string): Promise<{ caseId: string; unitCode: string | null }> {
  const { db } = await app();
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo }, include: { unit: true } });
  return { caseId: row.id, unitCode: row.unit?.code ?? null };
}

/** A clerk of no unit accepts the case (so the unit it was routed to can answer it). */
export async function acceptCase(receiptNo: string): Promise<void> {
  const { db, performCaseAction } = await app();
  const clerk = await setupActor('CLERK', '测试登记');
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo } });
  const accepted = await performCaseAction(clerk, row.id, row.version, { action: 'accept' });
  if (!accepted.ok) throw new Error(`case ${receiptNo} could not be accepted: ${accepted.formError ?? ''}`);
}

/**
 * 交办 (art. 22(3)): a clerk of no unit assigns the case to the unit it is with, asking for a
 * completion report within 20 days, and accepts it; the unit's handlers may then file the report.
 */
export async function assignWithReport(receiptNo: string): Promise<void> {
  const { db, performCaseAction } = await app();
  const clerk = await setupActor('CLERK', '测试交办');
  const actor = clerk;
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo } });
  if (!row.unitId) throw new Error(`case ${receiptNo} has no unit`);
  const reportDueOn = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const assigned = await performCaseAction(actor, row.id, row.version, {
    action: 'assign',
    unitId: row.unitId,
    assigneeId: null,
    reportDueOn,
  });
  if (!assigned.ok) throw new Error(`case ${receiptNo} could not be assigned: ${assigned.formError ?? JSON.stringify(assigned.errors)}`);
  const accepted = await performCaseAction(actor, row.id, assigned.version, { action: 'accept' });
  if (!accepted.ok) throw new Error(`case ${receiptNo} could not be accepted: ${accepted.formError ?? ''}`);
}

/** 转送: a clerk of no unit forwards the case to another agency, so it has a transfer letter. */
export async function forwardCase(receiptNo: string, agency: string): Promise<string> {
  const { db, performCaseAction } = await app();
  const clerk = await setupActor('CLERK', '测试转送');
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo } });
  const forwarded = await performCaseAction(clerk, row.id, row.version, {
    action: 'forward',
    agency,
    message: '',
  });
  if (!forwarded.ok)
    throw new Error(`case ${receiptNo} could not be forwarded: ${forwarded.formError ?? JSON.stringify(forwarded.errors)}`);
  return row.id;
}

/** The case accepted, then answered by the handler with this e-mail (a handler of the case's unit). */
export async function acceptAndReplyAs(receiptNo: string, handlerEmail: string, reply: string): Promise<void> {
  await acceptCase(receiptNo);
  const { db, performCaseAction } = await app();
  const { unitLineage } = await import('#app/features/reference-data/unit-tree.server.ts');
  const handler = await db().staffUser.findUniqueOrThrow({ where: { email: handlerEmail } });
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo } });
  const actor = { id: handler.id, role: 'HANDLER' as const, unitId: handler.unitId, unitLineage: await unitLineage(handler.unitId) };
  const replied = await performCaseAction(actor, row.id, row.version, answeredReply(reply));
  if (!replied.ok) throw new Error(`case ${receiptNo} could not be answered: ${replied.formError ?? ''}`);
}

/**
 * A citizen's letter, received through the same pipeline as the portal's form (validation, routing,
 * clustering, the early-warning level), without a browser: for tests about what staff do with
 * letters. The form itself is tested by submit-and-track and the other portal specs.
 */
export async function receiveLetter(
  overrides: Partial<Letter> = {},
  locale: Locale = 'zh-Hans',
): Promise<{ receiptNo: string; accessCode: string; letter: Letter }> {
  await app();
  const { newSubmitForm, handleSubmission } = await import('#app/features/cases/submit.server.ts');
  const letter = validLetter(overrides);
  const form = await newSubmitForm(locale);
  // categoryIndex counts the form's options, where 0 is the placeholder.
  const category = form.categories[letter.categoryIndex - 1];
  if (!category) throw new Error(`no category at index ${letter.categoryIndex}`);
  const fields = new URLSearchParams({
    idempotencyKey: form.idempotencyKey,
    kind: letter.kind,
    categoryId: category.id,
    area: letter.area,
    subject: letter.subject,
    body: letter.body,
    coSignerCount: letter.coSignerCount,
    name: letter.name,
    phone: letter.phone,
    email: letter.email,
    postalAddress: letter.postalAddress,
    preferredReplyChannel: letter.preferredReplyChannel,
  });
  if (letter.anonymous) fields.set('anonymous', 'yes');
  if (letter.consent) fields.set('consent', 'yes');
  const outcome = await handleSubmission(fields, { clientIp: '127.0.0.1', locale });
  if (!outcome.ok) throw new Error(`the letter was refused: ${JSON.stringify(outcome.errors)} ${outcome.formError ?? ''}`);
  const { receiptNo, accessCode } = outcome.receipt;
  if (!accessCode) throw new Error(`letter ${receiptNo} came back without its access code`);
  return { receiptNo, accessCode, letter };
}

/** The case as if it had been received `days` ago, its decision on acceptance due long since (for the remedy of a missed date). */
export async function receivedDaysAgo(receiptNo: string, days: number): Promise<void> {
  const { db } = await app();
  const { acceptanceDeadline } = await import('#app/features/cases/deadlines.ts');
  const { serviceClock } = await import('#app/features/cases/clock.server.ts');
  const receivedAt = new Date(Date.now() - days * 86_400_000);
  const acceptDueAt = acceptanceDeadline(receivedAt, serviceClock());
  await db().case.update({ where: { receiptNo }, data: { receivedAt, acceptDueAt, nextDueAt: acceptDueAt } });
}

/**
 * 回访: the citizen's consent given (or changed) through the app's own step, as the track page's
 * consent page records it; for a check-in the test does not give on screen (a phone call).
 */
export async function consentToCheckIn(receiptNo: string, channel: 'EMAIL' | 'SMS' | 'PHONE'): Promise<void> {
  const { db } = await app();
  const { changeCheckInConsent } = await import('#app/features/cases/check-in.server.ts');
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo } });
  await changeCheckInConsent(row.id, channel);
}

/**
 * 回访: the question asked. The reply's date is moved back by the check-in's days (setting
 * checkIn.days), so that it is due now (only the check-in and the statistics read that date; the
 * review window has its own), and the hourly sweep's own step (sendDueCheckIns) runs for this case
 * alone: it marks the question sent and queues the message (or the clerks' call).
 */
export async function askCheckIn(receiptNo: string): Promise<void> {
  const { db } = await app();
  const { checkInDays, sendDueCheckIns } = await import('#app/features/cases/check-in.server.ts');
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo } });
  if (!row.repliedAt) throw new Error(`case ${receiptNo} has no reply to ask about`);
  const days = await checkInDays();
  const repliedAt = new Date(row.repliedAt.getTime() - days * 86_400_000 - 60_000);
  await db().case.update({ where: { id: row.id }, data: { repliedAt } });
  await sendDueCheckIns(new Date(), { caseIds: [row.id] });
  // The worker's own sweep may have asked it in between: asked either way.
  const asked = await db().case.findUniqueOrThrow({ where: { id: row.id }, select: { checkInSentAt: true } });
  if (!asked.checkInSentAt) throw new Error(`case ${receiptNo}: the check-in question was not asked`);
}

/**
 * What the case has recorded of its answer, read from the database: its status, the agreement that
 * ended it (art. 33) and how many agreement events it has, when it was answered and when the
 * citizen's window to ask for review closes, and the zone the service counts days in.
 */
export async function caseAnswer(receiptNo: string) {
  const { db } = await app();
  const { serviceTimeZone } = await import('#app/platform/time/service-time-zone.server.ts');
  const row = await db().case.findUniqueOrThrow({
    where: { receiptNo },
    select: { id: true, status: true, agreementKind: true, agreementParty: true, repliedAt: true, reviewRequestDueAt: true },
  });
  const agreementEvents = await db().caseEvent.count({ where: { caseId: row.id, type: { in: ['MEDIATED', 'SETTLED'] } } });
  return { ...row, agreementEvents, timeZone: serviceTimeZone() };
}

/** 复查 (art. 35): the citizen asks for review of the reply, through the track page's own step. */
export async function requestReviewOf(receiptNo: string, reason: string): Promise<void> {
  const { db } = await app();
  const { requestReview } = await import('#app/features/cases/citizen-actions.server.ts');
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo } });
  await requestReview(row.id, reason);
}

/**
 * 交办 (art. 22(3)) with a completion report asked for; a handler of the unit files the report and a
 * clerk of no unit sends it back for rework with `reason`.
 */
export async function sendBackCompletionReport(receiptNo: string, findings: string, reason: string): Promise<void> {
  await assignWithReport(receiptNo);
  const { db, performCaseAction } = await app();
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo } });
  if (!row.unitId) throw new Error(`case ${receiptNo} has no unit`);
  const handler = await setupHandler(row.unitId, '测试承办');
  const filed = await performCaseAction(handler, row.id, row.version, { action: 'fileReport', findings });
  if (!filed.ok) throw new Error(`case ${receiptNo}: the report could not be filed: ${filed.formError ?? JSON.stringify(filed.errors)}`);
  const clerk = await setupActor('CLERK', '测试审核');
  const returned = await performCaseAction(clerk, row.id, filed.version, { action: 'decideReport', decision: 'return', reason });
  if (!returned.ok)
    throw new Error(`case ${receiptNo}: the report could not be sent back: ${returned.formError ?? JSON.stringify(returned.errors)}`);
}

/**
 * The weekly risk list (周风险清单) of the week `weeksAgo` weeks before this one, prepared now by the
 * worker's own step (prepareReport), which stores it and queues each supervisor's email. The cases
 * named in `receivedThatWeek` are moved to the Wednesday of that week first, so that their cluster
 * is new in it (its trend). A week of its own for each test: each week's list is prepared once.
 */
export async function prepareRiskList(weeksAgo: number, receivedThatWeek: readonly string[]): Promise<{ key: string }> {
  const { db } = await app();
  const { prepareReport } = await import('#app/features/statistics/prepared.server.ts');
  const { periodContaining, periodKey } = await import('#app/features/statistics/periods.ts');
  const { addCalendarDays, civilDateIn, parseIsoDate, zonedInstant } = await import('#app/platform/time/civil-date.ts');
  const { serviceTimeZone } = await import('#app/platform/time/service-time-zone.server.ts');
  const timeZone = serviceTimeZone();
  const now = new Date();
  const period = periodContaining('week', addCalendarDays(civilDateIn(now, timeZone), -7 * weeksAgo));
  const key = periodKey(period);
  const wednesday = zonedInstant(addCalendarDays(parseIsoDate(period.start)!, 2), 10 * 60, timeZone);
  await db().case.updateMany({ where: { receiptNo: { in: [...receivedThatWeek] } }, data: { receivedAt: wednesday } });
  const prepared = await prepareReport({ kind: 'weeklySweep', period, key }, now);
  if (!prepared.prepared) throw new Error(`the risk list of ${key} was prepared already`);
  return { key };
}
