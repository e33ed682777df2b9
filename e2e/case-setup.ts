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

/** A supervisor accepts and answers the case; returns its id and the code of its unit. */
export async function acceptAndReply(receiptNo: string, reply: string): Promise<{ caseId: string; unitCode: string }> {
  const { db, performCaseAction } = await app();
  const supervisor = await db().staffUser.create({
    data: {
      email: `setup-${Date.now()}-${Math.random().toString(36).slice(2)}@example.gov.cn`,
      name: '测试督办',
      role: 'SUPERVISOR',
      passwordHash: 'x',
      active: false,
    },
  });
  const actor = { id: supervisor.id, role: 'SUPERVISOR' as const, unitId: null };
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
  const clerk = await db().staffUser.create({
    data: {
      email: `setup-${Date.now()}-${Math.random().toString(36).slice(2)}@example.gov.cn`,
      name: '测试登记',
      role: 'CLERK',
      passwordHash: 'x',
      active: false,
    },
  });
  const row = await db().case.findUniqueOrThrow({ where: { receiptNo } });
  const accepted = await performCaseAction({ id: clerk.id, role: 'CLERK', unitId: null }, row.id, row.version, { action: 'accept' });
  if (!accepted.ok) throw new Error(`case ${receiptNo} could not be accepted: ${accepted.formError ?? ''}`);
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
