// Reply templates for /office/reply-templates: wording that staff start a reply from, per kind of
// case and language. The case page offers the active ones for the case's kind and the reader's
// language. Admins only, checked here whoever calls; every change here is audited.
import { z } from 'zod';
import { auditChange } from '#app/features/audit/audit.server.ts';
import { CASE_KINDS, type CaseKind } from '#app/features/cases/kinds.ts';
import { LOCALES, type Locale } from '#app/i18n/config.ts';
import { db } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { parseForm } from '#app/platform/http/forms.ts';
import { refused, type Outcome } from '#app/platform/http/outcome.server.ts';
import {
  changeStatus,
  changedFields,
  done,
  statusDetails,
  requireReferenceDataAdmin,
  type Created,
  type FormInput,
  type RecordEditor,
  type RequestContext,
} from './admin-forms.server.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

export const TEMPLATE_TITLE_MAX = 120;
/** Well under the 20,000 characters a reply may have, so staff can add to what a template gives. */
export const TEMPLATE_BODY_MAX = 10_000;

export interface ReplyTemplateRow {
  id: string;
  kind: CaseKind;
  locale: Locale;
  title: string;
  active: boolean;
  createdAt: string;
}

export interface ReplyTemplateDetail extends ReplyTemplateRow {
  body: string;
}

const asLocale = (value: string): Locale => ((LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'zh-Hans');

/** Every template, active first, then by kind (in the portal's order), language and title. */
export async function listReplyTemplates(actor: Actor): Promise<ReplyTemplateRow[]> {
  requireReferenceDataAdmin(actor);
  const rows = await db().replyTemplate.findMany({
    select: { id: true, kind: true, locale: true, title: true, active: true, createdAt: true },
  });
  const kindIndex = (kind: CaseKind) => CASE_KINDS.indexOf(kind);
  const localeIndex = (locale: string) => (LOCALES as readonly string[]).indexOf(locale);
  return rows
    .sort(
      (a, b) =>
        Number(b.active) - Number(a.active) ||
        kindIndex(a.kind) - kindIndex(b.kind) ||
        localeIndex(a.locale) - localeIndex(b.locale) ||
        a.title.localeCompare(b.title, a.locale),
    )
    .map((row) => ({ ...row, locale: asLocale(row.locale), createdAt: row.createdAt.toISOString() }));
}

/** One template for the admin page; NotFoundError when there is none. */
export async function replyTemplateDetail(actor: Actor, id: string): Promise<ReplyTemplateDetail> {
  requireReferenceDataAdmin(actor);
  const row = await db().replyTemplate.findUnique({ where: { id } });
  if (!row) throw new NotFoundError('reply template');
  return {
    id: row.id,
    kind: row.kind,
    locale: asLocale(row.locale),
    title: row.title,
    body: row.body,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Changes

export type ReplyTemplateField = 'kind' | 'locale' | 'title' | 'body';

// A kind or language that is missing, empty or unknown is one that was not chosen: "required".
export const ReplyTemplateForm = z.object({
  kind: z.enum(CASE_KINDS, { error: 'required' }),
  locale: z.enum(LOCALES, { error: 'required' }),
  title: z.string().trim().min(1, { error: 'required' }).max(TEMPLATE_TITLE_MAX, { error: 'tooLong' }),
  // Line breaks are the reply's paragraphs: keep them, but not trailing blank lines.
  body: z
    .string()
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, { error: 'required' }).max(TEMPLATE_BODY_MAX, { error: 'tooLong' })),
});

const NOTICES = 'office-admin:replyTemplates.detail.done';

/** Creates an active template; audited as replyTemplate.created (kind, language and title). */
export async function createReplyTemplate(actor: Actor, form: FormInput, context: RequestContext): Promise<Created<ReplyTemplateField>> {
  requireReferenceDataAdmin(actor);
  const parsed = parseForm(form, ReplyTemplateForm);
  if (!parsed.ok) return refused(parsed);
  const template = parsed.value;
  return await db().$transaction(async (tx) => {
    const { id } = await tx.replyTemplate.create({ data: template });
    await auditChange(tx, { actor, context }, ['ReplyTemplate', id], 'replyTemplate.created', {
      kind: template.kind,
      locale: template.locale,
      title: template.title,
      bodyLength: template.body.length,
    });
    return { ...done(NOTICES, 'created', { title: template.title }), id };
  });
}

/**
 * Changes a template; audited as replyTemplate.updated with the fields that changed (the body's
 * length rather than its text, which can be long). Replies already sent are not affected.
 */
export async function updateReplyTemplate(
  actor: Actor,
  id: string,
  form: FormInput,
  context: RequestContext,
): Promise<Outcome<ReplyTemplateField>> {
  requireReferenceDataAdmin(actor);
  const parsed = parseForm(form, ReplyTemplateForm);
  if (!parsed.ok) return refused(parsed);
  const next = parsed.value;
  const title = { title: next.title };
  return await db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "ReplyTemplate" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new NotFoundError('reply template');
    const before = await tx.replyTemplate.findUniqueOrThrow({ where: { id: id } });
    const change = changedFields(
      { kind: before.kind, locale: before.locale, title: before.title, body: before.body },
      { kind: next.kind, locale: next.locale, title: next.title, body: next.body },
    );
    if (!change) return done(NOTICES, 'unchanged', title);
    await tx.replyTemplate.update({ where: { id: id }, data: next });
    const summarise = (side: Partial<Record<ReplyTemplateField, string>>) => {
      const { body, ...rest } = side;
      return body === undefined ? rest : { ...rest, bodyLength: body.length };
    };
    await auditChange(tx, { actor, context }, ['ReplyTemplate', id], 'replyTemplate.updated', {
      before: summarise(change.before),
      after: summarise(change.after),
    });
    return done(NOTICES, 'updated', title);
  });
}

/**
 * Takes a template out of use or puts it back; audited as replyTemplate.deactivated or
 * .reactivated. Asking for the status it already has changes nothing.
 */
export async function setReplyTemplateActive(
  actor: Actor,
  templateId: string,
  active: boolean,
  context: RequestContext,
): Promise<Outcome<never>> {
  requireReferenceDataAdmin(actor);
  return await db().$transaction(async (tx) => {
    const template = await tx.replyTemplate.findUnique({ where: { id: templateId }, select: { title: true, active: true } });
    if (!template) throw new NotFoundError('reply template');
    return await changeStatus(NOTICES, {
      active,
      was: template.active,
      values: { title: template.title },
      write: async () => {
        const updated = await tx.replyTemplate.updateMany({ where: { id: templateId, active: !active }, data: { active } });
        if (updated.count === 0) return false;
        const action = active ? 'replyTemplate.reactivated' : 'replyTemplate.deactivated';
        await auditChange(tx, { actor, context }, ['ReplyTemplate', templateId], action, statusDetails(active));
      },
    });
  });
}

/** The template page's editor: its form posts (update, deactivate, reactivate) through one action. */
export const replyTemplateEditor: RecordEditor<ReplyTemplateField> = { update: updateReplyTemplate, setActive: setReplyTemplateActive };
