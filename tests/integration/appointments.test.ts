// Booking and cancelling reception slots from the portal, against the real database: no
// over-booking however many people book at once, cancel codes that only the booker holds, the
// link to a case through receipt number and access code, and art. 20's limit of five representatives.
import { describe, expect, it } from 'vitest';
import { bookSlot, cancelBooking, cancelCodeHash, handleBooking, handleCancel } from '#app/features/reception/booking.server.ts';
import { upcomingReceptionDays } from '#app/features/reception/portal-days.server.ts';
import { formatCancelCode } from '#app/features/reception/rules.ts';
import { db } from '#app/platform/db.server.ts';
import { NotFoundError } from '#app/platform/http/errors.ts';
import * as visitsRoute from '#app/routes/_portal+/visits._index.tsx';
import * as bookRoute from '#app/routes/_portal+/visits.book.$slotId.tsx';
import * as confirmationRoute from '#app/routes/_portal+/visits.confirmation.tsx';
import { newIdempotencyKey } from '../support/fixtures.ts';
import { asBrowserWouldSend, loadContext, statusOf } from '../support/office-requests.ts';
import { bookingForm, caseWithCode, clientIp, newVisit, payloadOf, receptionDay } from '../support/visit-fixtures.ts';

const booked = async (slotId: string) => (await db().receptionSlot.findUniqueOrThrow({ where: { id: slotId } })).bookedCount;
const request = () => ({ clientIp: clientIp(), locale: 'zh-Hans' as const });

describe('no over-booking under concurrent requests', () => {
  it('of 40 people booking a slot of 7 places at the same moment, exactly 7 get one', async () => {
    const day = await receptionDay({ slots: [{ start: '10:00', end: '10:30', capacity: 7 }] });
    const slot = day.slots[0]!;
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => handleBooking(slot.id, newVisit({ name: `访客${i}` }), request())),
    );
    const succeeded = outcomes.filter((o) => o.ok);
    const refused = outcomes.filter((o) => !o.ok);
    expect(succeeded).toHaveLength(7);
    expect(refused).toHaveLength(33);
    for (const outcome of refused) expect(outcome).toMatchObject({ ok: false, status: 409, formError: 'full' });
    expect(await booked(slot.id)).toBe(7);
    expect(await db().appointment.count({ where: { slotId: slot.id, status: 'BOOKED' } })).toBe(7);
    // Every winner has a reference of its own.
    const references = new Set(succeeded.map((o) => (o.ok ? o.booking.reference : '')));
    expect(references.size).toBe(7);
  });

  it('holds through the data layer too: 25 concurrent bookSlot calls for 3 places, all different people', async () => {
    const day = await receptionDay({ slots: [{ start: '11:00', end: '11:30', capacity: 3 }] });
    const slot = day.slots[0]!;
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        bookSlot({
          slotId: slot.id,
          idempotencyKey: newIdempotencyKey(),
          caseId: null,
          name: `N${i}`,
          phone: '13800000000',
          topic: 't',
          representatives: 1,
          locale: 'en',
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'full')).toHaveLength(22);
    expect(await booked(slot.id)).toBe(3);
  });

  it('a double click (the same form sent five times at once) takes one place and gives one booking', async () => {
    const day = await receptionDay({ slots: [{ start: '12:00', end: '12:30', capacity: 1 }] });
    const slot = day.slots[0]!;
    const key = newIdempotencyKey();
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => handleBooking(slot.id, newVisit({ idempotencyKey: key }), request())),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const references = new Set(outcomes.map((o) => (o.ok ? o.booking.reference : '')));
    expect(references.size).toBe(1);
    expect(outcomes.filter((o) => o.ok && o.booking.created)).toHaveLength(1);
    // Each answer can show the same cancel code (within the replay window).
    const codes = new Set(outcomes.map((o) => (o.ok ? o.booking.cancelCode : null)));
    expect(codes.size).toBe(1);
    expect(await booked(slot.id)).toBe(1);
    expect(await db().appointment.count({ where: { slotId: slot.id } })).toBe(1);
  });
});

