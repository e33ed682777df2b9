// Carries a new booking's reference and cancel code from the booking action to the confirmation
// page, sealed and for 30 minutes at most: the cancel code is shown once and never put in a URL,
// where logs, Referer headers or a shared computer's history would keep it.
import { z } from 'zod';
import { createSealedCookie } from '#app/platform/crypto/sealed-cookie.server.ts';

export const bookingCookie = createSealedCookie(
  'pd_booking',
  z.object({
    reference: z.string(),
    /** Null when a retried booking arrives after the code may no longer be shown. */
    cancelCode: z.string().nullable(),
  }),
  30 * 60,
);
