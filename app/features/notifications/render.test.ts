// Rendering of every email template in every language, from synthetic facts (no database).
import { describe, expect, it } from 'vitest';
import { LOCALES } from '#app/i18n/config.ts';
import { renderMessage, statutoryDeadlineKind, trackUrl, type CitizenFacts, type StaffFacts } from './render.server.ts';
import { CITIZEN_TEMPLATES, STAFF_TEMPLATES, type Template } from './topics.ts';

const OPTIONS = { baseUrl: 'https://xinfang.example.gov.cn', timeZone: 'Asia/Shanghai' };
const CASE_ID = '3f1c2b9e-5d4a-4c8b-9a7e-2f6d1e0c3b5a';
const RECEIPT = 'XF-2611-7KQ4-M2PD';

const citizen: CitizenFacts = {
  receiptNo: RECEIPT,
  subject: 'Street lights <out> & "broken"',
  replyDueAt: '2026-12-31T15:59:59.999Z',
  decline: { reason: 'Court proceedings are under way.', referral: 'Please contact the court registry.' },
  forward: { agency: 'Municipal Water Authority', message: 'They handle pipes.' },
  extension: { reason: 'An expert survey is needed.', replyDueAt: '2027-01-30T15:59:59.999Z' },
};

const staff: StaffFacts = {
  caseId: CASE_ID,
  receiptNo: RECEIPT,
  level: 'RED',
  reasons: ['welfare', 'coSigners'],
  deadline: 'reply',
  dueAt: '2026-12-01T15:59:59.999Z',
  overdue: false,
  digest: {
    date: '2026-11-23',
    total: 3,
    cases: [
      { id: CASE_ID, receiptNo: RECEIPT, dueAt: '2026-11-01T15:59:59.999Z', level: 'ORANGE' },
      { id: '8a9b0c1d-2e3f-4a5b-8c7d-9e0f1a2b3c4d', receiptNo: 'XF-2611-AAAA-BBBB', dueAt: '2026-11-02T15:59:59.999Z', level: 'NONE' },
    ],
  },
  prepared: {
    kind: 'weeklySweep',
    key: '2026-W48',
    start: '2026-11-23',
    end: '2026-11-29',
    path: '/office/reports/weekly/2026-W48',
    counts: { clusters: 2, warned: 5, due: 11, reviews: 1 },
  },
};

const everyTemplate: Template[] = [...CITIZEN_TEMPLATES, ...STAFF_TEMPLATES];

