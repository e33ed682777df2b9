// What a form action answers, in one place: a success goes back to a page (303) with a flash
// notice; a refused form comes back to its page with its field errors (400), or with a reason the
// whole form was refused (409 for a rule or a stale version, 422 for a step not allowed now, 429
// for too many attempts from one address).
import { data } from '@remix-run/node';
import { NO_STORE } from './headers.ts';
import { redirectWithNotice, type Notice } from './notice.server.ts';
import type { FormProblem } from './forms.ts';

export type Refusal = 400 | 409 | 422 | 429;

export type Outcome<Field extends string = string, Done = { notice: Notice }> =
  | ({ ok: true } & Done)
  | ({ ok: false; status: Refusal } & FormProblem<Field>);

/** A refused form: field errors (400), or a reason for the form as a whole. */
export function refused<Field extends string>(
  problem: FormProblem<Field>,
  status: Refusal = 400,
): { ok: false; status: Refusal } & FormProblem<Field> {
  return { ok: false, status, ...problem };
}

/** The whole form refused for a reason (a rule, a stale version), with nothing typed to show again. */
export function refusedFor(reason: string, status: Refusal = 409): { ok: false; status: Refusal } & FormProblem<never> {
  return { ok: false, status, errors: {}, values: {}, formError: reason };
}

/** The HTTP answer to an outcome: to `redirectTo` with its notice, or the problem for the page. */
export function respond<Field extends string>(outcome: Outcome<Field>, redirectTo: string) {
  return outcome.ok ? redirectWithNotice(redirectTo, outcome.notice) : answerRefusal(outcome);
}

/** A refused form's problem for its page, for actions whose success is not a notice (a receipt, a session). */
export function answerRefusal<Field extends string>({ status, errors, values, formError }: { status: Refusal } & FormProblem<Field>) {
  return data<FormProblem<Field>>({ errors, values, formError: formError ?? null }, { status, headers: NO_STORE });
}
