// A complete written reply for tests that need a case answered: its one claim (the letter's
// subject, listed when it was accepted) answered with the outcome given, a basis and the text.
import type { ClaimOutcome } from '#app/features/cases/claims.ts';
import type { ActionInput } from '#app/features/cases/staff-actions.server.ts';

export const TEST_LEGAL_BASIS = '《信访工作条例》第三十二条';

export function answeredReply(message: string, outcome: ClaimOutcome = 'UPHELD'): Extract<ActionInput, { action: 'reply' }> {
  return {
    action: 'reply',
    message,
    legalBasis: TEST_LEGAL_BASIS,
    legalReferences: '',
    answers: [{ position: 1, outcome, reasons: message }],
  };
}
