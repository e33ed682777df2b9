// A standard decline reason's words as the citizen reads them, in their own language.
import { DEFAULT_LOCALE, isLocale } from '#app/i18n/config.ts';
import { declineReasonKey, type DeclineReason } from './decline-reasons.ts';

/**
 * The reason and the standard "where to go instead". The translations are loaded on first use, not
 * when this module is: they are JSON modules, and the e2e suite's case setup imports the case
 * services under Node's own module loader, which refuses JSON imported without attributes (ADR 0014).
 */
export async function declineTexts(reason: DeclineReason, citizenLocale: string): Promise<{ reason: string; referral: string }> {
  const { translator } = await import('#app/i18n/translate.server.ts');
  const t = await translator(isLocale(citizenLocale) ? citizenLocale : DEFAULT_LOCALE);
  return { reason: t(declineReasonKey(reason, 'reason')), referral: t(declineReasonKey(reason, 'referral')) };
}