describe('cancelling', () => {
  it('needs the right cancel code, frees the place, and works once', async () => {
    const day = await receptionDay({ slots: [{ start: '09:00', end: '09:30', capacity: 1 }] });
    const slot = day.slots[0]!;
    const first = await handleBooking(slot.id, newVisit(), request());
    if (!first.ok) throw new Error('booking failed');
    const { reference, cancelCode } = first.booking;
    expect(cancelCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);

    // Full now: nobody else gets the place.
    expect(await handleBooking(slot.id, newVisit(), request())).toMatchObject({ ok: false, formError: 'full' });

    // A wrong code (well-formed or not) and an unknown reference change nothing and say the same.
    const wrong = cancelCode!.slice(0, 9) + (cancelCode!.endsWith('0') ? '1' : '0');
    expect(await cancelBooking(reference, wrong)).toBe('noMatch');
    expect(await cancelBooking(reference, 'nonsense')).toBe('noMatch');
    expect(await cancelBooking('YY-0000-0000', cancelCode!)).toBe('noMatch');
    expect(await booked(slot.id)).toBe(1);
    expect((await db().appointment.findUniqueOrThrow({ where: { reference } })).status).toBe('BOOKED');

    // The right code, typed as people type it, through the form handler.
    const form = new FormData();
    form.set('reference', reference.toLowerCase().replace(/-/g, ' '));
    form.set('cancelCode', formatCancelCode(cancelCode!).toLowerCase());
    expect(await handleCancel(form, { clientIp: clientIp() })).toEqual({ ok: true, reference });
    const row = await db().appointment.findUniqueOrThrow({ where: { reference } });
    expect(row.status).toBe('CANCELLED');
    expect(row.cancelledAt).not.toBeNull();
    expect(await booked(slot.id)).toBe(0);

    // Once only; and the freed place can be booked again.
    expect(await cancelBooking(reference, cancelCode!)).toBe('alreadyCancelled');
    expect(await booked(slot.id)).toBe(0);
    expect((await handleBooking(slot.id, newVisit(), request())).ok).toBe(true);
    expect(await booked(slot.id)).toBe(1);
  });

  it('is refused once the slot has begun', async () => {
    const day = await receptionDay({ slots: [{ start: '09:00', end: '09:30', capacity: 2 }] });
    const slot = day.slots[0]!;
    const outcome = await handleBooking(slot.id, newVisit(), request());
    if (!outcome.ok) throw new Error('booking failed');
    expect(await cancelBooking(outcome.booking.reference, outcome.booking.cancelCode!, new Date(slot.startsAt.getTime() + 1000))).toBe(
      'tooLate',
    );
    expect(await booked(slot.id)).toBe(1);
  });

  it('stores only the HMAC of the cancel code', async () => {
    const day = await receptionDay();
    const outcome = await handleBooking(day.slots[0]!.id, newVisit(), request());
    if (!outcome.ok) throw new Error('booking failed');
    const row = await db().appointment.findUniqueOrThrow({ where: { reference: outcome.booking.reference } });
    expect(row.cancelCodeHash).toBe(cancelCodeHash(outcome.booking.cancelCode!));
    expect(JSON.stringify(row)).not.toContain(outcome.booking.cancelCode!);
  });

  it('is rate limited per address', async () => {
    const ip = clientIp();
    const form = () => {
      const f = new FormData();
      f.set('reference', 'YY-0000-0000');
      f.set('cancelCode', 'ABCDEFGHJK');
      return f;
    };
    // LOOKUP_RATE_LIMIT defaults to 10 a window.
    for (let i = 0; i < 10; i++) {
      expect(await handleCancel(form(), { clientIp: ip })).toMatchObject({ ok: false, errors: { reference: 'noMatch' } });
    }
    expect(await handleCancel(form(), { clientIp: ip })).toMatchObject({ ok: false, status: 429, errors: { reference: 'tooMany' } });
  });
});

