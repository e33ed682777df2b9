// The written reply on the back-office case page, as a handler fills it in: each claim's outcome
// and reasons (逐条答复), the legal and policy basis, then the answer itself.
import { expect, type Locator } from '@playwright/test';
import officeEn from '#app/i18n/locales/en/office.json' with { type: 'json' };
import { startsWith } from './support.ts';

type OfficeStrings = typeof officeEn;

export interface ClaimAnswerInput {
  /** The outcome's label, as the radio shows it (common:claimOutcomes). */
  outcome: string;
  reasons: string;
}

/** Fills the open reply panel: one answer per claim, in order, then the basis (when asked) and the text. */
export async function fillReply(
  panel: Locator,
  o: OfficeStrings,
  reply: { answers: ClaimAnswerInput[]; legalBasis?: string; text: string },
): Promise<void> {
  const claims = panel.locator('fieldset.claim-answer');
  await expect(claims).toHaveCount(reply.answers.length);
  for (const [i, answer] of reply.answers.entries()) {
    const claim = claims.nth(i);
    await claim
      .locator('label')
      .filter({ has: panel.page().getByRole('radio', { name: startsWith(answer.outcome) }) })
      .check();
    await claim.getByLabel(o.case.fields.claimReasons, { exact: true }).fill(answer.reasons);
  }
  if (reply.legalBasis !== undefined) await panel.getByLabel(o.case.fields.legalBasis, { exact: true }).fill(reply.legalBasis);
  await panel.getByLabel(o.case.fields.reply, { exact: true }).fill(reply.text);
}
