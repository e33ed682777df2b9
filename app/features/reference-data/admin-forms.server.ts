// What the admin modules for units, categories, reply templates, staff accounts and settings
// share: the rules for codes and names, who may change reference data, the one editor action of
// their detail pages, and the lock that keeps concurrent changes to the reference data consistent.
import { z } from 'zod';
import { canManageReferenceData, type Actor } from '#app/features/staff/permissions.ts';
import { Prisma } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { rawForm, type RawForm } from '#app/platform/http/forms.ts';
import { refusedFor, type Outcome, type Refusal } from '#app/platform/http/outcome.server.ts';
import type { Locale } from '#app/i18n/config.ts';
import type { Notice } from '#app/platform/http/notice.server.ts';

/** Who is asking, for the audit log, and in which language notices name things. */
export interface RequestContext {
  ipAddress: string;
  locale: Locale;
}

/** A posted form as the admin services take it. */
export type FormInput = RawForm | URLSearchParams | FormData;

/** A record created from a list page's form: its id, for its page, and the notice to show there. */
export type Created<Field extends string> = Outcome<Field, { id: string; notice: Notice }>;

/** A change made (or found made already), with its flash notice `${notices}.${what}` naming the record. */
export function done(notices: string, what: string, values: Record<string, string>): { ok: true; notice: Notice } {
  return { ok: true, notice: { key: `${notices}.${what}`, values } };
}

interface StatusChange {
  /** The status asked for, and the one the record has now. */
  active: boolean;
  was: boolean;
  /** What the notices name the record by, e.g. { name }. */
  values: Record<string, string>;
  /** Why the rule refuses the change now, or null; a 409 unless `refusalStatus` says otherwise. */
  refusal?: () => Promise<string | null> | string | null;
  refusalStatus?: Refusal;
  /** Writes and audits the change; false when another request made it first. */
  write: () => Promise<boolean | void>;
}

/**
 * Closes a record or opens it again, as every admin record's page does: a record that has the
 * status asked for already is left alone, a rule may refuse, and the notice names the record.
 */
export async function changeStatus(notices: string, change: StatusChange): Promise<Outcome<never>> {
  const already = done(notices, change.active ? 'alreadyActive' : 'alreadyInactive', change.values);
  if (change.was === change.active) return already;
  const refusal = change.refusal ? await change.refusal() : null;
  if (refusal) return refusedFor(refusal, change.refusalStatus);
  if ((await change.write()) === false) return already;
  return done(notices, change.active ? 'reactivated' : 'deactivated', change.values);
}

/** The audit details of a status change. */
export function statusDetails(active: boolean): { before: { active: boolean }; after: { active: boolean } } {
  return { before: { active: !active }, after: { active } };
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

/** A one-button change of a detail page (end sessions, reset two-step verification), by its intent. */
export type RecordAction<Context extends RequestContext = RequestContext> = (
  actor: Actor,
  id: string,
  context: Context,
) => Promise<Outcome<never>>;

/**
 * What the admin detail pages (units, categories, reply templates, staff accounts) do: edit the
 * record, close it, open it again, and any further one-button changes of the page.
 */
export interface RecordEditor<Field extends string, Context extends RequestContext = RequestContext> {
  update(actor: Actor, id: string, form: FormInput, context: Context): Promise<Outcome<Field>>;
  setActive(actor: Actor, id: string, active: boolean, context: Context): Promise<Outcome<never>>;
  actions?: Readonly<Record<string, RecordAction<Context>>>;
}

/** The one action of those pages: the form's intent picks the change; an unknown intent is a 400. */
export async function editRecord<Field extends string, Context extends RequestContext>(
  editor: RecordEditor<Field, Context>,
  actor: Actor,
  id: string,
  form: FormInput,
  context: Context,
): Promise<Outcome<Field>> {
  const raw = form instanceof URLSearchParams || form instanceof FormData ? rawForm(form) : form;
  const intent = typeof raw.intent === 'string' ? raw.intent : '';
  if (intent === 'update') return await editor.update(actor, id, raw, context);
  if (intent === 'deactivate' || intent === 'reactivate') return await editor.setActive(actor, id, intent === 'reactivate', context);
  // Own keys only: "constructor" or "toString" posted as an intent is not an action.
  const action = editor.actions && Object.hasOwn(editor.actions, intent) ? editor.actions[intent] : undefined;
  return action ? await action(actor, id, context) : refusedFor('invalid', 400);
}
