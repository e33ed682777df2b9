// The form posts of the citizen's follow-up pages (review, withdrawal, rating): parse with zod,
// call the citizen action, and return either a redirect back to the case or the field errors.
import { redirect } from '@remix-run/node';
import { CitizenActionError } from './citizen-actions.server.ts';
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type FollowUpOutcome = {
  ok: false;
  status: 400 | 409;
  errors: FieldErrors;
  formError: string | null;
  values: Record<string, string>;
};

/** Runs a citizen action on valid input; a thrown redirect takes the citizen back to their case. */
export async function handleFollowUp<S extends z.ZodType>(
  form: FormData,
  schema: S,
  act: (input: z.infer<S>) => Promise<unknown>,
): Promise<FollowUpOutcome> {
  const values: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') values[key] = value;
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      errors[field] ??= issue.message;
    }
    return { ok: false, status: 400, errors, formError: null, values };
  }
  try {
    await act(parsed.data);
  } catch (error) {
    if (error instanceof CitizenActionError) return { ok: false, status: 409, errors: {}, formError: error.code, values };
    throw error;
  }
  throw redirect('/track/case', { status: 303 });
}
