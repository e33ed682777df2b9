// Queue views each member of staff saves for themselves: a name and the queue's filters. Only the
// filters are kept (never a page cursor), and only the person who saved a view sees or deletes it.
import { z } from 'zod';
import { canUseQueue, type Actor } from '#app/features/staff/permissions.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { parseForm, type RawForm } from '#app/platform/http/forms.ts';
import { refused, refusedFor, type Outcome } from '#app/platform/http/outcome.server.ts';
import { QueueFilters } from './queue.server.ts';

export const SAVED_VIEW_NAME_MAX = 60;
/** Enough for a working set; more would crowd the row of views. */
export const SAVED_VIEWS_MAX = 20;

export interface SavedViewLink {
  id: string;
  name: string;
  /** The queue's query string, without "?". */
  query: string;
}

/** The filters of a queue URL that a view keeps, in a fixed order. */
export function viewQuery(search: URLSearchParams): string {
  const filters = QueueFilters.parse(Object.fromEntries(search));
  const kept = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (name !== 'after' && typeof value === 'string' && value !== '') kept.set(name, value);
  }
  const view = search.get('view');
  if (view) kept.set('view', view);
  return kept.toString();
}

export async function savedViews(actor: Actor): Promise<SavedViewLink[]> {
  if (!canUseQueue(actor)) return [];
  const rows = await db().savedQueueView.findMany({ where: { staffId: actor.id }, orderBy: [{ name: 'asc' }], take: SAVED_VIEWS_MAX });
  return rows.map((row) => ({ id: row.id, name: row.name, query: row.query }));
}

const SaveForm = z.object({
  intent: z.literal('saveView'),
  name: z.string().trim().min(1, { error: 'required' }).max(SAVED_VIEW_NAME_MAX, { error: 'tooLong' }),
  query: z.string().max(2000).default(''),
});
const DeleteForm = z.object({ intent: z.literal('deleteView'), viewId: z.uuid() });

export const SAVED_VIEW_FIELDS = ['name'] as const;
export type SavedViewField = (typeof SAVED_VIEW_FIELDS)[number];

/** Saves the queue's current filters under a name (the same name again replaces that view). */
export async function saveView(actor: Actor, form: RawForm | URLSearchParams): Promise<Outcome<SavedViewField> & { query?: string }> {
  if (!canUseQueue(actor)) throw new ForbiddenError('queue');
  const parsed = parseForm(form, SaveForm);
  if (!parsed.ok)
    return parsed.errors.name
      ? refused<SavedViewField>({ errors: { name: parsed.errors.name }, values: parsed.values })
      : refusedFor('invalid', 400);
  const query = viewQuery(new URLSearchParams(parsed.value.query));
  const count = await db().savedQueueView.count({ where: { staffId: actor.id, name: { not: parsed.value.name } } });
  if (count >= SAVED_VIEWS_MAX) return refused<SavedViewField>({ errors: { name: 'tooMany' }, values: parsed.values }, 422);
  await db().savedQueueView.upsert({
    where: { staffId_name: { staffId: actor.id, name: parsed.value.name } },
    create: { staffId: actor.id, name: parsed.value.name, query },
    update: { query },
  });
  return { ok: true, notice: { key: 'office:queue.savedView.saved', values: { name: parsed.value.name } }, query };
}

/** Deletes one of the actor's own views; another person's view is not there for them (404). */
export async function deleteView(actor: Actor, form: RawForm | URLSearchParams): Promise<Outcome> {
  if (!canUseQueue(actor)) throw new ForbiddenError('queue');
  const parsed = parseForm(form, DeleteForm);
  if (!parsed.ok) return refusedFor('invalid', 400);
  const deleted = await db().savedQueueView.deleteMany({ where: { id: parsed.value.viewId, staffId: actor.id } });
  if (deleted.count === 0) return refusedFor('invalid', 400);
  return { ok: true, notice: { key: 'office:queue.savedView.deleted' } };
}
