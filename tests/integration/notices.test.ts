// Public notices: only current ones reach citizens (a future publish date or a passed expiry
// hides a notice from the list, its page, the home page and the feed), the Atom feed is
// well-formed with the right entries in the right language, and the office's rules for dates.
import { describe, expect, it } from 'vitest';
import { createNotice, currentNotice, currentNotices, takeDownNotice, updateNotice } from '#app/features/notices/notices.server.ts';
import { db } from '#app/platform/db.server.ts';
import { env } from '#app/platform/env.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import * as homeRoute from '#app/routes/_portal+/_index.tsx';
import * as noticeRoute from '#app/routes/_portal+/notices.$noticeId.tsx';
import * as noticesRoute from '#app/routes/_portal+/notices._index.tsx';
import * as feedRoute from '#app/routes/_resources+/notices[.]atom.tsx';
import { staffUser } from '../support/fixtures.ts';
import { formData, loadContext } from '../support/office-requests.ts';
import { notice, payloadOf, shanghaiDay, shanghaiTime } from '../support/visit-fixtures.ts';
import { childText, childrenNamed, parseXml, type XmlElement } from '../support/xml.ts';

const HOUR = 60 * 60 * 1000;
const portal = (path: string, acceptLanguage = 'zh-CN') =>
  new Request(`http://localhost${path}`, { headers: { 'Accept-Language': acceptLanguage } });

async function feed(query = ''): Promise<{ response: Response; root: XmlElement; xml: string }> {
  const response = await feedRoute.loader({ request: portal(`/notices.atom${query}`), params: {}, context: loadContext });
  const xml = await response.clone().text();
  return { response, root: parseXml(xml), xml };
}

describe('notice visibility', () => {
  it('hides a notice before its publish time and after its expiry, everywhere a citizen looks', async () => {
    const now = Date.now();
    const current = await notice({ publishedAt: new Date(now - HOUR), expiresAt: new Date(now + HOUR) });
    const future = await notice({ publishedAt: new Date(now + HOUR) });
    const expired = await notice({ publishedAt: new Date(now - 3 * HOUR), expiresAt: new Date(now - HOUR) });

    const listed = (await currentNotices('zh-Hans')).map((n) => n.id);
    expect(listed).toContain(current.id);
    expect(listed).not.toContain(future.id);
    expect(listed).not.toContain(expired.id);

    expect(await currentNotice(current.id, 'en')).toMatchObject({ title: `${current.title} (en)` });
    for (const hidden of [future, expired]) {
      await expect(currentNotice(hidden.id, 'zh-Hans')).rejects.toBeInstanceOf(NotFoundError);
      const thrown = await noticeRoute
        .loader({ request: portal(`/notices/${hidden.id}`), params: { noticeId: hidden.id }, context: loadContext })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect((thrown as Response).status).toBe(404);
    }

    const page = payloadOf<{ notices: { id: string }[] }>(
      await noticesRoute.loader({ request: portal('/notices'), params: {}, context: loadContext }),
    );
    expect(page.notices.map((n) => n.id)).toContain(current.id);
    expect(page.notices.map((n) => n.id)).not.toContain(future.id);

    const { root } = await feed();
    const ids = childrenNamed(root, 'entry').map((entry) => childText(entry, 'id'));
    expect(ids).toContain(`urn:uuid:${current.id}`);
    expect(ids).not.toContain(`urn:uuid:${future.id}`);
    expect(ids).not.toContain(`urn:uuid:${expired.id}`);
  });

  it('the home page shows the three latest current notices, newest first', async () => {
    const now = Date.now();
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await notice({ publishedAt: new Date(now - (10 - i) * 1000) }));
    await notice({ publishedAt: new Date(now + HOUR) });
    const home = payloadOf<{ notices: { id: string }[] }>(
      await homeRoute.loader({ request: portal('/'), params: {}, context: loadContext }),
    );
    expect(home.notices.map((n) => n.id)).toEqual([made[3]!.id, made[2]!.id, made[1]!.id]);
  });

  it('the notices page advertises the feed in the reader language', async () => {
    const page = payloadOf<{ feedHref: string }>(
      await noticesRoute.loader({ request: portal('/notices', 'en'), params: {}, context: loadContext }),
    );
    expect(page.feedHref).toBe('/notices.atom?lang=en');
    const tags = noticesRoute.meta({ data: page } as Parameters<typeof noticesRoute.meta>[0]);
    expect(tags).toContainEqual(
      expect.objectContaining({ tagName: 'link', rel: 'alternate', type: 'application/atom+xml', href: '/notices.atom?lang=en' }),
    );
  });
});

