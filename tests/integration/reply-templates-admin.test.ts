// Reply templates as admins manage them, against the real test database: created, edited,
// deactivated and reactivated, every change audited, and the case page offering exactly the
// active templates for the case's kind in the reader's language.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { casePageData } from '#app/features/cases/case-page.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import {
  createReplyTemplate,
  listReplyTemplates,
  replyTemplateDetail,
  setReplyTemplateActive,
  updateReplyTemplate,
} from '#app/features/reference-data/reply-templates.server.ts';
import { db } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import { newIdempotencyKey, staffUser, validSubmission } from '../support/fixtures.ts';
import { formData } from '../support/office-requests.ts';

const ctx = { ipAddress: '192.0.2.30', locale: 'zh-Hans' } as const;
const NOTICES = 'office-admin:replyTemplates.detail.done';

async function auditRows(targetId: string, action: string) {
  return await db().auditLog.findMany({ where: { targetType: 'ReplyTemplate', targetId, action }, orderBy: { id: 'asc' } });
}

async function offeredOnCasePage(title: string, locale: 'zh-Hans' | 'en' = 'zh-Hans'): Promise<boolean> {
  const clerk = await staffUser('CLERK');
  const receipt = await submitCase(await validSubmission({ kind: 'COMPLAINT' }), {
    idempotencyKey: newIdempotencyKey(),
    locale: 'zh-Hans',
  });
  const c = await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
  const page = await casePageData(clerk.actor, c.id, locale);
  return page.templates.some((template) => template.title === title);
}

describe('reply templates', () => {
  it('creates a template that the case page offers for its kind and language, audited without its text', async () => {
    const admin = await staffUser('ADMIN');
    const title = `经调解已支付工资 ${randomBytes(3).toString('hex')}`;
    const body = '您反映的拖欠工资问题，经调解，用人单位已于  月  日全额支付。\r\n\r\n如对答复不满意，可在30日内申请复查。\n\n';
    const outcome = await createReplyTemplate(
      admin.actor,
      formData({ kind: 'COMPLAINT', locale: 'zh-Hans', title: `  ${title} `, body }),
      ctx,
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.notice).toEqual({ key: `${NOTICES}.created`, values: { title } });
    const stored = await replyTemplateDetail(admin.actor, outcome.id);
    expect(stored).toMatchObject({ kind: 'COMPLAINT', locale: 'zh-Hans', title, active: true });
    // Paragraphs kept, line ends normalised, trailing blank lines dropped.
    expect(stored?.body).toBe('您反映的拖欠工资问题，经调解，用人单位已于  月  日全额支付。\n\n如对答复不满意，可在30日内申请复查。');

    const [entry] = await auditRows(outcome.id, 'replyTemplate.created');
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      ipAddress: ctx.ipAddress,
      details: { kind: 'COMPLAINT', locale: 'zh-Hans', title },
    });
    expect(JSON.stringify(entry?.details)).not.toContain('复查');

    expect(await offeredOnCasePage(title, 'zh-Hans')).toBe(true);
    expect(await offeredOnCasePage(title, 'en')).toBe(false);
    expect((await listReplyTemplates(admin.actor)).find((row) => row.id === outcome.id)).toMatchObject({ title, active: true });
  });

  it('reports every field problem at once', async () => {
    const admin = await staffUser('ADMIN');
    expect(await createReplyTemplate(admin.actor, formData({}), ctx)).toMatchObject({
      ok: false,
      errors: { kind: 'required', locale: 'required', title: 'required', body: 'required' },
    });
    expect(
      await createReplyTemplate(
        admin.actor,
        formData({ kind: 'NOPE', locale: 'fr', title: 'x'.repeat(121), body: 'y'.repeat(10_001) }),
        ctx,
      ),
    ).toMatchObject({ ok: false, errors: { kind: 'required', locale: 'required', title: 'tooLong', body: 'tooLong' } });
    expect(
      await createReplyTemplate(admin.actor, formData({ kind: 'COMPLAINT', locale: 'en', title: 'T', body: ' \n ' }), ctx),
    ).toMatchObject({
      ok: false,
      errors: { body: 'required' },
    });
  });

  it('edits a template, auditing what changed (the text by its length); the same values write nothing', async () => {
    const admin = await staffUser('ADMIN');
    const created = await createReplyTemplate(
      admin.actor,
      formData({ kind: 'SUGGESTION', locale: 'en', title: 'Thanks', body: 'Thank you.' }),
      ctx,
    );
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const edit = formData({ kind: 'OPINION', locale: 'en', title: 'Thanks', body: 'Thank you for your view.' });
    expect(await updateReplyTemplate(admin.actor, created.id, edit, ctx)).toEqual({
      ok: true,
      notice: { key: `${NOTICES}.updated`, values: { title: 'Thanks' } },
    });
    expect(await replyTemplateDetail(admin.actor, created.id)).toMatchObject({ kind: 'OPINION', body: 'Thank you for your view.' });
    expect((await auditRows(created.id, 'replyTemplate.updated'))[0]?.details).toEqual({
      before: { kind: 'SUGGESTION', bodyLength: 10 },
      after: { kind: 'OPINION', bodyLength: 24 },
    });
    expect(await updateReplyTemplate(admin.actor, created.id, edit, ctx)).toEqual({
      ok: true,
      notice: { key: `${NOTICES}.unchanged`, values: { title: 'Thanks' } },
    });
    expect(await auditRows(created.id, 'replyTemplate.updated')).toHaveLength(1);
    expect(await updateReplyTemplate(admin.actor, created.id, formData({ kind: 'OPINION' }), ctx)).toMatchObject({ ok: false });
    await expect(updateReplyTemplate(admin.actor, '00000000-0000-4000-8000-000000000000', edit, ctx)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('deactivation takes a template off the case page; reactivation puts it back; both audited once', async () => {
    const admin = await staffUser('ADMIN');
    const title = `Template ${randomBytes(3).toString('hex')}`;
    const created = await createReplyTemplate(admin.actor, formData({ kind: 'COMPLAINT', locale: 'zh-Hans', title, body: '答复' }), ctx);
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    expect(await setReplyTemplateActive(admin.actor, created.id, false, ctx)).toEqual({
      ok: true,
      notice: { key: `${NOTICES}.deactivated`, values: { title } },
    });
    expect(await setReplyTemplateActive(admin.actor, created.id, false, ctx)).toEqual({
      ok: true,
      notice: { key: `${NOTICES}.alreadyInactive`, values: { title } },
    });
    expect(await offeredOnCasePage(title)).toBe(false);
    expect(await auditRows(created.id, 'replyTemplate.deactivated')).toMatchObject([
      { actorId: admin.user.id, details: { before: { active: true }, after: { active: false } } },
    ]);
    expect(await setReplyTemplateActive(admin.actor, created.id, true, ctx)).toEqual({
      ok: true,
      notice: { key: `${NOTICES}.reactivated`, values: { title } },
    });
    expect(await offeredOnCasePage(title)).toBe(true);
    expect(await auditRows(created.id, 'replyTemplate.reactivated')).toHaveLength(1);
    await expect(setReplyTemplateActive(admin.actor, '00000000-0000-4000-8000-000000000000', false, ctx)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
