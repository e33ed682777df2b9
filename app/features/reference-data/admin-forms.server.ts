// What the admin modules for units, categories, reply templates and settings share: reading a
// posted form safely, turning zod issues into one error code per field, the rules for codes and
// names, and the lock that keeps concurrent changes to the reference data consistent.
import { z } from 'zod';
import { Prisma } from '#app/platform/db.server.ts';
import type { FieldErrors } from '#app/features/staff/admin.server.ts';

export type { FieldErrors } from '#app/features/staff/admin.server.ts';

export interface RequestContext {
  ipAddress: string;
}

/** A posted text field, cut to `max` characters so a huge post cannot be echoed back in full. */
export function formText(form: FormData, name: string, max: number): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Each field's first problem, as the error code the page translates. */
export function fieldErrors<Field extends string>(error: z.ZodError | undefined, fields: readonly Field[]): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const issue of error?.issues ?? []) {
    const field = fields.find((f) => f === issue.path[0]);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
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

/** A uuid route parameter; anything else is a page that does not exist. */
export function idParam(value: string | undefined): string | null {
  const parsed = z.uuid().safeParse(value);
  return parsed.success ? parsed.data : null;
}

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
