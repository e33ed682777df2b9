// Run-time settings as admins change them, against the real test database: the office's name on
// written notices, the crisis support lines per language, clustering and the check-in's days, validated with errors tied to their fields, stored, read
// back by the portal, and audited with before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crisisLinesField, crisisLinesText, parseCrisisLines, saveSettings, settingState } from '#app/features/settings/admin.server.ts';
import { SETTING_DEFAULTS, forgetSetting, getSetting } from '#app/features/settings/settings.server.ts';
import { LOCALES } from '#app/i18n/config.ts';
import { db } from '#app/platform/db.server.ts';
import * as settingsRoute from '#app/routes/office+/settings.tsx';
import { staffUser } from '../support/fixtures.ts';
import { noticeOf } from '../support/notices.ts';
import { formData, loadContext, officeRequest, sessionToken } from '../support/office-requests.ts';

const ctx = { ipAddress: '192.0.2.40', locale: 'zh-Hans' } as const;
const savedOutcome = (what: 'office' | 'crisisLines' | 'clustering' | 'checkIn' | 'unchanged') => ({
  ok: true,
  notice: { key: `office-admin:settings.saved.${what}` },
});
type Actor = Awaited<ReturnType<typeof staffUser>>['actor'];
const saveCrisisLines = (form: FormData, actor: Actor) => {
  form.set('intent', 'crisisLines');
  return saveSettings(actor, form, ctx);
};
const saveClustering = (fields: Record<string, string>, actor: Actor) =>
  saveSettings(actor, formData({ intent: 'clustering', ...fields }), ctx);

/** Back to the built-in settings: before (whatever ran earlier) and after (other files expect them). */
async function builtInSettings() {
  await db().setting.deleteMany({ where: { key: { in: ['office', 'crisisLines', 'clustering', 'checkIn'] } } });
  forgetSetting('checkIn');
  forgetSetting('office');
  forgetSetting('crisisLines');
  forgetSetting('clustering');
}
beforeAll(builtInSettings);
afterAll(builtInSettings);

const settingAudits = async (key: string, actorId: string) =>
  await db().auditLog.findMany({
    where: { action: 'setting.updated', targetType: 'Setting', targetId: key, actorId },
    orderBy: { id: 'asc' },
  });

function linesForm(overrides: Partial<Record<(typeof LOCALES)[number], string>> = {}): FormData {
  const text = {
    'zh-Hans': '全国心理援助热线 | 12356 | 24小时\n本市心理援助热线 ｜ 010-8295 1332',
    'zh-Hant': '全國心理援助熱線 | 12356 | 24小時',
    en: 'National psychological assistance hotline | 12356 | 24 hours',
    ...overrides,
  };
  return formData(Object.fromEntries(LOCALES.map((locale) => [crisisLinesField(locale), text[locale]])));
}

describe('reading the support lines from the form', () => {
  it('takes name | phone | hours per line, the full-width bar too, skipping blank lines', () => {
    expect(parseCrisisLines('\n 热线 A | 12356 | 24小时 \r\n\n热线 B｜110\n')).toEqual({
      ok: true,
      lines: [
        { name: '热线 A', phone: '12356', hours: '24小时' },
        { name: '热线 B', phone: '110', hours: '' },
      ],
    });
  });

  it('names the problem and its line', () => {
    expect(parseCrisisLines('  \n ')).toEqual({ ok: false, error: { code: 'required' } });
    expect(parseCrisisLines(Array.from({ length: 9 }, (_, i) => `Line ${i} | 11${i}`).join('\n'))).toEqual({
      ok: false,
      error: { code: 'tooMany' },
    });
    expect(parseCrisisLines('a | 1\njust a name')).toEqual({ ok: false, error: { code: 'format', line: 2 } });
    expect(parseCrisisLines('a | 1 | b | c')).toEqual({ ok: false, error: { code: 'format', line: 1 } });
    expect(parseCrisisLines('\n | 12356')).toEqual({ ok: false, error: { code: 'nameMissing', line: 2 } });
    expect(parseCrisisLines('Hotline |  | 24h')).toEqual({ ok: false, error: { code: 'phoneMissing', line: 1 } });
    expect(parseCrisisLines('Hotline | call us')).toEqual({ ok: false, error: { code: 'phoneInvalid', line: 1 } });
    expect(parseCrisisLines(`${'n'.repeat(121)} | 1`)).toEqual({ ok: false, error: { code: 'nameTooLong', line: 1 } });
    expect(parseCrisisLines(`n | ${'1'.repeat(41)}`)).toEqual({ ok: false, error: { code: 'phoneTooLong', line: 1 } });
    expect(parseCrisisLines(`n | 1 | ${'h'.repeat(81)}`)).toEqual({ ok: false, error: { code: 'hoursTooLong', line: 1 } });
    expect(parseCrisisLines(`n | 1\n${'x'.repeat(2000)}`)).toEqual({ ok: false, error: { code: 'tooLong' } });
  });

  it('writes lines back in the same form, so the defaults round-trip', () => {
    for (const locale of LOCALES) {
      const lines = SETTING_DEFAULTS.crisisLines[locale];
      expect(parseCrisisLines(crisisLinesText(lines))).toEqual({ ok: true, lines });
    }
  });
});

