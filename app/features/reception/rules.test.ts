import { describe, expect, it } from 'vitest';
import { encodeCrockford } from '#app/platform/codecs/crockford.ts';
import { randomBytes, seededRandom, toFullWidth } from '../../../tests/support/seeded-random.ts';
import { validateBooking } from './booking-form.ts';
import {
  MAX_REPRESENTATIVES,
  MAX_SLOTS_PER_DAY,
  buildBookingReference,
  buildCancelCode,
  canCancel,
  canRecordAttendance,
  dayCovers,
  formatCancelCode,
  freePlaces,
  generateSlotLines,
  parseBookingReference,
  parseCancelCode,
  parseSlotLines,
  slotState,
} from './rules.ts';

const REFERENCE = /^YY-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('booking references', () => {
  it('are YY- and 7 random Crockford characters with a check character', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(random, 5);
      const reference = buildBookingReference(bytes);
      expect(reference).toMatch(REFERENCE);
      expect(reference.replace(/-/g, '').slice(2, 9)).toBe(encodeCrockford(bytes, 7));
      expect(parseBookingReference(reference)).toBe(reference);
    }
  });

  it('are read back however they are typed: lower case, spaces, no prefix, full-width, look-alikes', () => {
    const reference = buildBookingReference(new Uint8Array([0x12, 0x34, 0x56, 0x78, 0x9a]));
    const compact = reference.replace(/-/g, '');
    expect(parseBookingReference(reference.toLowerCase())).toBe(reference);
    expect(parseBookingReference(compact.slice(2))).toBe(reference);
    expect(parseBookingReference(` ${compact.slice(0, 5)} ${compact.slice(5)} `)).toBe(reference);
    expect(parseBookingReference(toFullWidth(reference))).toBe(reference);
    const withO = reference.replace(/0/g, 'O');
    expect(parseBookingReference(withO)).toBe(reference);
  });

  it('catch every single mistyped character and every swap of neighbours', () => {
    const random = seededRandom(11);
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let t = 0; t < 50; t++) {
      const reference = buildBookingReference(randomBytes(random, 5));
      const body = reference.replace(/-/g, '').slice(2);
      for (let i = 0; i < body.length; i++) {
        for (const c of alphabet) {
          if (c === body[i]) continue;
          expect(parseBookingReference(`YY${body.slice(0, i)}${c}${body.slice(i + 1)}`)).toBeNull();
        }
        if (i + 1 < body.length && body[i] !== body[i + 1]) {
          const swapped = `${body.slice(0, i)}${body[i + 1]}${body[i]}${body.slice(i + 2)}`;
          expect(parseBookingReference(`YY${swapped}`)).toBeNull();
        }
      }
    }
  });

  it('refuse receipt numbers, short or long input', () => {
    expect(parseBookingReference('XF-2611-7KQ4-M2P7')).toBeNull();
    expect(parseBookingReference('YY-7KQ4')).toBeNull();
    expect(parseBookingReference('')).toBeNull();
  });
});

