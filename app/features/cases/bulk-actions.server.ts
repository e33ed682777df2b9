// Bulk triage from the queue: one action on the ticked cases, each through the same step a case
// page takes (performCaseAction, overrideWarning, addToCluster): its own event, its own version
// check and its own message to the citizen or handler. A case the action does not fit is skipped,
// and the result says which and why. The role is checked for the action as a whole (403) and for
// each case again by the step itself.
import { z } from 'zod';
import { addToCluster } from '#app/features/early-warning/clusters.server.ts';
import { overrideWarning } from '#app/features/early-warning/overrides.server.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { parseForm, type RawForm } from '#app/platform/http/forms.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { WARNING_LEVELS } from './attributes.ts';
import {
  BULK_FIELDS,
  type BulkField,
  BULK_ACTIONS,
  BULK_MAX_CASES,
  canUseBulkAction,
  parseSelection,
  type BulkResult,
  type BulkSkipReason,
} from './bulk-actions.ts';
import { STANDARD_DECLINE_REASONS } from './decline-reasons.ts';
import { nextStatus } from './lifecycle.ts';
import { caseForActor, performCaseAction, type ActionInput, type CaseActionOutcome } from './staff-actions.server.ts';
import type { Actor } from '#app/features/staff/permissions.ts';
import type { Notice } from '#app/platform/http/notice.server.ts';

/** The bulk form's fields, in the order the form shows them (and its error summary lists them). */

/** Ticked boxes arrive as one value or several; none ticked is none. */
const ticked = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const optionalUuid = z
  .union([z.uuid(), z.literal('')])
  .optional()
  .transform((v) => v || null);

export const BulkForm = z.object({
  bulkAction: z.enum(BULK_ACTIONS, { error: 'required' }),
  cases: z.preprocess(
    ticked,
    z
      .array(z.string().max(60))
      .min(1, { error: 'noneChosen' })
      .max(BULK_MAX_CASES, { error: 'tooMany' })
      .transform((values, ctx) => {
        const parsed = values.map(parseSelection);
        if (parsed.some((p) => p === null)) {
          ctx.addIssue({ code: 'custom', message: 'invalid' });
          return z.NEVER;
        }
        return parsed.filter((p) => p !== null);
      }),
  ),
  unitId: optionalUuid,
  assigneeId: optionalUuid,
  declineReason: z.union([z.enum(STANDARD_DECLINE_REASONS), z.literal('')]).optional(),
  clusterId: z.union([z.uuid(), z.literal('new'), z.literal('')]).optional(),
  level: z.union([z.enum(WARNING_LEVELS), z.literal('')]).optional(),
  reason: z.string().trim().max(2000, { error: 'tooLong' }).default(''),
});
export type BulkInput = z.output<typeof BulkForm>;

export type BulkOutcome = Outcome<BulkField, { notice: Notice; result: BulkResult }>;

/** What each action needs besides the cases; a missing one is that field's error. */
function missingFields(input: BulkInput): Partial<Record<BulkField, string>> {
  switch (input.bulkAction) {
    case 'acceptAssign':
    case 'assign':
      return input.unitId ? {} : { unitId: 'required' };
    case 'decline':
      return input.declineReason ? {} : { declineReason: 'required' };
    case 'cluster':
      return input.clusterId ? {} : { clusterId: 'required' };
    case 'warning':
      return { ...(input.level ? {} : { level: 'required' }), ...(input.reason ? {} : { reason: 'required' }) };
    case 'accept':
      return {};
  }
}

/** The unit and handler to assign to: an active unit, and a handler of it. */
async function checkAssignment(input: BulkInput): Promise<Partial<Record<BulkField, string>>> {
  if (input.bulkAction !== 'assign' && input.bulkAction !== 'acceptAssign') return {};
  const unit = await db().unit.findFirst({ where: { id: input.unitId ?? undefined, active: true }, select: { id: true } });
  if (!unit) return { unitId: 'unitRequired' };
  if (input.assigneeId) {
    const handler = await db().staffUser.findFirst({ where: { id: input.assigneeId, active: true, unitId: unit.id, role: 'HANDLER' } });
    if (!handler) return { assigneeId: 'assigneeNotInUnit' };
  }
  return {};
}

/** Why one step was refused, as a skip. */
function skipReason(outcome: Extract<CaseActionOutcome, { ok: false }>): BulkSkipReason {
  if (outcome.status === 409) return 'changed';
  if (outcome.formError === 'sameLevel') return 'sameLevel';
  return 'notAllowedNow';
}

