// The queue page's posts: a bulk action on the ticked cases (bulk-actions.server.ts), or saving or
// deleting one of the person's own views (saved-views.server.ts). Each intent is its own service.
import { canUseQueue, type Actor } from '#app/features/staff/permissions.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { submitBulkAction, type BulkOutcome } from './bulk-actions.server.ts';
import { deleteView, saveView } from './saved-views.server.ts';
import type { RawForm } from '#app/platform/http/forms.ts';
import type { Outcome } from '#app/platform/http/outcome.server.ts';

export type QueuePost = { kind: 'bulk'; outcome: BulkOutcome } | { kind: 'view'; outcome: Outcome; query: string | null };

const field = (form: RawForm | URLSearchParams, name: string) => {
  const value = form instanceof URLSearchParams ? form.get(name) : form[name];
  return typeof value === 'string' ? value : null;
};

export async function postQueue(actor: Actor, form: RawForm | URLSearchParams, context: { ipAddress: string }): Promise<QueuePost> {
  if (!canUseQueue(actor)) throw new ForbiddenError('queue');
  switch (field(form, 'intent')) {
    case 'saveView': {
      const outcome = await saveView(actor, form);
      return { kind: 'view', outcome, query: outcome.ok ? (outcome.query ?? '') : null };
    }
    case 'deleteView':
      return { kind: 'view', outcome: await deleteView(actor, form), query: null };
    default:
      return { kind: 'bulk', outcome: await submitBulkAction(actor, form, context) };
  }
}
