// Reply templates for /office/reply-templates: wording that staff start a reply from, per kind of
// case and language. The case page offers the active ones for the case's kind and the reader's
// language. Routes check canManageReferenceData first; every change here is audited.
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { CASE_KINDS, type CaseKind } from '#app/features/cases/kinds.ts';
import { LOCALES, type Locale } from '#app/i18n/config.ts';
import { db } from '#app/platform/db.server.ts';
import { changedFields, fieldErrors, formText, type FieldErrors, type RequestContext } from './admin-forms.server.ts';
import type { Actor } from '#app/features/staff/permissions.ts';

export class ReplyTemplateError extends Error {
  constructor(readonly code: 'notFound') {
    super(code);
  }
}

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
export async function listReplyTemplates(): Promise<ReplyTemplateRow[]> {
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

export async function replyTemplateDetail(id: string): Promise<ReplyTemplateDetail | null> {
  const row = await db().replyTemplate.findUnique({ where: { id } });
  if (!row) return null;
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
// Form input

export type ReplyTemplateField = 'kind' | 'locale' | 'title' | 'body';
export type ReplyTemplateValues = Partial<Record<ReplyTemplateField, string>>;
const FIELDS: readonly ReplyTemplateField[] = ['kind', 'locale', 'title', 'body'];

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

function readValues(form: FormData): ReplyTemplateValues {
  return {
    kind: formText(form, 'kind', 40),
    locale: formText(form, 'locale', 20),
    title: formText(form, 'title', TEMPLATE_TITLE_MAX + 200),
    body: formText(form, 'body', TEMPLATE_BODY_MAX + 2000),
  };
}

function parse(values: ReplyTemplateValues) {
  // An empty radio group posts nothing: report it as "required", not as an unknown value.
  return ReplyTemplateForm.safeParse({ ...values, kind: values.kind || undefined, locale: values.locale || undefined });
}

export type ReplyTemplateOutcome =
  | { ok: true; id: string; changed: boolean }
  | { ok: false; errors: FieldErrors<ReplyTemplateField>; values: ReplyTemplateValues };

/** Creates an active template; audited as replyTemplate.created (kind, language and title). */
export async function createReplyTemplateFromForm(form: FormData, actor: Actor, context: RequestContext): Promise<ReplyTemplateOutcome> {
  const values = readValues(form);
  const parsed = parse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, FIELDS), values };
  return await db().$transaction(async (tx) => {
    const template = await tx.replyTemplate.create({ data: parsed.data });
    await audit(
      {
        action: 'replyTemplate.created',
        actorId: actor.id,
        targetType: 'ReplyTemplate',
        targetId: template.id,
        ipAddress: context.ipAddress,
        details: { kind: parsed.data.kind, locale: parsed.data.locale, title: parsed.data.title, bodyLength: parsed.data.body.length },
      },
      tx,
    );
    return { ok: true as const, id: template.id, changed: true };
  });
}

/**
 * Changes a template; audited as replyTemplate.updated with the fields that changed (the body's
 * length rather than its text, which can be long). Replies already sent are not affected.
 */
export async function updateReplyTemplateFromForm(
  form: FormData,
  actor: Actor,
  templateId: string,
  context: RequestContext,
): Promise<ReplyTemplateOutcome> {
  const values = readValues(form);
  const parsed = parse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error, FIELDS), values };
  const next = parsed.data;
  return await db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT "id"::text AS "id" FROM "ReplyTemplate" WHERE "id" = ${templateId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new ReplyTemplateError('notFound');
    const before = await tx.replyTemplate.findUniqueOrThrow({ where: { id: templateId } });
    const change = changedFields(
      { kind: before.kind, locale: before.locale, title: before.title, body: before.body },
      { kind: next.kind, locale: next.locale, title: next.title, body: next.body },
    );
    if (!change) return { ok: true as const, id: templateId, changed: false };
    await tx.replyTemplate.update({ where: { id: templateId }, data: next });
    const summarise = (side: Partial<Record<'kind' | 'locale' | 'title' | 'body', string>>) => {
      const { body, ...rest } = side;
      return body === undefined ? rest : { ...rest, bodyLength: body.length };
    };
    await audit(
      {
        action: 'replyTemplate.updated',
        actorId: actor.id,
        targetType: 'ReplyTemplate',
        targetId: templateId,
        ipAddress: context.ipAddress,
        details: { before: summarise(change.before), after: summarise(change.after) },
      },
      tx,
    );
    return { ok: true as const, id: templateId, changed: true };
  });
}

/** Turns a template off or on again; audited as replyTemplate.deactivated / .reactivated. Returns false when nothing changed. */
export async function setReplyTemplateActive(actor: Actor, templateId: string, active: boolean, context: RequestContext): Promise<boolean> {
  return await db().$transaction(async (tx) => {
    const template = await tx.replyTemplate.findUnique({ where: { id: templateId }, select: { id: true } });
    if (!template) throw new ReplyTemplateError('notFound');
    const updated = await tx.replyTemplate.updateMany({ where: { id: templateId, active: !active }, data: { active } });
    if (updated.count === 0) return false;
    await audit(
      {
        action: active ? 'replyTemplate.reactivated' : 'replyTemplate.deactivated',
        actorId: actor.id,
        targetType: 'ReplyTemplate',
        targetId: templateId,
        ipAddress: context.ipAddress,
        details: { before: { active: !active }, after: { active } },
      },
      tx,
    );
    return true;
  });
}
