// What the admin modules for units, categories, reply templates and settings share: the rules for
// codes and names, who may change reference data, the shared editor action of their detail pages,
// and the lock that keeps concurrent changes to the reference data consistent.
import { z } from 'zod';
import { canManageReferenceData, type Actor } from '#app/features/staff/permissions.ts';
import { Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { rawForm, type RawForm } from '#app/platform/http/forms.ts';
import { refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import type { Locale } from '#app/i18n/config.ts';

/** Who is asking, for the audit log, and in which language notices name things. */
export interface RequestContext {
  ipAddress: string;
  locale: Locale;
}

/** A posted form as the admin services take it. */
export type FormInput = RawForm | URLSearchParams | FormData;

// Being replaced by parseForm (platform/http/forms.ts): still used by the category, reply template
// and settings services until they move to it.
export type { FieldErrors } from '#app/platform/http/forms.ts';

/** A posted text field, cut to `max` characters so a huge post cannot be echoed back in full. */
export function formText(form: FormData, name: string, max: number): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Each field's first problem, as the error code the page translates. */
export function fieldErrors<Field extends string>(error: z.ZodError | undefined, fields: readonly Field[]): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of error?.issues ?? []) {
    const field = fields.find((f) => f === issue.path[0]);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** A uuid route parameter; anything else is a page that does not exist. */
export function idParam(value: string | undefined): string | null {
  const parsed = z.uuid().safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function requireReferenceDataAdmin(actor: Actor): void {
  if (!canManageReferenceData(actor)) throw new ForbiddenError('reference data');
}

/**
 * The stable code of a unit or category (the seed and other systems refer to it): lower-case
 * letters and digits in words joined by hyphens, e.g. `wage-arrears`. It never changes once made.
 */
export const ReferenceCode = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: 'required' })
  .max(50, { error: 'tooLong' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'invalid' });

const localizedName = z.string().trim().min(1, { error: 'required' }).max(120, { error: 'tooLong' });

/** A name in each of the portal's languages, as units and categories carry them. */
export const LocalizedNames = z.object({ nameZhHans: localizedName, nameZhHant: localizedName, nameEn: localizedName });
export const NAME_FIELDS = ['nameZhHans', 'nameZhHant', 'nameEn'] as const;

/** An optional id from a select: empty means none; anything else must be a uuid. */
export const OptionalId = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.uuid({ error: 'invalid' }).optional(),
);

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/**
 * Serialises changes to units and categories (which refer to each other) across every app
 * instance: a transaction-scoped advisory lock, released at commit or rollback. Without it two
 * admins could, for example, each move a unit under the other and make a cycle.
 */
export async function lockReferenceData(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('petition-desk:reference-data'))`;
}

/** Only the fields whose value differs, as { before, after } for the audit log. */
export function changedFields<T extends Record<string, Prisma.InputJsonValue | null>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | null {
  const changed: { before: Partial<T>; after: Partial<T> } = { before: {}, after: {} };
  let any = false;
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changed.before[key] = before[key];
      changed.after[key] = after[key];
      any = true;
    }
  }
  return any ? changed : null;
}

/** What the detail pages of units, categories and reply templates do: edit, close, open again. */
export interface RecordEditor<Field extends string> {
  update(actor: Actor, id: string, form: FormInput, context: RequestContext): Promise<Outcome<Field>>;
  setActive(actor: Actor, id: string, active: boolean, context: RequestContext): Promise<Outcome<never>>;
}

const EditorIntent = z.enum(['update', 'deactivate', 'reactivate']);

/** The one action of those pages: the form's intent picks the change. */
export async function editRecord<Field extends string>(
  editor: RecordEditor<Field>,
  actor: Actor,
  id: string,
  form: FormInput,
  context: RequestContext,
): Promise<Outcome<Field>> {
  const raw = form instanceof URLSearchParams || form instanceof FormData ? rawForm(form) : form;
  const intent = EditorIntent.safeParse(raw.intent);
  if (!intent.success) return refusedFor('invalid', 400);
  if (intent.data === 'update') return await editor.update(actor, id, raw, context);
  return await editor.setActive(actor, id, intent.data === 'reactivate', context);
}
