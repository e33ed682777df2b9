// The two short-lived cookies of the citizen portal. Neither the receipt page nor the track
// page ever puts the access code in a URL, where logs, Referer headers or a shared computer's
// history would keep it.
import { z } from 'zod';
import { createSealedCookie } from '#app/platform/crypto/sealed-cookie.server.ts';

/** Carries a new receipt from the submit action to the confirmation page, for 30 minutes at most. */
export const receiptCookie = createSealedCookie(
  'pd_receipt',
  z.object({
    receiptNo: z.string(),
    accessCode: z.string().nullable(),
    acceptDueAt: z.string(),
    latestReplyDueAt: z.string(),
    /** Show where to get help now (app/features/early-warning/welfare-signals.ts). */
    welfareConcern: z.boolean().default(false),
  }),
  30 * 60,
);

/** An open track session: the case a citizen unlocked with receipt number and access code. */
export const trackCookie = createSealedCookie('pd_track', z.object({ caseId: z.uuid() }), 30 * 60);