describe('renderMessage', () => {
  for (const locale of LOCALES) {
    for (const template of everyTemplate) {
      it(`renders ${template} in ${locale} with every string present`, async () => {
        const facts = template.startsWith('case.') ? citizen : staff;
        const mail = await renderMessage(template, locale, facts, OPTIONS);
        expect(mail.locale).toBe(locale);
        expect(mail.subject.trim().length).toBeGreaterThan(3);
        for (const part of [mail.subject, mail.text, mail.html]) {
          // A missing string or value would show up as a key, a namespace or a raw placeholder.
          expect(part).not.toMatch(/\{\{|notifications:|\b(templates|fields|levels|deadlines|reasons|mail|preferences)\.[a-zA-Z]/);
        }
        expect(mail.subject).toContain(template === 'staff.overdueDigest' ? '3' : template === 'staff.reportReady' ? '2026' : RECEIPT);
        expect(mail.html.startsWith('<!doctype html>')).toBe(true);
        expect(mail.html).toContain(`lang="${locale}"`);
      });
    }
  }

  it('links citizens to the track page by receipt number only', async () => {
    for (const template of CITIZEN_TEMPLATES) {
      const mail = await renderMessage(template, 'en', citizen, OPTIONS);
      expect(mail.text).toContain(`https://xinfang.example.gov.cn/track?receipt=${RECEIPT}`);
      expect(mail.text).not.toContain('/office');
      expect(mail.text).not.toMatch(/access ?code=|code=/i);
    }
    expect(trackUrl('https://a.example', 'XF-1 2')).toBe('https://a.example/track?receipt=XF-1%202');
  });

  it('says what happened: the decline reason and referral, the new date and reason of an extension', async () => {
    const declined = await renderMessage('case.declined', 'en', citizen, OPTIONS);
    expect(declined.text).toContain('Court proceedings are under way.');
    expect(declined.text).toContain('Please contact the court registry.');
    const extended = await renderMessage('case.extended', 'zh-Hans', citizen, OPTIONS);
    expect(extended.text).toContain('An expert survey is needed.');
    // 2027-01-30T15:59:59.999Z is 23:59 on 30 January in Shanghai.
    expect(extended.text).toContain('2027年1月30日');
    const forwarded = await renderMessage('case.forwarded', 'zh-Hant', citizen, OPTIONS);
    expect(forwarded.text).toContain('Municipal Water Authority');
    const accepted = await renderMessage('case.accepted', 'en', citizen, OPTIONS);
    expect(accepted.text).toContain('December 31, 2026');
  });

  it('escapes the citizen’s own text in the HTML copy', async () => {
    const mail = await renderMessage('case.received', 'en', citizen, OPTIONS);
    expect(mail.html).toContain('Street lights &lt;out&gt; &amp; &quot;broken&quot;');
    expect(mail.html).not.toContain('<out>');
    expect(mail.text).toContain('Street lights <out> & "broken"');
  });

  it('links staff to the case in the back office and names level, deadline and reasons', async () => {
    const alert = await renderMessage('staff.warningAlert', 'en', staff, OPTIONS);
    expect(alert.subject).toBe(`Red warning: case ${RECEIPT}`);
    expect(alert.text).toContain(`https://xinfang.example.gov.cn/office/cases/${CASE_ID}`);
    expect(alert.text).toContain("signs of danger to someone's life");
    const due = await renderMessage('staff.dueSoon', 'zh-Hans', staff, OPTIONS);
    expect(due.subject).toContain('即将到期');
    expect(due.subject).toContain('书面答复期限');
    const overdue = await renderMessage('staff.dueSoon', 'zh-Hans', { ...staff, overdue: true }, OPTIONS);
    expect(overdue.subject).toContain('已超期');
  });

  it('lists the digest’s cases with links and counts the ones left out', async () => {
    const digest = await renderMessage('staff.overdueDigest', 'en', staff, OPTIONS);
    expect(digest.subject).toBe('Overdue cases on November 23, 2026: 3');
    expect(digest.text).toContain(`https://xinfang.example.gov.cn/office/cases/${CASE_ID}`);
    expect(digest.text).toContain('XF-2611-AAAA-BBBB');
    expect(digest.text).toContain('and 1 more');
  });

  it('falls back to the default language for a locale it does not know', async () => {
    const mail = await renderMessage('case.received', 'fr', citizen, OPTIONS);
    expect(mail.locale).toBe('zh-Hans');
    expect(mail.subject).toContain('我们已收到');
  });

  it('refuses facts that do not fit (zod at the boundary)', async () => {
    await expect(renderMessage('case.received', 'en', { subject: 'no receipt' }, OPTIONS)).rejects.toThrow();
    await expect(renderMessage('staff.warningAlert', 'en', { level: 'PURPLE' }, OPTIONS)).rejects.toThrow();
  });
});

describe('statutoryDeadlineKind', () => {
  it('names the deadline staff work against in each status', () => {
    expect(statutoryDeadlineKind('SUBMITTED')).toBe('acceptance');
    expect(statutoryDeadlineKind('ACCEPTED')).toBe('reply');
    expect(statutoryDeadlineKind('IN_PROGRESS')).toBe('reply');
    expect(statutoryDeadlineKind('REVIEW_REQUESTED')).toBe('reviewOpinion');
    expect(statutoryDeadlineKind('RE_REVIEW_REQUESTED')).toBe('reReviewOpinion');
    expect(statutoryDeadlineKind('CLOSED')).toBe('statutory');
  });

  it('tells supervisors of each scheduled report in their language, with the risk list’s counts and a link', async () => {
    for (const kind of ['weeklySweep', 'monthly', 'quarterly'] as const) {
      const prepared = { ...staff.prepared!, kind, counts: kind === 'weeklySweep' ? staff.prepared!.counts : null };
      const mail = await renderMessage('staff.reportReady', 'en', { ...staff, prepared }, OPTIONS);
      expect(mail.text).toContain(`${OPTIONS.baseUrl}/office/reports/weekly/2026-W48`);
      expect(mail.text.includes('Orange and red cases')).toBe(kind === 'weeklySweep');
    }
    // Completion reports sent back are counted when the list counted them (messages queued before did not).
    const withReturned = { ...staff.prepared!, counts: { ...staff.prepared!.counts!, returned: 3 } };
    expect((await renderMessage('staff.reportReady', 'en', { ...staff, prepared: withReturned }, OPTIONS)).text).toContain(
      'Completion reports sent back for rework',
    );
    const without = await renderMessage('staff.reportReady', 'en', staff, OPTIONS);
    expect(without.text).not.toContain('Completion reports sent back');
    const quarterly = await renderMessage(
      'staff.reportReady',
      'zh-Hans',
      { ...staff, prepared: { ...staff.prepared!, kind: 'quarterly', start: '2026-07-01', end: '2026-09-30' } },
      OPTIONS,
    );
    expect(quarterly.subject).toBe('2026年第3季度总结报告');
  });
});
