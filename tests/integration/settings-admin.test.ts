// Run-time settings as admins change them, against the real test database: the office's name on
// written notices, the crisis support lines per language, clustering, the check-in's days, the
// statute's routing and the retention periods, validated with errors tied to their fields, stored,
// read back by the portal, and audited with before and after.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetRoutingTargets } from '#app/features/cases/routing.server.ts';
import { submitCase } from '#app/features/cases/submission.server.ts';
import { crisisLinesField, crisisLinesText, parseCrisisLines, saveSettings, settingState } from '#app/features/settings/admin.server.ts';
import { SETTING_DEFAULTS, forgetSetting, getSetting, type SettingKey } from '#app/features/settings/settings.server.ts';
import { LOCALES } from '#app/i18n/config.ts';
import { db } from '#app/platform/db.server.ts';
import * as privacyRoute from '#app/routes/_portal+/privacy.tsx';
import * as settingsRoute from '#app/routes/office+/settings.tsx';
import { anyCategoryId, newIdempotencyKey, staffUser, unitId, validSubmission } from '../support/fixtures.ts';
import { noticeOf } from '../support/notices.ts';
import { formData, loadContext, officeRequest, sessionToken, statusOf } from '../support/office-requests.ts';

const ctx = { ipAddress: '192.0.2.40', locale: 'zh-Hans' } as const;
const savedOutcome = (what: 'office' | 'crisisLines' | 'clustering' | 'checkIn' | 'routing' | 'retention' | 'unchanged') => ({
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

/** A form as the page posts it: a select each (empty: none), and one box per ticked category. */
function routingForm(fields: { disciplineUnit?: string; legalUnit?: string; reviewOffice?: string; courtCategories?: string[] }) {
  const form = formData({
    intent: 'routing',
    disciplineUnit: fields.disciplineUnit ?? 'discipline-inspection',
    legalUnit: fields.legalUnit ?? 'political-legal',
    reviewOffice: fields.reviewOffice ?? 'review-office',
  });
  for (const code of fields.courtCategories ?? ['litigation']) form.append('courtCategories', code);
  return form;
}

/** Back to the built-in settings: before (whatever ran earlier) and after (other files expect them). */
const KEYS: SettingKey[] = ['office', 'crisisLines', 'clustering', 'checkIn', 'routing', 'retention'];
async function builtInSettings() {
  await db().setting.deleteMany({ where: { key: { in: KEYS } } });
  for (const key of KEYS) forgetSetting(key);
  forgetRoutingTargets();
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
        routing: null,
        retention: null,
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

describe('where the statute sends a case (arts. 22, 28, 30, 35, 36)', () => {
  const saveRouting = (fields: Parameters<typeof routingForm>[0], actor: Actor) => saveSettings(actor, routingForm(fields), ctx);

  /** A report of misconduct about the police, filed under law enforcement, as the portal takes it. */
  async function misconductReport() {
    const receipt = await submitCase(
      await validSubmission({
        kind: 'MISCONDUCT_REPORT',
        categoryId: await anyCategoryId('law-and-justice'),
        subject: '派出所民警索要好处费',
        body: `派出所民警多次索要好处费。${newIdempotencyKey()}`,
        reportedUnitId: await unitId('public-security'),
        reportedOfficial: '王某',
      }),
      { idempotencyKey: newIdempotencyKey(), locale: 'zh-Hans' },
    );
    return await db().case.findUniqueOrThrow({ where: { receiptNo: receipt.receiptNo } });
  }

  it('shows the units and categories in force, offering active ones by code', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    const page = await settingsRoute.loader({ request: officeRequest('/office/settings', token), params: {}, context: loadContext });
    expect(page.routing).toMatchObject({ value: SETTING_DEFAULTS.routing, stored: false, notActive: [] });
    expect(page.routing.units).toContainEqual({ value: 'discipline-inspection', label: '市纪委监委' });
    expect(page.routing.categories).toContainEqual({ value: 'litigation', label: '涉法涉诉' });
    expect(page.retention).toMatchObject({ value: SETTING_DEFAULTS.retention, stored: false });
  });

  it('stores the units and court categories, audited, and a report of misconduct goes to the new discipline unit', async () => {
    const admin = await staffUser('ADMIN');
    expect(
      await saveRouting(
        { disciplineUnit: 'justice', legalUnit: '', courtCategories: ['litigation', 'law-and-justice', 'litigation'] },
        admin.actor,
      ),
    ).toEqual(savedOutcome('routing'));
    const after = {
      disciplineUnit: 'justice',
      legalUnit: null,
      reviewOffice: 'review-office',
      courtCategories: ['litigation', 'law-and-justice'],
    };
    expect(await getSetting('routing')).toEqual(after);
    expect(
      await saveRouting({ disciplineUnit: 'justice', legalUnit: ' ', courtCategories: ['litigation', 'law-and-justice'] }, admin.actor),
    ).toEqual(savedOutcome('unchanged'));
    expect((await settingAudits('routing', admin.user.id)).map((row) => row.details)).toEqual([{ key: 'routing', before: null, after }]);

    const report = await misconductReport();
    expect(report.unitId).toBe(await unitId('justice'));
    expect(report.routeReason).toBe('discipline');

    // None: the office's clerks route reports by hand.
    expect(await saveRouting({ disciplineUnit: '' }, admin.actor)).toEqual(savedOutcome('routing'));
    expect((await getSetting('routing')).disciplineUnit).toBeNull();
    expect((await misconductReport()).unitId).toBeNull();
    await builtInSettings();
    expect((await misconductReport()).unitId).toBe(await unitId('discipline-inspection'));
  });

  it('refuses a code that names no active unit or category, at its field, and saves nothing', async () => {
    const admin = await staffUser('ADMIN');
    const suffix = randomBytes(4).toString('hex');
    const names = { nameZhHans: '已撤销单位', nameZhHant: '已撤銷單位', nameEn: 'Closed unit' };
    const closedUnit = await db().unit.create({ data: { code: `closed-unit-${suffix}`, active: false, ...names } });
    const closedCategory = await db().category.create({ data: { code: `closed-category-${suffix}`, active: false, ...names } });
    const before = await settingState('routing');
    expect(
      await saveRouting(
        {
          disciplineUnit: closedUnit.code,
          legalUnit: 'no-such-unit',
          reviewOffice: 'x'.repeat(51),
          courtCategories: ['litigation', closedCategory.code],
        },
        admin.actor,
      ),
    ).toEqual({
      ok: false,
      status: 400,
      problem: {
        office: null,
        crisisLines: null,
        clustering: null,
        checkIn: null,
        routing: {
          errors: { disciplineUnit: 'unknown', legalUnit: 'unknown', reviewOffice: 'unknown', courtCategories: 'unknown' },
          values: expect.objectContaining({ disciplineUnit: closedUnit.code, courtCategories: `litigation\n${closedCategory.code}` }),
        },
        retention: null,
      },
    });
    expect(await saveRouting({ courtCategories: ['litigation', 'no-such-category'] }, admin.actor)).toMatchObject({
      ok: false,
      status: 400,
      problem: { routing: { errors: { courtCategories: 'unknown' } } },
    });
    expect(await saveRouting({ courtCategories: [closedCategory.code] }, admin.actor)).toMatchObject({
      problem: { routing: { errors: { courtCategories: 'unknown' } } },
    });
    const missing = formData({ intent: 'routing', legalUnit: '', reviewOffice: '' });
    expect(await saveSettings(admin.actor, missing, ctx)).toMatchObject({
      problem: { routing: { errors: { disciplineUnit: 'required' } } },
    });
    expect(await settingState('routing')).toEqual(before);
    expect(await settingAudits('routing', admin.user.id)).toHaveLength(0);
  });

  it('says so on the page when a saved unit has closed since', async () => {
    const admin = await staffUser('ADMIN');
    const token = await sessionToken(admin.user.id);
    const code = `closing-unit-${randomBytes(4).toString('hex')}`;
    await db().unit.create({ data: { code, nameZhHans: '将撤销单位', nameZhHant: '將撤銷單位', nameEn: 'Closing unit' } });
    expect(await saveRouting({ reviewOffice: code }, admin.actor)).toEqual(savedOutcome('routing'));
    await db().unit.update({ where: { code }, data: { active: false } });
    const page = await settingsRoute.loader({ request: officeRequest('/office/settings', token), params: {}, context: loadContext });
    expect(page.routing.notActive).toEqual([{ field: 'reviewOffice', code }]);
    expect(page.routing.units.map((unit) => unit.value)).not.toContain(code);
    await builtInSettings();
  });
});

describe('how long personal data is kept (PIPL art. 19)', () => {
  const periods = { contactYears: '5', attachmentYears: '２', bookingDays: ' 60 ', rateLimitDays: '2', sessionDays: '14' };
  const retentionForm = (fields: Partial<typeof periods> = {}) => formData({ intent: 'retention', ...periods, ...fields });

  it('stores the five periods, audited, and the privacy notice states them', async () => {
    const admin = await staffUser('ADMIN');
    expect(await saveSettings(admin.actor, retentionForm(), ctx)).toEqual(savedOutcome('retention'));
    const after = { contactYears: 5, attachmentYears: 2, bookingDays: 60, rateLimitDays: 2, sessionDays: 14 };
    expect(await getSetting('retention')).toEqual(after);
    expect(await saveSettings(admin.actor, retentionForm(), ctx)).toEqual(savedOutcome('unchanged'));
    expect((await settingAudits('retention', admin.user.id)).map((row) => row.details)).toEqual([
      { key: 'retention', before: null, after },
    ]);
    const privacy = await privacyRoute.loader({ request: new Request('http://localhost/privacy'), params: {}, context: loadContext });
    expect(privacy.retention).toEqual(after);
    await builtInSettings();
  });

  it('refuses a period that is missing, not whole or outside its range, at its field', async () => {
    const admin = await staffUser('ADMIN');
    for (const [fields, errors] of [
      [
        { contactYears: '', sessionDays: '30.5' },
        { contactYears: 'required', sessionDays: 'invalid' },
      ],
      [
        { contactYears: '0', attachmentYears: '31' },
        { contactYears: 'range', attachmentYears: 'range' },
      ],
      [
        { bookingDays: '3651', rateLimitDays: '366', sessionDays: '0' },
        { bookingDays: 'range', rateLimitDays: 'range', sessionDays: 'range' },
      ],
      [
        { bookingDays: '-1', rateLimitDays: 'one' },
        { bookingDays: 'invalid', rateLimitDays: 'invalid' },
      ],
    ] as const) {
      expect(await saveSettings(admin.actor, retentionForm(fields), ctx)).toEqual({
        ok: false,
        status: 400,
        problem: expect.objectContaining({ routing: null, retention: { errors, values: expect.objectContaining(fields) } }),
      });
    }
    expect((await settingState('retention')).stored).toBe(false);
    expect(await settingAudits('retention', admin.user.id)).toHaveLength(0);
  });

  it('through the page: 400 with the field errors, a redirect once saved, 403 for anyone but an admin', async () => {
    const admin = await staffUser('ADMIN');
    const adminToken = await sessionToken(admin.user.id);
    const post = (token: string, body: FormData) =>
      settingsRoute.action({
        request: officeRequest('/office/settings', token, { method: 'POST', body }),
        params: {},
        context: loadContext,
      });

    expect(await post(adminToken, retentionForm({ contactYears: '99' }))).toMatchObject({
      init: { status: 400 },
      data: { retention: { errors: { contactYears: 'range' } } },
    });
    expect(await post(adminToken, routingForm({ legalUnit: 'no-such-unit' }))).toMatchObject({
      init: { status: 400 },
      data: { routing: { errors: { legalUnit: 'unknown' } } },
    });
    const saved = await post(adminToken, retentionForm());
    expect(saved).toBeInstanceOf(Response);
    expect((saved as Response).status).toBe(303);
    expect(noticeOf(saved as Response)).toEqual({ key: 'office-admin:settings.saved.retention' });

    for (const role of ['SUPERVISOR', 'CLERK'] as const) {
      const person = await staffUser(role);
      const token = await sessionToken(person.user.id);
      expect(await statusOf(() => post(token, retentionForm({ contactYears: '7' })))).toBe(403);
      expect(await statusOf(() => post(token, routingForm({ disciplineUnit: 'justice' })))).toBe(403);
    }
    expect((await getSetting('retention')).contactYears).toBe(5);
    expect((await getSetting('routing')).disciplineUnit).toBe('discipline-inspection');
    await builtInSettings();
  });
});