describe('crisis support lines', () => {
  it('shows the defaults until something is saved, then stores all three languages, audited', async () => {
    const admin = await staffUser('ADMIN');
    expect(await settingState('crisisLines')).toMatchObject({ value: SETTING_DEFAULTS.crisisLines, stored: false, updatedBy: null });

    expect(await saveCrisisLines(linesForm(), admin.actor)).toEqual(savedOutcome('crisisLines'));
    const state = await settingState('crisisLines');
    expect(state).toMatchObject({ stored: true, updatedBy: admin.user.name });
    expect(state.value['zh-Hans']).toEqual([
      { name: '全国心理援助热线', phone: '12356', hours: '24小时' },
      { name: '本市心理援助热线', phone: '010-8295 1332', hours: '' },
    ]);
    // The portal reads the new lines (this process forgot its cached value).
    expect((await getSetting('crisisLines'))['zh-Hans']).toHaveLength(2);

    const [entry] = await settingAudits('crisisLines', admin.user.id);
    expect(entry).toMatchObject({ actorId: admin.user.id, ipAddress: ctx.ipAddress, details: { key: 'crisisLines', before: null } });
    expect(JSON.stringify(entry?.details)).toContain('010-8295 1332');

    // Saving the same lines again changes and logs nothing.
    expect(await saveCrisisLines(linesForm(), admin.actor)).toEqual(savedOutcome('unchanged'));
    expect(await settingAudits('crisisLines', admin.user.id)).toHaveLength(1);
  });

  it('ties each problem to its language’s field and saves nothing', async () => {
    const admin = await staffUser('ADMIN');
    const before = await settingState('crisisLines');
    const outcome = await saveCrisisLines(linesForm({ 'zh-Hant': '', en: 'Hotline | 12356\nNo phone here' }), admin.actor);
    expect(outcome).toEqual({
      ok: false,
      status: 400,
      problem: {
        office: null,
        crisisLines: {
          errors: { [crisisLinesField('zh-Hant')]: { code: 'required' }, [crisisLinesField('en')]: { code: 'format', line: 2 } },
          values: expect.objectContaining({ [crisisLinesField('en')]: 'Hotline | 12356\nNo phone here' }),
        },
        clustering: null,
        checkIn: null,
      },
    });
    expect(await settingState('crisisLines')).toEqual(before);
  });

  it('through the page: errors as 400 with the field names, a save as a redirect with a notice', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    const bad = linesForm({ 'zh-Hans': 'x' });
    bad.set('intent', 'crisisLines');
    const refused = await settingsRoute.action({
      request: officeRequest('/office/settings', token, { method: 'POST', body: bad }),
      params: {},
      context: loadContext,
    });
    expect(refused).toMatchObject({
      init: { status: 400 },
      data: { crisisLines: { errors: { 'crisisLines-zh-Hans': { code: 'format', line: 1 } } } },
    });

    const good = linesForm({ en: 'Emergency | 110 / 120 | 24 hours' });
    good.set('intent', 'crisisLines');
    const saved = await settingsRoute.action({
      request: officeRequest('/office/settings', token, { method: 'POST', body: good }),
      params: {},
      context: loadContext,
    });
    expect(saved).toBeInstanceOf(Response);
    expect((saved as Response).status).toBe(303);
    expect((saved as Response).headers.get('Location')).toBe('/office/settings');
    expect(noticeOf(saved as Response)).toEqual({ key: 'office-admin:settings.saved.crisisLines' });
    expect((await getSetting('crisisLines')).en).toEqual([{ name: 'Emergency', phone: '110 / 120', hours: '24 hours' }]);
  });
});