describe('booking with a receipt number and access code', () => {
  it('links the booking to the case', async () => {
    const day = await receptionDay();
    const slot = day.slots[0]!;
    const { caseId, receiptNo, accessCode } = await caseWithCode();
    const outcome = await handleBooking(slot.id, bookingForm({ mode: 'CASE', receiptNo, accessCode, representatives: '2' }), request());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const row = await db().appointment.findUniqueOrThrow({ where: { reference: outcome.booking.reference } });
    expect(row).toMatchObject({ caseId, representatives: 2, name: null, phone: null, status: 'BOOKED' });
  });

  it('refuses a wrong access code, or a receipt number of nothing, with one message, booking nothing', async () => {
    const day = await receptionDay();
    const slot = day.slots[0]!;
    const { receiptNo, accessCode } = await caseWithCode();
    const wrongCode = accessCode.slice(0, 9) + (accessCode.endsWith('0') ? '1' : '0');
    for (const fields of [
      { receiptNo, accessCode: wrongCode },
      { receiptNo: 'XF-2611-0000-0000', accessCode },
      { receiptNo: 'not a receipt', accessCode },
    ]) {
      const outcome = await handleBooking(slot.id, bookingForm({ mode: 'CASE', ...fields }), request());
      expect(outcome).toMatchObject({ ok: false, status: 400, errors: { receiptNo: 'receiptNo.noMatch' } });
      // The access code typed is never sent back into the page.
      if (!outcome.ok) expect(outcome.values.accessCode).toBeUndefined();
    }
    expect(await booked(slot.id)).toBe(0);
    expect(await db().appointment.count({ where: { slotId: slot.id } })).toBe(0);
  });

  it('counts against the same per-address budget as the track page', async () => {
    const day = await receptionDay();
    const ip = clientIp();
    const { receiptNo } = await caseWithCode();
    for (let i = 0; i < 10; i++) {
      const outcome = await handleBooking(day.slots[0]!.id, bookingForm({ mode: 'CASE', receiptNo, accessCode: 'ABCDEFGHJK' }), {
        clientIp: ip,
        locale: 'zh-Hans',
      });
      expect(outcome).toMatchObject({ ok: false, errors: { receiptNo: 'receiptNo.noMatch' } });
    }
    const limited = await handleBooking(day.slots[0]!.id, bookingForm({ mode: 'CASE', receiptNo, accessCode: 'ABCDEFGHJK' }), {
      clientIp: ip,
      locale: 'zh-Hans',
    });
    expect(limited).toMatchObject({ ok: false, status: 429, formError: 'tooMany' });
  });

  it('gives a case one standing booking at a time', async () => {
    const day = await receptionDay({
      slots: [
        { start: '09:00', end: '09:30', capacity: 5 },
        { start: '10:00', end: '10:30', capacity: 5 },
      ],
    });
    const { receiptNo, accessCode } = await caseWithCode();
    const form = () => bookingForm({ mode: 'CASE', receiptNo, accessCode });
    expect((await handleBooking(day.slots[0]!.id, form(), request())).ok).toBe(true);
    expect(await handleBooking(day.slots[1]!.id, form(), request())).toMatchObject({
      ok: false,
      status: 409,
      formError: 'caseAlreadyBooked',
    });
    expect(await booked(day.slots[1]!.id)).toBe(0);
  });

  it('only on a day that covers the case', async () => {
    const other = await db().category.findFirstOrThrow({ where: { code: { not: 'wage-arrears' } } });
    const day = await receptionDay({ categoryIds: [other.id] });
    const { receiptNo, accessCode } = await caseWithCode();
    const outcome = await handleBooking(day.slots[0]!.id, bookingForm({ mode: 'CASE', receiptNo, accessCode }), request());
    expect(outcome).toMatchObject({ ok: false, status: 409, formError: 'notCovered' });
    expect(await booked(day.slots[0]!.id)).toBe(0);
  });
});

describe('representatives (art. 20)', () => {
  it('refuses more than five, booking nothing; five are fine', async () => {
    const day = await receptionDay({ slots: [{ start: '09:00', end: '09:30', capacity: 3 }] });
    const slot = day.slots[0]!;
    for (const representatives of ['6', '20']) {
      const outcome = await handleBooking(slot.id, newVisit({ representatives }), request());
      expect(outcome).toMatchObject({ ok: false, status: 400, errors: { representatives: 'representatives.tooMany' } });
      if (!outcome.ok) expect(outcome.values.representatives).toBe(representatives);
    }
    expect(await booked(slot.id)).toBe(0);
    const five = await handleBooking(slot.id, newVisit({ representatives: '5' }), request());
    expect(five.ok).toBe(true);
    if (five.ok)
      expect((await db().appointment.findUniqueOrThrow({ where: { reference: five.booking.reference } })).representatives).toBe(5);
  });
});

