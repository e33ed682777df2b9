import { describe, expect, it } from 'vitest';
import { LIMITS, normalizePhone, validateSubmission } from './submission.ts';

const CATEGORY = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

function form(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    kind: 'COMPLAINT',
    categoryId: CATEGORY,
    area: '',
    subject: 'Unpaid wages',
    body: 'My employer has not paid my wages for three months.',
    coSignerCount: '1',
    name: 'Li Lei',
    phone: '138 1234 5678',
    email: '',
    postalAddress: '',
    preferredReplyChannel: 'ONLINE',
    consent: 'yes',
    ...overrides,
  };
}

function errorsOf(raw: Record<string, string | undefined>) {
  const result = validateSubmission(raw);
  return result.ok ? {} : result.errors;
}

describe('validateSubmission', () => {
  it('accepts a complete letter and normalises it', () => {
    const result = validateSubmission(form({ subject: '  Unpaid wages  ', area: ' ' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      kind: 'COMPLAINT',
      subject: 'Unpaid wages',
      area: null,
      coSignerCount: 1,
      phone: '13812345678',
      email: null,
      anonymous: false,
    });
  });

  it('reports every missing field at once, in form order, as locale keys', () => {
    const result = validateSubmission({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.entries(result.errors)).toEqual([
      ['kind', 'kind.required'],
      ['categoryId', 'categoryId.required'],
      ['subject', 'subject.required'],
      ['body', 'body.required'],
      ['name', 'name.required'],
      ['phone', 'phone.phoneOrEmail'],
      ['preferredReplyChannel', 'preferredReplyChannel.required'],
      ['consent', 'consent.required'],
    ]);
  });

  it('enforces length limits on subject, body and area', () => {
    expect(errorsOf(form({ subject: 'abc' })).subject).toBe('subject.tooShort');
    expect(errorsOf(form({ subject: 'x'.repeat(LIMITS.subjectMax + 1) })).subject).toBe('subject.tooLong');
    expect(errorsOf(form({ subject: 'x'.repeat(LIMITS.subjectMax) })).subject).toBeUndefined();
    expect(errorsOf(form({ body: 'too short' })).body).toBe('body.tooShort');
    expect(errorsOf(form({ body: 'x'.repeat(LIMITS.bodyMax + 1) })).body).toBe('body.tooLong');
    expect(errorsOf(form({ body: 'x'.repeat(LIMITS.bodyMax) })).body).toBeUndefined();
    expect(errorsOf(form({ area: 'x'.repeat(LIMITS.areaMax + 1) })).area).toBe('area.tooLong');
  });

  it('counts Chinese characters as characters', () => {
    expect(errorsOf(form({ subject: '拖欠工资' })).subject).toBeUndefined();
    expect(errorsOf(form({ subject: '欠薪' })).subject).toBe('subject.tooShort');
  });

  it('accepts co-signer counts from 1 up, with full-width digits, and defaults an empty one to 1', () => {
    expect(errorsOf(form({ coSignerCount: '0' })).coSignerCount).toBe('coSignerCount.invalid');
    expect(errorsOf(form({ coSignerCount: '-3' })).coSignerCount).toBe('coSignerCount.invalid');
    expect(errorsOf(form({ coSignerCount: '2.5' })).coSignerCount).toBe('coSignerCount.invalid');
    expect(errorsOf(form({ coSignerCount: 'twelve' })).coSignerCount).toBe('coSignerCount.invalid');
    const fullWidth = validateSubmission(form({ coSignerCount: '１２' }));
    expect(fullWidth.ok && fullWidth.value.coSignerCount).toBe(12);
    const empty = validateSubmission(form({ coSignerCount: '' }));
    expect(empty.ok && empty.value.coSignerCount).toBe(1);
  });

  it('needs a name and a phone number or an email address', () => {
    expect(errorsOf(form({ name: '' })).name).toBe('name.required');
    expect(errorsOf(form({ phone: '', email: '' })).phone).toBe('phone.phoneOrEmail');
    expect(validateSubmission(form({ phone: '', email: 'li@example.com' })).ok).toBe(true);
    expect(errorsOf(form({ phone: '12' })).phone).toBe('phone.invalid');
  });

  it('takes a postal address alone from someone who asks for the reply by post', () => {
    const byPost = validateSubmission(
      form({ phone: '', email: '', postalAddress: '北京市东城区东四十条1号', preferredReplyChannel: 'POST' }),
    );
    expect(byPost.ok && [byPost.value.phone, byPost.value.email, byPost.value.postalAddress]).toEqual([
      null,
      null,
      '北京市东城区东四十条1号',
    ]);
    expect(errorsOf(form({ phone: '', email: '', postalAddress: '北京市东城区东四十条1号' })).phone).toBe('phone.phoneOrEmail');
    expect(errorsOf(form({ phone: '', email: '', preferredReplyChannel: 'POST' })).postalAddress).toBe('postalAddress.requiredForReply');
    expect(errorsOf(form({ email: 'not-an-email' })).email).toBe('email.invalid');
  });

  it('needs the contact detail that the chosen reply channel uses', () => {
    expect(errorsOf(form({ preferredReplyChannel: 'EMAIL' })).email).toBe('email.requiredForReply');
    expect(errorsOf(form({ preferredReplyChannel: 'PHONE', phone: '', email: 'a@b.cn' })).phone).toBe('phone.requiredForReply');
    expect(errorsOf(form({ preferredReplyChannel: 'POST' })).postalAddress).toBe('postalAddress.requiredForReply');
    expect(validateSubmission(form({ preferredReplyChannel: 'POST', postalAddress: '北京市东城区1号' })).ok).toBe(true);
    expect(errorsOf(form({ preferredReplyChannel: 'FAX' })).preferredReplyChannel).toBe('preferredReplyChannel.required');
  });

  it('follows up after the reply only with consent, by a channel whose contact detail was given (回访)', () => {
    const ok = validateSubmission(form());
    expect(ok.ok && ok.value.checkIn).toBe('NONE');
    const sms = validateSubmission(form({ checkIn: 'SMS' }));
    expect(sms.ok && sms.value.checkIn).toBe('SMS');
    expect(errorsOf(form({ checkIn: 'EMAIL' })).checkIn).toBe('checkIn.needs.EMAIL');
    expect(errorsOf(form({ checkIn: 'PHONE', phone: '', email: 'a@b.cn' })).checkIn).toBe('checkIn.needs.PHONE');
    expect(errorsOf(form({ checkIn: 'PIGEON' })).checkIn).toBe('checkIn.invalid');
  });

  it('requires consent to the privacy notice', () => {
    expect(errorsOf(form({ consent: undefined })).consent).toBe('consent.required');
    expect(errorsOf(form({ consent: 'no' })).consent).toBe('consent.required');
  });

  it('rejects unknown kinds and category ids that are not UUIDs', () => {
    expect(errorsOf(form({ kind: 'PETITION' })).kind).toBe('kind.required');
    expect(errorsOf(form({ categoryId: '1' })).categoryId).toBe('categoryId.required');
  });

  describe('anonymous reports', () => {
    // A report names whom it is about: here, a body the reporter does not know (arts. 22, 30).
    const anonymous = { kind: 'MISCONDUCT_REPORT', reportedUnit: 'unknown', anonymous: 'yes', name: '', phone: '', email: '' };

    it('lets a report of misconduct go without contact details', () => {
      const result = validateSubmission(form(anonymous));
      expect(result.ok).toBe(true);
    });

    it('drops any contact details typed into an anonymous report', () => {
      const result = validateSubmission(form({ ...anonymous, name: 'Someone', phone: '13812345678' }));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value).toMatchObject({ anonymous: true, name: null, phone: null, email: null, postalAddress: null });
    });

    it('refuses anonymity for every other kind', () => {
      for (const kind of ['SUGGESTION', 'OPINION', 'COMPLAINT', 'HELP_REQUEST', 'INQUIRY']) {
        expect(errorsOf(form({ ...anonymous, kind })).anonymous).toBe('anonymous.onlyMisconduct');
      }
    });

    it('cannot be followed up: there is nobody to ask', () => {
      expect(errorsOf(form({ ...anonymous, checkIn: 'SMS' })).checkIn).toBe('checkIn.anonymous');
    });

    it('is answered online only, because there is nobody to write to', () => {
      expect(errorsOf(form({ ...anonymous, preferredReplyChannel: 'EMAIL' })).preferredReplyChannel).toBe(
        'preferredReplyChannel.anonymousOnline',
      );
    });
  });

  describe('whom a report of misconduct is about (arts. 22, 30)', () => {
    const unit = '6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e';

    it('needs a unit, or "I don\'t know / another body", and keeps the official it names', () => {
      // Optional: no choice is "not known", as the explicit choice is.
      const unchosen = validateSubmission(form({ kind: 'MISCONDUCT_REPORT' }));
      expect(unchosen.ok && unchosen.value).toMatchObject({ reportedUnitId: null });
      expect(errorsOf(form({ kind: 'MISCONDUCT_REPORT', reportedUnit: 'police' })).reportedUnit).toBe('reportedUnit.required');
      const named = validateSubmission(form({ kind: 'MISCONDUCT_REPORT', reportedUnit: unit, reportedOfficial: ' 张某 ' }));
      expect(named.ok && named.value).toMatchObject({ reportedUnitId: unit, reportedOfficial: '张某' });
      const unknown = validateSubmission(form({ kind: 'MISCONDUCT_REPORT', reportedUnit: 'unknown' }));
      expect(unknown.ok && unknown.value).toMatchObject({ reportedUnitId: null, reportedOfficial: null });
    });

    it('is asked only of a report: another kind keeps nothing of it', () => {
      const complaint = validateSubmission(form({ kind: 'COMPLAINT', reportedUnit: unit, reportedOfficial: '张某' }));
      expect(complaint.ok && complaint.value).toMatchObject({ reportedUnitId: null, reportedOfficial: null });
      expect(errorsOf(form({ kind: 'MISCONDUCT_REPORT', reportedUnit: unit, reportedOfficial: '某'.repeat(201) })).reportedOfficial).toBe(
        'reportedOfficial.tooLong',
      );
    });
  });
});

describe('normalizePhone', () => {
  it.each([
    ['138 1234 5678', '13812345678'],
    ['010-1234-5678', '01012345678'],
    ['+86 138 1234 5678', '+8613812345678'],
    ['(010) 12345678', '01012345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['1234', 'phone', '138-1234-abcd', '+'])('rejects %s', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});