describe('clustering', () => {
  it('stores the switch and the threshold, audited with before and after', async () => {
    const admin = await staffUser('ADMIN');
    expect((await settingState('clustering')).value).toEqual(SETTING_DEFAULTS.clustering);
    expect(await saveClustering({ similarity: ' 0.45 ' }, admin.actor)).toEqual(savedOutcome('clustering'));
    expect(await getSetting('clustering')).toEqual({ enabled: false, similarity: 0.45 });
    expect(await saveClustering({ clusteringEnabled: 'yes', similarity: '０．５' }, admin.actor)).toEqual(savedOutcome('clustering'));
    expect(await getSetting('clustering')).toEqual({ enabled: true, similarity: 0.5 });
    expect((await settingAudits('clustering', admin.user.id)).map((row) => row.details)).toEqual([
      { key: 'clustering', before: null, after: { enabled: false, similarity: 0.45 } },
      { key: 'clustering', before: { enabled: false, similarity: 0.45 }, after: { enabled: true, similarity: 0.5 } },
    ]);
  });

  it('refuses a threshold outside 0.05–0.95 or not a number, and a forged switch value', async () => {
    const admin = await staffUser('ADMIN');
    const before = await settingState('clustering');
    for (const [similarity, code] of [
      ['', 'required'],
      ['abc', 'invalid'],
      ['0,3', 'invalid'],
      ['0.04', 'range'],
      ['0.96', 'range'],
      ['1', 'range'],
    ] as const) {
      expect(await saveClustering({ clusteringEnabled: 'yes', similarity }, admin.actor)).toMatchObject({
        ok: false,
        status: 400,
        problem: { crisisLines: null, clustering: { errors: { similarity: code } } },
      });
    }
    expect(await saveClustering({ clusteringEnabled: 'maybe', similarity: '0.3' }, admin.actor)).toMatchObject({
      ok: false,
      problem: { clustering: { errors: { clusteringEnabled: 'invalid' } } },
    });
    expect(await settingState('clustering')).toEqual(before);
  });
});

describe("the office's name", () => {
  const saveOffice = (fields: Record<string, string>, actor: Actor) => saveSettings(actor, formData({ intent: 'office', ...fields }), ctx);
  const names = { officeZhHans: ' 东城区信访局 ', officeZhHant: '東城區信訪局', officeEn: 'Dongcheng District Letters and Visits Bureau' };

  it('heads the written notices in each language once saved, audited with before and after', async () => {
    const admin = await staffUser('ADMIN');
    expect(await settingState('office')).toMatchObject({ stored: false, value: SETTING_DEFAULTS.office });
    expect(await saveOffice(names, admin.actor)).toEqual(savedOutcome('office'));
    const saved = { 'zh-Hans': '东城区信访局', 'zh-Hant': '東城區信訪局', en: 'Dongcheng District Letters and Visits Bureau' };
    expect(await getSetting('office')).toEqual(saved);
    expect(await saveOffice(names, admin.actor)).toEqual(savedOutcome('unchanged'));
    expect((await settingAudits('office', admin.user.id)).map((row) => row.details)).toEqual([
      { key: 'office', before: null, after: saved },
    ]);
  });

  it('needs a name in every language, within its length, and saves nothing otherwise', async () => {
    const admin = await staffUser('ADMIN');
    const before = await settingState('office');
    expect(await saveOffice({ ...names, officeZhHant: '  ', officeEn: 'x'.repeat(201) }, admin.actor)).toMatchObject({
      ok: false,
      status: 400,
      problem: { office: { errors: { officeZhHant: 'required', officeEn: 'tooLong' } }, crisisLines: null, clustering: null },
    });
    expect(await settingState('office')).toEqual(before);
  });
});

describe('the check-in after the reply (回访)', () => {
  const saveCheckIn = (checkInDays: string, actor: Actor) => saveSettings(actor, formData({ intent: 'checkIn', checkInDays }), ctx);

  it('stores the days, audited, and the sweep and track page read them', async () => {
    const admin = await staffUser('ADMIN');
    expect((await settingState('checkIn')).value).toEqual({ days: 14 });
    expect(await saveCheckIn(' ２１ ', admin.actor)).toEqual(savedOutcome('checkIn'));
    expect(await getSetting('checkIn')).toEqual({ days: 21 });
    expect(await saveCheckIn('21', admin.actor)).toEqual(savedOutcome('unchanged'));
    expect((await settingAudits('checkIn', admin.user.id)).map((row) => row.details)).toEqual([
      { key: 'checkIn', before: null, after: { days: 21 } },
    ]);
    await builtInSettings();
  });

  it('refuses a number of days that is missing, not whole or out of range', async () => {
    const admin = await staffUser('ADMIN');
    for (const [days, code] of [
      ['', 'required'],
      ['1.5', 'invalid'],
      ['two', 'invalid'],
      ['0', 'range'],
      ['91', 'range'],
    ] as const) {
      expect(await saveCheckIn(days, admin.actor)).toMatchObject({
        ok: false,
        status: 400,
        problem: { checkIn: { errors: { checkInDays: code } } },
      });
    }
    expect((await settingState('checkIn')).stored).toBe(false);
  });

  it('is for admins only', async () => {
    const supervisor = await staffUser('SUPERVISOR');
    await expect(saveCheckIn('21', supervisor.actor)).rejects.toThrow();
  });
});