describe('what citizens can book', () => {
  it('not a slot of an unpublished day, nor one that has begun', async () => {
    const draft = await receptionDay({ published: false });
    // Not there for citizens: a 404, like a slot that does not exist.
    await expect(handleBooking(draft.slots[0]!.id, newVisit(), request())).rejects.toBeInstanceOf(NotFoundError);
    const published = await receptionDay();
    const slot = published.slots[0]!;
    const late = await handleBooking(slot.id, newVisit(), { ...request(), now: new Date(slot.startsAt.getTime() + 60_000) });
    expect(late).toMatchObject({ ok: false, status: 409, formError: 'closed' });
    expect(await booked(slot.id)).toBe(0);
  });

  it('lists published days to come with the places left; never drafts', async () => {
    const published = await receptionDay({ slots: [{ start: '09:00', end: '09:30', capacity: 2 }] });
    const draft = await receptionDay({ published: false });
    const past = await receptionDay({ daysFromToday: -2 });
    await handleBooking(published.slots[0]!.id, newVisit(), request());
    const days = await upcomingReceptionDays('en');
    const ids = days.map((d) => d.id);
    expect(ids).toContain(published.dayId);
    expect(ids).not.toContain(draft.dayId);
    expect(ids).not.toContain(past.dayId);
    const listed = days.find((d) => d.id === published.dayId)!;
    expect(listed.slots[0]).toMatchObject({ free: 1, capacity: 2, state: 'open' });
    expect(listed.official).toBe('District head');

    const loaded = payloadOf<{ days: { id: string }[] }>(
      await visitsRoute.loader({ request: new Request('http://localhost/visits'), params: {}, context: loadContext }),
    );
    expect(loaded.days.map((d) => d.id)).not.toContain(draft.dayId);
  });

  it('the booking page of a draft day does not exist', async () => {
    const draft = await receptionDay({ published: false });
    const thrown = await bookRoute
      .loader({
        request: new Request(`http://localhost/visits/book/${draft.slots[0]!.id}`),
        params: { slotId: draft.slots[0]!.id },
        context: loadContext,
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });
});

describe('the confirmation page', () => {
  it('gets the reference and cancel code through a sealed cookie, never the URL', async () => {
    const day = await receptionDay();
    const slot = day.slots[0]!;
    const response = await bookRoute.action({
      request: new Request(`http://localhost/visits/book/${slot.id}`, {
        method: 'POST',
        body: asBrowserWouldSend(newVisit({ representatives: '3' })),
      }),
      params: { slotId: slot.id },
      context: { clientIp: clientIp(), cspNonce: 'test' },
    });
    expect(response).toBeInstanceOf(Response);
    const redirect = response as Response;
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('Location')).toBe('/visits/confirmation');
    const cookie = redirect.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/^pd_booking=[A-Za-z0-9_-]+; Path=\/; HttpOnly; SameSite=Lax/);

    const page = payloadOf<{ booking: { reference: string; representatives: number } | null; cancelCode: string | null }>(
      await confirmationRoute.loader({
        request: new Request('http://localhost/visits/confirmation', { headers: { Cookie: cookie.split(';')[0]! } }),
        params: {},
        context: loadContext,
      }),
    );
    expect(page.booking?.reference).toMatch(/^YY-/);
    expect(page.booking?.representatives).toBe(3);
    const row = await db().appointment.findUniqueOrThrow({ where: { reference: page.booking!.reference } });
    expect(row.cancelCodeHash).toBe(cancelCodeHash(page.cancelCode!));
    expect(cookie).not.toContain(page.cancelCode!);

    const without = payloadOf<{ booking: unknown }>(
      await confirmationRoute.loader({ request: new Request('http://localhost/visits/confirmation'), params: {}, context: loadContext }),
    );
    expect(without.booking).toBeNull();
  });
});

describe('a form key used again on another slot', () => {
  it('is refused as an expired form (not a 500), with a fresh key that then books', async () => {
    const day = await receptionDay({
      slots: [
        { start: '09:00', end: '09:30', capacity: 2 },
        { start: '10:00', end: '10:30', capacity: 2 },
      ],
    });
    const [first, second] = [day.slots[0]!, day.slots[1]!];
    const key = newIdempotencyKey();
    expect((await handleBooking(first.id, newVisit({ idempotencyKey: key }), request())).ok).toBe(true);

    const again = await handleBooking(second.id, newVisit({ idempotencyKey: key }), request());
    expect(again).toMatchObject({ ok: false, status: 400, formError: 'expired', values: { name: '王小明' } });
    expect(await booked(second.id)).toBe(0);
    const fresh = again.ok ? '' : (again.values.idempotencyKey ?? '');
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
    expect(fresh).not.toBe(key);

    // Through the page's action too: the form comes back with its message, not an error page.
    const status = await statusOf(() =>
      bookRoute.action({
        request: new Request(`http://localhost/visits/book/${second.id}`, {
          method: 'POST',
          body: asBrowserWouldSend(newVisit({ idempotencyKey: key })),
        }),
        params: { slotId: second.id },
        context: { clientIp: clientIp(), cspNonce: 'test' },
      }),
    );
    expect(status).toBe(400);

    // Sent again with the fresh key, the booking is made.
    expect((await handleBooking(second.id, newVisit({ idempotencyKey: fresh }), request())).ok).toBe(true);
    expect(await booked(second.id)).toBe(1);
    expect(await booked(first.id)).toBe(1);
  });
});
