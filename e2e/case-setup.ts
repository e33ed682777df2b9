// Moves a case forward on the server, through the app's own case actions, so that an e2e test
// about a later step (rating, review) starts where it needs to without replaying earlier screens.
import { readFileSync } from 'node:fs';
import { STATE_FILE } from './staff-accounts.ts';

interface ServerState {
  databaseUrl: string;
  sessionSecret: string;
  hmacKey: string;
}

async function app() {
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as ServerState;
  process.env.DATABASE_URL = state.databaseUrl;
  process.env.SESSION_SECRET = state.sessionSecret;
  process.env.HMAC_KEY = state.hmacKey;
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
  const replied = await performCaseAction(actor, row.id, accepted.version, { action: 'reply', message: reply });
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
  const replied = await performCaseAction(actor, row.id, row.version, { action: 'reply', message: reply });
  if (!replied.ok) throw new Error(`case ${receiptNo} could not be answered: ${replied.formError ?? ''}`);
}
