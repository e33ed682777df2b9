// Each person's own queue views: saved under a name (the same name replaces it), kept to the
// queue's filters, listed and deleted only by their owner; roles without a queue are refused.
import { describe, expect, it } from 'vitest';
import { postQueue } from '#app/features/cases/queue-page.server.ts';
import { deleteView, saveView, savedViews } from '#app/features/cases/saved-views.server.ts';
import { ForbiddenError } from '#app/platform/http/errors.ts';
import { staffUser } from '../support/fixtures.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('saved queue views', () => {
  it('saves the filters under a name, replaces a view of the same name, and keeps only the queue’s filters', async () => {
    const { actor } = await staffUser('CLERK');
    const saved = await saveView(actor, form({ intent: 'saveView', name: ' 待受理 ', query: 'status=SUBMITTED&after=abc&junk=1&q=漏水' }));
    expect(saved).toMatchObject({ ok: true, query: 'status=SUBMITTED&q=%E6%BC%8F%E6%B0%B4' });
    await saveView(actor, form({ intent: 'saveView', name: '待受理', query: 'status=ACCEPTED' }));
    expect(await savedViews(actor)).toEqual([expect.objectContaining({ name: '待受理', query: 'status=ACCEPTED' })]);
  });

  it('asks for a name, and refuses a malformed post with a 4xx', async () => {
    const { actor } = await staffUser('SUPERVISOR');
    expect(await saveView(actor, form({ intent: 'saveView', name: '  ', query: '' }))).toMatchObject({
      ok: false,
      errors: { name: 'required' },
    });
    expect(await saveView(actor, form({ intent: 'saveView', name: 'x'.repeat(61) }))).toMatchObject({
      ok: false,
      errors: { name: 'tooLong' },
    });
    expect(await deleteView(actor, form({ intent: 'deleteView', viewId: 'not-a-uuid' }))).toMatchObject({ ok: false, status: 400 });
  });

  it('is each person’s own: another person neither sees nor deletes it', async () => {
    const { actor: owner } = await staffUser('CLERK');
    const { actor: other } = await staffUser('CLERK');
    await saveView(owner, form({ intent: 'saveView', name: 'mine', query: 'due=soon' }));
    const [view] = await savedViews(owner);
    expect(await savedViews(other)).toEqual([]);
    expect(await deleteView(other, form({ intent: 'deleteView', viewId: view!.id }))).toMatchObject({ ok: false });
    expect(await savedViews(owner)).toHaveLength(1);
    expect(await deleteView(owner, form({ intent: 'deleteView', viewId: view!.id }))).toMatchObject({ ok: true });
    expect(await savedViews(owner)).toEqual([]);
  });

  it('refuses analysts and admins, who have no queue', async () => {
    for (const role of ['ANALYST', 'ADMIN'] as const) {
      const { actor } = await staffUser(role);
      await expect(saveView(actor, form({ intent: 'saveView', name: 'x' }))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(postQueue(actor, form({ intent: 'saveView', name: 'x' }), { ipAddress: '192.0.2.1' })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      expect(await savedViews(actor)).toEqual([]);
    }
  });
});
