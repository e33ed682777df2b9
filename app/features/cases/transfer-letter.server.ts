// The transfer letter (转送函) of a forwarded case, for the staff who may see the case: what goes to
// the other agency, with the citizen's personal data masked by default (transfer-letter.ts), and
// the unmasking of a span for the letter by whoever may forward the case, each with a reason, as an
// internal case event and one audit entry a span (arts. 30, 46(5); PIPL).
import { z } from 'zod';
import { audit } from '#app/features/audit/audit.server.ts';
import { canUnmaskForTransfer, type Actor } from '#app/features/staff/permissions.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import { ForbiddenError, NotFoundError } from '#app/platform/http/errors.ts';
import { parseForm, type FormInput } from '#app/platform/http/forms.ts';
import { refused, type Outcome } from '#app/platform/http/outcome.server.ts';
import { recordOpening } from './case-page.server.ts';
import { knownDetailsOf } from './redaction.server.ts';
import { caseForActor, scopeOf, type CaseRow } from './staff-actions.server.ts';
import { letterTexts, spansToUnmask, UnmaskRecord, unmaskedKeys, type UnmaskField } from './transfer-letter.ts';
import type { Locale } from '#app/i18n/config.ts';

/** The case, if the actor may see it and it was forwarded; otherwise there is no letter (404). */
async function forwardedCase(actor: Actor, caseId: string): Promise<CaseRow & { transferredTo: string }> {
  const row = await caseForActor(actor, caseId);
  if (row.status !== 'TRANSFERRED' || row.transferredTo === null) throw new NotFoundError('transfer letter');
  return { ...row, transferredTo: row.transferredTo };
}

async function unmaskEvents(caseId: string) {
  return await db().caseEvent.findMany({
    where: { caseId, type: 'TRANSFER_UNMASKED' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { actorId: true, data: true, createdAt: true },
  });
}

export async function transferLetterPage(actor: Actor, caseId: string, locale: Locale, now = new Date()) {
  const row = await forwardedCase(actor, caseId);
  await recordOpening(actor, row, now);
  const [category, forwarded, events, known] = await Promise.all([
    db().category.findUniqueOrThrow({ where: { id: row.categoryId } }),
    db().caseEvent.findFirst({
      where: { caseId, type: 'FORWARDED' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { actorId: true, createdAt: true },
    }),
    unmaskEvents(caseId),
    knownDetailsOf(caseId),
  ]);
  const staffIds = [...new Set([forwarded?.actorId, ...events.map((e) => e.actorId)].filter((id): id is string => Boolean(id)))];
  const staff = await db().staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true, unit: true } });
  // The letter goes out from the unit of whoever forwarded the case; without one, the page names
  // the office in general words.
  const forwarder = staff.find((s) => s.id === forwarded?.actorId);
  const unmasked = new Map<string, { reason: string; by: string | null; at: Date }>();
  for (const event of events) {
    const record = UnmaskRecord.safeParse(event.data);
    if (!record.success) continue;
    const by = staff.find((s) => s.id === event.actorId)?.name ?? null;
    for (const span of record.data.spans) unmasked.set(span.key, { reason: record.data.reason, by, at: event.createdAt });
  }
  const { pieces, spans } = letterTexts({ subject: row.subject, body: row.body }, known, new Set(unmasked.keys()));
  return {
    caseId: row.id,
    receiptNo: row.receiptNo,
    kind: row.kind,
    category: localizedName(category, locale),
    agency: row.transferredTo,
    office: forwarder?.unit ? localizedName(forwarder.unit, locale) : null,
    forwardedAt: forwarded?.createdAt ?? row.closedAt ?? now,
    pieces,
    spans: spans.map((span) => ({ ...span, unmasked: unmasked.get(span.key) ?? null })),
    canUnmask: canUnmaskForTransfer(actor, scopeOf(row)),
  };
}

export type TransferLetterPage = Awaited<ReturnType<typeof transferLetterPage>>;

const UnmaskPost = z.object({
  // Ticked boxes arrive as one value or several; none ticked is no value at all ("required").
  spans: z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.string().max(40, { error: 'unknown' })).max(500, { error: 'unknown' })),
  reason: z.string().trim().min(1, { error: 'required' }).max(2000, { error: 'tooLong' }),
});

/**
 * Shows the chosen masked spans on the case's transfer letter, with the reason: an internal case
 * event (the record the letter reads) and one `transfer.unmasked` audit entry a span, in one
 * transaction with the case row locked, so a retry or a double post unmasks each span once. Neither
 * records the unmasked text itself: only which span it was, of what kind, and why.
 */
export async function unmaskForTransfer(
  actor: Actor,
  caseId: string,
  form: FormInput,
  context: { ipAddress: string },
  now = new Date(),
): Promise<Outcome<UnmaskField>> {
  const row = await forwardedCase(actor, caseId);
  if (!canUnmaskForTransfer(actor, scopeOf(row))) throw new ForbiddenError('unmask for transfer');
  const parsed = parseForm(form, UnmaskPost);
  if (!parsed.ok) return refused<UnmaskField>(parsed);
  const { spans: requested, reason } = parsed.value;
  const known = await knownDetailsOf(caseId);
  return await db().$transaction(async (tx): Promise<Outcome<UnmaskField>> => {
    await tx.$queryRaw`SELECT "id" FROM "Case" WHERE "id" = ${caseId}::uuid FOR UPDATE`;
    const events = await tx.caseEvent.findMany({ where: { caseId, type: 'TRANSFER_UNMASKED' }, select: { data: true } });
    const already = unmaskedKeys(events.map((e) => e.data));
    const { spans } = letterTexts({ subject: row.subject, body: row.body }, known, already);
    const chosen = spansToUnmask(requested, spans, already);
    if (chosen.unknown) return refused<UnmaskField>({ errors: { spans: 'unknown' }, values: parsed.values }, 422);
    if (chosen.fresh.length === 0) return { ok: true, notice: { key: 'office:transfer.done.already' } };
    const record: UnmaskRecord = { spans: chosen.fresh.map((span) => ({ key: span.key, kind: span.kind })), reason };
    await tx.caseEvent.create({
      data: {
        caseId,
        type: 'TRANSFER_UNMASKED',
        visibility: 'INTERNAL',
        actorType: 'STAFF',
        actorId: actor.id,
        fromStatus: row.status,
        toStatus: row.status,
        message: reason,
        data: record,
        createdAt: now,
      },
    });
    for (const span of chosen.fresh) {
      await audit(
        {
          action: 'transfer.unmasked',
          actorId: actor.id,
          targetType: 'Case',
          targetId: caseId,
          ipAddress: context.ipAddress,
          details: { receiptNo: row.receiptNo, agency: row.transferredTo, span: span.key, kind: span.kind, reason },
        },
        tx,
      );
    }
    return { ok: true, notice: { key: 'office:transfer.done.unmasked' } };
  });
}