describe('cancel codes', () => {
  it('have the access code shape: 10 Crockford characters, shown in two groups', () => {
    const code = buildCancelCode(new Uint8Array([1, 2, 3, 4, 5, 6, 7]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(formatCancelCode(code)).toBe(`${code.slice(0, 5)}-${code.slice(5)}`);
    expect(parseCancelCode(formatCancelCode(code).toLowerCase())).toBe(code);
    expect(parseCancelCode('short')).toBeNull();
  });
});

describe('parseSlotLines', () => {
  it('reads start, end and places, skips blank lines and sorts by time', () => {
    expect(parseSlotLines('10:00-10:30 3\n\n 09:00 - 09:30 4 \r\n')).toEqual({
      ok: true,
      slots: [
        { start: 540, end: 570, capacity: 4 },
        { start: 600, end: 630, capacity: 3 },
      ],
    });
  });

  it('accepts what a Chinese keyboard types: full-width digits and colons, 至 and ～', () => {
    expect(parseSlotLines(toFullWidth('9:00-9:30 2'))).toEqual({ ok: true, slots: [{ start: 540, end: 570, capacity: 2 }] });
    expect(parseSlotLines('09：00至09：45 5')).toEqual({ ok: true, slots: [{ start: 540, end: 585, capacity: 5 }] });
    expect(parseSlotLines('14:00～14:30 1')).toEqual({ ok: true, slots: [{ start: 840, end: 870, capacity: 1 }] });
  });

  it('says what is wrong, and on which line', () => {
    expect(parseSlotLines('  \n ')).toEqual({ ok: false, error: 'required' });
    expect(parseSlotLines('09:00-09:30 4\nnine to ten 3')).toEqual({ ok: false, error: 'format', line: 2 });
    expect(parseSlotLines('09:00-09:30')).toEqual({ ok: false, error: 'format', line: 1 });
    expect(parseSlotLines('25:00-25:30 2')).toEqual({ ok: false, error: 'format', line: 1 });
    expect(parseSlotLines('10:00-09:30 2')).toEqual({ ok: false, error: 'order', line: 1 });
    expect(parseSlotLines('10:00-10:00 2')).toEqual({ ok: false, error: 'order', line: 1 });
    expect(parseSlotLines('09:00-09:30 0')).toEqual({ ok: false, error: 'capacity', line: 1 });
    expect(parseSlotLines('09:00-09:30 101')).toEqual({ ok: false, error: 'capacity', line: 1 });
    expect(parseSlotLines('09:00-10:00 2\n09:30-10:30 2')).toEqual({ ok: false, error: 'overlap', line: 2 });
  });

  it('lets slots meet end to start, and caps a day at MAX_SLOTS_PER_DAY', () => {
    expect(parseSlotLines('09:00-09:30 1\n09:30-10:00 1').ok).toBe(true);
    const many = Array.from(
      { length: MAX_SLOTS_PER_DAY + 1 },
      (_, i) => `${String(i % 24).padStart(2, '0')}:00-${String(i % 24).padStart(2, '0')}:10 1`,
    ).join('\n');
    expect(parseSlotLines(many)).toEqual({ ok: false, error: 'tooMany' });
  });

  it('reads back what generateSlotLines writes', () => {
    const lines = generateSlotLines(9 * 60, 11 * 60 + 30, 30, 4);
    expect(lines.split('\n')).toEqual(['09:00-09:30 4', '09:30-10:00 4', '10:00-10:30 4', '10:30-11:00 4', '11:00-11:30 4']);
    const parsed = parseSlotLines(lines);
    expect(parsed.ok && parsed.slots.length).toBe(5);
    // A last slot that would run past the end is left out.
    expect(generateSlotLines(9 * 60, 10 * 60 + 10, 30, 2).split('\n')).toHaveLength(2);
  });
});

describe('slots and days', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  const later = new Date('2026-12-01T03:00:00Z');
  it('free places never go below zero', () => {
    expect(freePlaces({ capacity: 4, bookedCount: 1 })).toBe(3);
    expect(freePlaces({ capacity: 4, bookedCount: 6 })).toBe(0);
  });

  it('a slot is open until it starts and while places are left', () => {
    expect(slotState({ startsAt: later, capacity: 2, bookedCount: 1 }, now)).toBe('open');
    expect(slotState({ startsAt: later, capacity: 2, bookedCount: 2 }, now)).toBe('full');
    expect(slotState({ startsAt: now, capacity: 2, bookedCount: 0 }, now)).toBe('closed');
  });

  it('a day that names no units or categories covers everything; otherwise unit or category must match', () => {
    expect(dayCovers({ unitIds: [], categoryIds: [] }, { unitId: null, categoryId: 'c1' })).toBe(true);
    expect(dayCovers({ unitIds: ['u1'], categoryIds: [] }, { unitId: 'u1', categoryId: 'c9' })).toBe(true);
    expect(dayCovers({ unitIds: [], categoryIds: ['c1'] }, { unitId: 'u9', categoryId: 'c1' })).toBe(true);
    expect(dayCovers({ unitIds: ['u1'], categoryIds: ['c1'] }, { unitId: 'u2', categoryId: 'c2' })).toBe(false);
    expect(dayCovers({ unitIds: ['u1'], categoryIds: [] }, { unitId: null, categoryId: 'c1' })).toBe(false);
  });
});

describe('cancelling and attendance', () => {
  const starts = new Date('2026-12-01T01:00:00Z');
  it('a standing booking is cancelled before its slot begins, not after', () => {
    expect(canCancel('BOOKED', starts, new Date('2026-12-01T00:59:59Z'))).toBe('ok');
    expect(canCancel('BOOKED', starts, starts)).toBe('tooLate');
    expect(canCancel('CANCELLED', starts, new Date('2026-11-30T00:00:00Z'))).toBe('alreadyCancelled');
    expect(canCancel('ATTENDED', starts, new Date('2026-11-30T00:00:00Z'))).toBe('tooLate');
  });

  it('attendance from the start of the day, never for a cancelled booking', () => {
    const dayStarts = new Date('2026-11-30T16:00:00Z');
    expect(canRecordAttendance('BOOKED', dayStarts, new Date('2026-11-30T15:59:59Z'))).toBe(false);
    expect(canRecordAttendance('BOOKED', dayStarts, dayStarts)).toBe(true);
    expect(canRecordAttendance('NO_SHOW', dayStarts, dayStarts)).toBe(true);
    expect(canRecordAttendance('CANCELLED', dayStarts, dayStarts)).toBe(false);
  });
});

describe('validateBooking', () => {
  const caseForm = { mode: 'CASE', receiptNo: 'XF-2611-7KQ4-M2P7', accessCode: 'ABCDE-FGHJK', representatives: '1' };
  const newForm = { mode: 'NEW', name: '王小明', phone: '138 1234 5678', topic: '小区噪音扰民', representatives: '' };

  it('accepts a booking for a case, and one for a new visit (people default to 1)', () => {
    expect(validateBooking(caseForm)).toEqual({
      ok: true,
      value: { mode: 'CASE', receiptNo: caseForm.receiptNo, accessCode: caseForm.accessCode, representatives: 1 },
    });
    expect(validateBooking(newForm)).toEqual({
      ok: true,
      value: { mode: 'NEW', name: '王小明', phone: '13812345678', topic: '小区噪音扰民', representatives: 1 },
    });
  });

  it(`allows up to ${MAX_REPRESENTATIVES} representatives (art. 20) and refuses more`, () => {
    for (const n of ['1', '2', '5', '５']) expect(validateBooking({ ...newForm, representatives: n }).ok, n).toBe(true);
    expect(validateBooking({ ...newForm, representatives: '6' })).toEqual({
      ok: false,
      errors: { representatives: 'representatives.tooMany' },
    });
    expect(validateBooking({ ...newForm, representatives: '120' })).toEqual({
      ok: false,
      errors: { representatives: 'representatives.tooMany' },
    });
    for (const n of ['0', '-1', '2.5', 'two']) {
      expect(validateBooking({ ...newForm, representatives: n }), n).toEqual({
        ok: false,
        errors: { representatives: 'representatives.invalid' },
      });
    }
  });

  it('asks for what the chosen way of booking needs, and only that', () => {
    expect(validateBooking({ mode: 'CASE' })).toEqual({
      ok: false,
      errors: { receiptNo: 'receiptNo.required', accessCode: 'accessCode.required' },
    });
    expect(validateBooking({ mode: 'NEW' })).toEqual({
      ok: false,
      errors: { name: 'name.required', phone: 'phone.required', topic: 'topic.required' },
    });
    expect(validateBooking({ ...newForm, phone: '12' })).toEqual({ ok: false, errors: { phone: 'phone.invalid' } });
    expect(validateBooking({ ...newForm, topic: 'x'.repeat(201) })).toEqual({ ok: false, errors: { topic: 'topic.tooLong' } });
  });

  it('needs a choice of mode, and reports every problem at once', () => {
    expect(validateBooking({ representatives: '9' })).toEqual({
      ok: false,
      errors: { mode: 'mode.required', representatives: 'representatives.tooMany' },
    });
  });
});