/** One case's steps; each refusal or error becomes a skip. */
async function onEach(
  actor: Actor,
  cases: { id: string; version: number }[],
  result: BulkResult,
  step: (row: Awaited<ReturnType<typeof caseForActor>>, version: number) => Promise<CaseActionOutcome | 'notAllowedNow'>,
): Promise<void> {
  for (const selected of cases) {
    let receiptNo: string | null = null;
    try {
      const row = await caseForActor(actor, selected.id);
      receiptNo = row.receiptNo;
      if (row.version !== selected.version) {
        result.skipped.push({ receiptNo, reason: 'changed' });
        continue;
      }
      const outcome = await step(row, selected.version);
      if (outcome === 'notAllowedNow') result.skipped.push({ receiptNo, reason: 'notAllowedNow' });
      else if (outcome.ok) result.done.push(receiptNo);
      else result.skipped.push({ receiptNo, reason: skipReason(outcome) });
    } catch (error) {
      if (error instanceof NotFoundError) result.skipped.push({ receiptNo: null, reason: 'notFound' });
      else if (error instanceof ForbiddenError) result.skipped.push({ receiptNo, reason: 'forbidden' });
      else throw error;
    }
  }
}

/** Takes the bulk action on every ticked case it fits. */
export async function runBulkAction(
  actor: Actor,
  input: BulkInput,
  context: { ipAddress: string },
  now = new Date(),
): Promise<BulkOutcome> {
  if (!canUseBulkAction(actor.role, input.bulkAction)) throw new ForbiddenError(`bulk ${input.bulkAction}`);
  const problems = { ...missingFields(input) };
  if (Object.keys(problems).length === 0) Object.assign(problems, await checkAssignment(input));
  if (Object.keys(problems).length > 0) return refused<BulkField>({ errors: problems, values: {} }, 422);

  const result: BulkResult = { action: input.bulkAction, done: [], skipped: [] };
  const take = (row: { id: string }, version: number, step: ActionInput) => performCaseAction(actor, row.id, version, step, now);
  switch (input.bulkAction) {
    case 'accept':
      await onEach(actor, input.cases, result, (row, version) => take(row, version, { action: 'accept' }));
      break;
    case 'assign': {
      const assign = { action: 'assign', unitId: input.unitId!, assigneeId: input.assigneeId } as const;
      await onEach(actor, input.cases, result, (row, version) => take(row, version, assign));
      break;
    }
    case 'acceptAssign': {
      const assign = { action: 'assign', unitId: input.unitId!, assigneeId: input.assigneeId } as const;
      // Accepted where it still waits for acceptance, then assigned: two steps, two events.
      await onEach(actor, input.cases, result, async (row, version) => {
        if (nextStatus(row.status, 'accept') === null)
          return nextStatus(row.status, 'assign') ? await take(row, version, assign) : 'notAllowedNow';
        const accepted = await take(row, version, { action: 'accept' });
        return accepted.ok ? await take(row, accepted.version, assign) : accepted;
      });
      break;
    }
    case 'decline': {
      // The standard texts, in each citizen's language (the service writes them).
      const reason = input.declineReason || null;
      await onEach(actor, input.cases, result, async (row, version) =>
        nextStatus(row.status, 'decline') === null
          ? 'notAllowedNow'
          : await take(row, version, { action: 'decline', reason, detail: '', referral: '' }),
      );
      break;
    }
    case 'warning': {
      const change = { intent: 'override', level: input.level as (typeof WARNING_LEVELS)[number], reason: input.reason } as const;
      await onEach(actor, input.cases, result, async (row, version) => {
        const done = await overrideWarning(actor, row.id, { ...change, version }, context.ipAddress, now);
        return done.ok ? { ok: true, version: version + 1, caseStatus: row.status, left: false } : done;
      });
      break;
    }
    case 'cluster': {
      const outcome = await addToCluster(actor, input.clusterId === 'new' ? 'new' : input.clusterId!, input.cases, now);
      if (!outcome.ok) return refused<BulkField>({ errors: { clusterId: outcome.code }, values: {} }, 422);
      result.done.push(...outcome.done);
      result.skipped.push(...outcome.skipped);
      break;
    }
  }
  return { ok: true, notice: { key: 'office:bulk.done', values: { done: result.done.length, skipped: result.skipped.length } }, result };
}

/** The queue's bulk form as posted, parsed here; a form without a known action was not the page's. */
export async function submitBulkAction(
  actor: Actor,
  form: URLSearchParams | RawForm,
  context: { ipAddress: string },
): Promise<BulkOutcome> {
  const parsed = parseForm(form, BulkForm);
  if (!parsed.ok) {
    const errors = Object.fromEntries(BULK_FIELDS.flatMap((field) => (parsed.errors[field] ? [[field, parsed.errors[field]]] : [])));
    if (Object.keys(errors).length === 0) return refusedFor('invalid', 400);
    return refused<BulkField>({ errors, values: parsed.values });
  }
  return await runBulkAction(actor, parsed.value, context);
}
