// The actions of the admin pages for units, categories and reply templates, which differ only in
// the feature function they call: the admin signs in, the form is read once, and the outcome is
// answered by respond() (to the record's page with a notice, or the form again with its problems).
// Routes write `export const action = /* @__PURE__ */ createAction(feature, '/office/…')`: this
// module is empty in the browser bundle, where an unmarked top-level call throws when the page
// hydrates. Pass names and literals only: an argument the bundler cannot prove harmless (a
// property read) keeps the call.
import { canManageReferenceData, type Actor } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { respond } from '#app/platform/http/outcome.server.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { parseParams, route } from '#app/platform/http/route.server.ts';
import { editRecord, type Created, type FormInput, type RecordEditor, type RequestContext } from './admin-forms.server.ts';
import type { ActionFunctionArgs } from '@remix-run/node';

type Create<Field extends string> = (actor: Actor, form: FormInput, context: RequestContext) => Promise<Created<Field>>;

/** A list page's action: creates a record, then shows its page (`${list}/${id}`). */
export function createAction<Field extends string>(create: Create<Field>, list: string) {
  return route(async ({ request, context }: ActionFunctionArgs) => {
    const actor = await requireStaffAllowed(request, canManageReferenceData);
    const { locale } = await translatorFor(request);
    const outcome = await create(actor, await readForm(request), { ipAddress: context.clientIp, locale });
    return respond(outcome, outcome.ok ? `${list}/${outcome.id}` : list);
  });
}

/** A record page's action (editRecord), for the record named by the URL parameter `param`. */
export function editAction<Field extends string>(editor: RecordEditor<Field>, list: string, param: string) {
  return route(async ({ request, params, context }: ActionFunctionArgs) => {
    const actor = await requireStaffAllowed(request, canManageReferenceData);
    const { id } = parseParams({ id: params[param] }, { id: 'uuid' });
    const { locale } = await translatorFor(request);
    const outcome = await editRecord(editor, actor, id, await readForm(request), { ipAddress: context.clientIp, locale });
    return respond(outcome, `${list}/${id}`);
  });
}
