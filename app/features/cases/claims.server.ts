// A case's claims (逐条确认诉求) as stored: the list kept in CaseClaim, replaced whole while it may
// still change (the CaseEvent of each change keeps the whole list, so the history is never lost),
// and the reply's answer to each. The rules are in claims.ts.
import { db } from '#app/platform/db.server.ts';
import type { Tx } from '#app/features/notifications/outbox.server.ts';
import type { ClaimAnswer, ClaimOutcome } from './claims.ts';

export interface StoredClaim {
  position: number;
  text: string;
  outcome: ClaimOutcome | null;
  reasons: string | null;
  answeredAt: Date | null;
}

const CLAIM_SELECT = { position: true, text: true, outcome: true, reasons: true, answeredAt: true } as const;

export async function claimsOf(caseId: string, client: Tx | ReturnType<typeof db> = db()): Promise<StoredClaim[]> {
  return await client.caseClaim.findMany({ where: { caseId }, orderBy: { position: 'asc' }, select: CLAIM_SELECT });
}

/** Replaces the case's list, numbered from 1 in the order given. */
export async function replaceClaims(tx: Tx, caseId: string, claims: readonly string[]): Promise<void> {
  await tx.caseClaim.deleteMany({ where: { caseId } });
  await tx.caseClaim.createMany({ data: claims.map((text, i) => ({ caseId, position: i + 1, text })) });
}

/** The reply's answer to each claim (already checked against the list and the case's class). */
export async function recordAnswers(tx: Tx, caseId: string, answers: readonly ClaimAnswer[], now: Date): Promise<void> {
  for (const answer of answers)
    await tx.caseClaim.update({
      where: { caseId_position: { caseId, position: answer.position } },
      data: { outcome: answer.outcome, reasons: answer.reasons.trim(), answeredAt: now },
    });
}
