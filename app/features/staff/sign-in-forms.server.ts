// The forms of signing in: email and password, then the second factor. The pages that come before
// the back office's shell call these; a failure never says whether the account exists.
import { redirect } from '@remix-run/node';
import { z } from 'zod';
import { parseForm, type FormProblem } from '#app/platform/http/forms.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { completeSecondFactor, currentSession, officeRedirectTarget, signIn, type StaffSession } from './sign-in.server.ts';

/** Longer than any real password: refused before hashing, so a huge body costs no argon2 time. */
export const PASSWORD_INPUT_MAX = 1024;

const SignInForm = z.object({
  email: z.string('emailMissing').trim().min(1, 'emailMissing').max(254, 'emailFormat').pipe(z.email('emailFormat')),
  password: z.string('passwordMissing').min(1, 'passwordMissing').max(PASSWORD_INPUT_MAX, 'invalid'),
});
export type SignInField = 'email' | 'password';

export type SignInOutcome = { ok: true; token: string; redirectTo: string } | ({ ok: false; status: 400 | 429 } & FormProblem<SignInField>);

/** Signs in with the posted form; on success, where to go next (second factor, set-up, password, or the office). */
export async function signInWithForm(request: Request, form: URLSearchParams, ipAddress: string): Promise<SignInOutcome> {
  const parsed = parseForm(form, SignInForm);
  // The email is shown again; the password never is.
  const values = { email: (parsed.values.email ?? '').trim().slice(0, 254) };
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, values, formError: null };
  const result = await signIn(parsed.value.email, parsed.value.password, { ipAddress, userAgent: request.headers.get('User-Agent') });
  if (!result.ok) {
    // Wrong email or password is told at the email field; too many attempts is about the whole form.
    return result.reason === 'rateLimited'
      ? { ok: false, status: 429, errors: {}, values, formError: 'rateLimited' }
      : { ok: false, status: 400, errors: { email: 'invalid' }, values, formError: null };
  }
  const after = officeRedirectTarget(request);
  const redirectTo = {
    secondFactor: `/office/sign-in/code${after ? `?redirectTo=${encodeURIComponent(after)}` : ''}`,
    enrolSecondFactor: '/office/account/two-factor',
    changePassword: '/office/account/password',
    done: after ?? '/office',
  }[result.next];
  return { ok: true, token: result.token, redirectTo };
}

/** Where a fully signed-in person goes: a one-time password to replace first, else where they were going. */
function nextStep(session: StaffSession, request: Request): string {
  if (session.actor.mustChangePassword) return '/office/account/password';
  return officeRedirectTarget(request) ?? '/office';
}

/** The page of the second step needs a session waiting for it; anyone else is sent on. */
export async function requirePendingSignIn(request: Request): Promise<StaffSession> {
  const session = await currentSession(request);
  if (!session) throw redirect('/office/sign-in', { headers: NO_STORE });
  if (session.fullySignedIn) throw redirect(nextStep(session, request), { headers: NO_STORE });
  return session;
}

const CodeForm = z.object({
  // A TOTP code is 6 digits, a recovery code 10 characters with a hyphen; spaces are allowed.
  code: z.string('missing').trim().min(1, 'missing').max(64, 'invalid'),
});

export type SecondFactorOutcome = { ok: true; redirectTo: string } | ({ ok: false; status: 400 } & FormProblem<'code'>);

/** Completes the sign-in with a code from the authenticator app or a recovery code. */
export async function secondFactorWithForm(request: Request, form: URLSearchParams, ipAddress: string): Promise<SecondFactorOutcome> {
  const parsed = parseForm(form, CodeForm);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, values: {}, formError: null };
  // One answer for a wrong, reused or expired code and for too many attempts.
  if (!(await completeSecondFactor(request, parsed.value.code, ipAddress))) {
    return { ok: false, status: 400, errors: { code: 'invalid' }, values: {}, formError: null };
  }
  const session = await currentSession(request);
  return { ok: true, redirectTo: session ? nextStep(session, request) : '/office/sign-in' };
}

/** Pages for a signed-in person that come before the shell (password, two-step set-up). */
export async function requireSignedIn(request: Request, returnTo: string): Promise<StaffSession> {
  const session = await currentSession(request);
  if (!session) throw redirect(`/office/sign-in?redirectTo=${encodeURIComponent(returnTo)}`, { headers: NO_STORE });
  if (!session.fullySignedIn) throw redirect('/office/sign-in/code', { headers: NO_STORE });
  return session;
}
