// The citizen's follow-up pages (rate the answer, ask for review or re-review, withdraw, consent to
// the check-in after the reply and answer it), handled
// alike: what the page may offer now, and its form parsed, run as the citizen's action, and
// either done (back to the case) or refused with the problem for the page. Their routes are
// followUpLoader and followUpAction, each for its own kind.
import { redirect } from '@remix-run/node';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { parseForm } from '#app/platform/http/forms.ts';
import { refusal, refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { answerCheckIn, changeCheckInConsent, CheckInAnswerForm, CheckInConsentForm, CheckInError, checkInOf } from './check-in.server.ts';
import {
  CitizenActionError,
  rateCase,
  RatingForm,
  requestReReview,
  requestReview,
  ReviewRequestForm,
  withdrawCase,
  WithdrawForm,
} from './citizen-actions.server.ts';
import { followUpChoices } from './follow-up.ts';
import { publicCaseView } from './lookup.server.ts';
import { requireTrackedCaseId } from './track-session.server.ts';
import type { z } from 'zod';

export type FollowUp = 'rate' | 'review' | 'withdraw' | 'checkIn' | 'solved';
export type FollowUpField = 'rating' | 'solved' | 'comment' | 'reason' | 'confirm' | 'checkIn' | 'answer' | 'words';

/** What a follow-up page shows: the case's reference, what may be done now, the current rating and check-in. */
export async function followUpPage(caseId: string, now = new Date()) {
  const [view, checkIn] = await Promise.all([publicCaseView(caseId), checkInOf(caseId)]);
  if (!view) throw new NotFoundError('case');
  return { receiptNo: view.receiptNo, choices: followUpChoices(view, now), rating: view.rating, checkIn };
}

/** Runs a citizen action on valid input; a request the case no longer allows is refused (409). */
async function run<S extends z.ZodType>(
  form: URLSearchParams,
  schema: S,
  act: (input: z.output<S>) => Promise<unknown>,
): Promise<Outcome<FollowUpField, object>> {
  const parsed = parseForm(form, schema);
  if (!parsed.ok) return refused(parsed);
  try {
    await act(parsed.value);
  } catch (error) {
    if (error instanceof CitizenActionError) return { ...refusedFor(error.code), values: parsed.values };
    // A channel whose contact detail the case lacks is the choice's fault: said next to it.
    if (error instanceof CheckInError && error.code === 'channelUnavailable')
      return refused<FollowUpField>({ errors: { checkIn: 'channelUnavailable' }, values: parsed.values });
    if (error instanceof CheckInError) return { ...refusedFor(error.code), values: parsed.values };
    throw error;
  }
  return { ok: true };
}

/** The form of one follow-up page, for the case the citizen's track session opened. */
export async function sendFollowUp(kind: FollowUp, caseId: string, form: URLSearchParams): Promise<Outcome<FollowUpField, object>> {
  if (kind === 'rate') return await run(form, RatingForm, (input) => rateCase(caseId, input));
  if (kind === 'withdraw') return await run(form, WithdrawForm, ({ reason }) => withdrawCase(caseId, reason));
  if (kind === 'checkIn') return await run(form, CheckInConsentForm, ({ checkIn }) => changeCheckInConsent(caseId, checkIn));
  if (kind === 'solved') return await run(form, CheckInAnswerForm, (input) => answerCheckIn(caseId, input));
  // Review or re-review, whichever the case is open for now (neither: refused as not allowed now).
  const { choices } = await followUpPage(caseId);
  return await run(form, ReviewRequestForm, ({ reason }) =>
    choices.review === 'reReview' ? requestReReview(caseId, reason) : requestReview(caseId, reason),
  );
}

/** A follow-up page's loader: the page for the tracked case, titled in the reader's language. */
export async function followUpLoader(request: Request, kind: FollowUp) {
  const caseId = requireTrackedCaseId(request);
  const { t } = await translatorFor(request);
  const page = await followUpPage(caseId);
  return { title: t(kind === 'review' ? `follow-up:review.${page.choices.review ?? 'review'}.title` : `follow-up:${kind}.title`), ...page };
}

/** A follow-up page's action: its form, sent for the tracked case; once done, back to the case. */
export async function followUpAction(request: Request, kind: FollowUp) {
  const outcome = await sendFollowUp(kind, requireTrackedCaseId(request), await readForm(request));
  return outcome.ok ? redirect('/track/case', { status: 303 }) : refusal(outcome);
}