describe('the Atom feed', () => {
  it('is well-formed Atom 1.0 with the required elements, served as application/atom+xml', async () => {
    const tricky = await notice({
      title: `水电费 <调整> & "说明" ${Date.now()}`,
      body: 'Line one\n\n<script>alert(1)</script> & more\u0007',
    });
    const { response, root, xml } = await feed('?lang=zh-Hans');
    expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(root.name).toBe('feed');
    expect(root.attributes).toMatchObject({ xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': 'zh-Hans' });
    expect(childText(root, 'id')).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(childText(root, 'title')).toBe('网上信访：信息发布');
    expect(new Date(childText(root, 'updated')!).toISOString()).toBe(childText(root, 'updated'));
    const links = childrenNamed(root, 'link');
    expect(links.find((l) => l.attributes.rel === 'self')?.attributes).toMatchObject({
      type: 'application/atom+xml',
      href: `${env().publicBaseUrl}/notices.atom?lang=zh-Hans`,
    });
    expect(childrenNamed(root, 'author')[0]?.children.map((c) => c.name)).toEqual(['name']);

    const entries = childrenNamed(root, 'entry');
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(childText(entry, 'id')).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      for (const element of ['title', 'updated', 'published', 'content']) expect(childText(entry, element), element).toBeDefined();
      expect(childrenNamed(entry, 'content')[0]?.attributes.type).toBe('text');
      expect(childrenNamed(entry, 'link')[0]?.attributes).toMatchObject({ rel: 'alternate', type: 'text/html' });
      expect(Date.parse(childText(entry, 'updated')!)).toBeGreaterThanOrEqual(Date.parse(childText(entry, 'published')!));
    }
    // Newest first; the feed's updated is its latest entry's.
    const published = entries.map((e) => Date.parse(childText(e, 'published')!));
    expect([...published].sort((a, b) => b - a)).toEqual(published);
    expect(Date.parse(childText(root, 'updated')!)).toBe(Math.max(...entries.map((e) => Date.parse(childText(e, 'updated')!))));

    // What staff typed comes back as text, escaped, never as markup.
    const entry = entries.find((e) => childText(e, 'id') === `urn:uuid:${tricky.id}`)!;
    expect(childText(entry, 'title')).toBe(tricky.title);
    expect(childText(entry, 'content')).toBe('Line one\n\n<script>alert(1)</script> & more');
    expect(childrenNamed(entry, 'link')[0]?.attributes.href).toBe(`${env().publicBaseUrl}/notices/${tricky.id}`);
    expect(xml).not.toContain('<script>');
  });

  it('is in the language of ?lang=, and in Simplified Chinese without one or with an unknown one', async () => {
    const made = await notice();
    const titleIn = async (query: string) => {
      const { root } = await feed(query);
      const entry = childrenNamed(root, 'entry').find((e) => childText(e, 'id') === `urn:uuid:${made.id}`);
      return {
        lang: root.attributes['xml:lang'],
        title: entry ? childText(entry, 'title') : undefined,
        feedTitle: childText(root, 'title'),
      };
    };
    expect(await titleIn('?lang=en')).toEqual({ lang: 'en', title: `${made.title} (en)`, feedTitle: 'Petition Desk: notices' });
    expect(await titleIn('?lang=zh-Hant')).toMatchObject({ lang: 'zh-Hant', title: `${made.title}（繁）` });
    expect(await titleIn('')).toMatchObject({ lang: 'zh-Hans', title: made.title });
    expect(await titleIn('?lang=fr')).toMatchObject({ lang: 'zh-Hans', title: made.title });
  });
});

describe('writing notices in the back office', () => {
  const fields = (overrides: Record<string, string> = {}) =>
    formData({
      kind: 'POLICY',
      titleZhHans: '关于来访接待时间的说明',
      titleZhHant: '關於來訪接待時間的說明',
      titleEn: 'About reception hours',
      bodyZhHans: '正文',
      bodyZhHant: '正文',
      bodyEn: 'Text',
      publishOn: shanghaiDay(0),
      lastDay: '',
      ...overrides,
    });

  it('says what is missing or wrong, in every language, keeping what was typed', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const outcome = await createNotice(
      supervisor.actor,
      fields({ kind: '', titleEn: '', bodyZhHant: ' ', publishOn: shanghaiDay(-1), lastDay: 'soon' }),
    );
    expect(outcome).toMatchObject({
      ok: false,
      errors: { kind: 'required', titleEn: 'required', bodyZhHant: 'required', publishOn: 'past', lastDay: 'invalid' },
    });
    if (!outcome.ok) expect(outcome.values.titleZhHans).toBe('关于来访接待时间的说明');
    expect(await createNotice(supervisor.actor, fields({ publishOn: shanghaiDay(3), lastDay: shanghaiDay(2) }))).toMatchObject({
      ok: false,
      errors: { lastDay: 'beforePublish' },
    });
  });

  it('publishes today at once, a later day at its start, and shows it through its last day', async () => {
    const admin = await staffUser('ADMIN');
    const now = new Date();
    const today = await createNotice(admin.actor, fields(), now);
    if (!today.ok) throw new Error('not created');
    expect((await db().notice.findUniqueOrThrow({ where: { id: today.id } })).publishedAt).toEqual(now);
    await expect(currentNotice(today.id, 'en')).resolves.toMatchObject({ id: today.id });

    const later = await createNotice(admin.actor, fields({ publishOn: shanghaiDay(2), lastDay: shanghaiDay(4) }), now);
    if (!later.ok) throw new Error('not created');
    const row = await db().notice.findUniqueOrThrow({ where: { id: later.id } });
    expect(row.publishedAt).toEqual(shanghaiTime(shanghaiDay(2), '00:00'));
    expect(row.expiresAt).toEqual(shanghaiTime(shanghaiDay(5), '00:00'));
    await expect(currentNotice(later.id, 'en')).rejects.toBeInstanceOf(NotFoundError);
    await expect(currentNotice(later.id, 'en', shanghaiTime(shanghaiDay(4), '23:59'))).resolves.toMatchObject({ id: later.id });
    await expect(currentNotice(later.id, 'en', shanghaiTime(shanghaiDay(5), '00:00'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('editing keeps the publish time of an unchanged day; taking down hides it now and it stays down when edited', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    const created = await createNotice(supervisor.actor, fields());
    if (!created.ok) throw new Error('not created');
    const before = await db().notice.findUniqueOrThrow({ where: { id: created.id } });
    const edited = await updateNotice(supervisor.actor, created.id, fields({ titleEn: 'About reception hours (corrected)' }));
    expect(edited).toEqual({ ok: true, notice: { key: 'notices:office.edit.done.updated' } });
    const after = await db().notice.findUniqueOrThrow({ where: { id: created.id } });
    expect(after.publishedAt).toEqual(before.publishedAt);
    expect(after.titleEn).toBe('About reception hours (corrected)');

    expect(await takeDownNotice(supervisor.actor, created.id)).toEqual({ ok: true, notice: { key: 'notices:office.edit.done.takenDown' } });
    await expect(currentNotice(created.id, 'en')).rejects.toBeInstanceOf(NotFoundError);
    const down = await db().notice.findUniqueOrThrow({ where: { id: created.id } });
    // The edit form shows today as the last day; saving it unchanged must not put the notice back up.
    await updateNotice(supervisor.actor, created.id, fields({ lastDay: shanghaiDay(0) }));
    expect((await db().notice.findUniqueOrThrow({ where: { id: created.id } })).expiresAt).toEqual(down.expiresAt);
    await expect(currentNotice(created.id, 'en')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('is refused to clerks, handlers and analysts', async () => {
    for (const role of ['CLERK', 'HANDLER', 'ANALYST'] as const) {
      const person = await staffUser(role);
      const thrown = await createNotice(person.actor, fields()).then(
        () => null,
        (error: unknown) => error,
      );
      expect(thrown, role).toBeInstanceOf(ForbiddenError);
    }
  });
});
