// Personal data kept no longer than the privacy notice promises (PIPL art. 19): once a period of the
// `retention` setting ends, the worker anonymises a closed case's contact details (masking them, and
// any other personal data, in the citizen's own letter first), deletes a closed
// case's files, clears a reception booking's name and phone number, and deletes old rate-limit
// counters and ended staff sessions. The case, its events and the statistics stay. One audit entry
// a run, with the counts. Safe to run twice or concurrently: each step selects only what is left.
import { storage } from '#app/features/attachments/storage/storage.server.ts';
import { audit } from '#app/features/audit/audit.server.ts';
import { maskLetterBeforeErasure } from '#app/features/cases/redaction.server.ts';
import { getSetting, type RetentionSettings } from '#app/features/settings/settings.server.ts';
import { db } from '#app/platform/db.server.ts';

const DAY = 86_400_000;
/** Cases handled in one go; the next run takes the rest. */
const BATCH = 500;

export interface RetentionReport {
  contacts: number;
  attachments: number;
  bookings: number;
  rateLimits: number;
  sessions: number;
}

/** `now` minus whole calendar years, in UTC (29 February falls back to 1 March, a day later, never earlier). */
function yearsBefore(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/** The cut-off dates of each period: anything that ended before its date is past its period. */
export function retentionCutoffs(settings: RetentionSettings, now: Date) {
  return {
    contact: yearsBefore(now, settings.contactYears),
    attachment: yearsBefore(now, settings.attachmentYears),
    booking: new Date(now.getTime() - settings.bookingDays * DAY),
    rateLimit: new Date(now.getTime() - settings.rateLimitDays * DAY),
    session: new Date(now.getTime() - settings.sessionDays * DAY),
  };
}

async function anonymiseContacts(before: Date, now: Date): Promise<number> {
  const due = await db().caseContact.findMany({
    where: { anonymisedAt: null, case: { closedAt: { lt: before } } },
    select: { caseId: true },
    take: BATCH,
  });
  for (const { caseId } of due) {
    await db().$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<unknown[]>`
        SELECT 1 FROM "CaseContact" WHERE "caseId" = ${caseId}::uuid AND "anonymisedAt" IS NULL FOR UPDATE SKIP LOCKED`;
      if (claimed.length === 0) return;
      const masked = await maskLetterBeforeErasure(tx, caseId);
      const done = await tx.caseContact.updateMany({
        where: { caseId, anonymisedAt: null },
        data: {
          name: '',
          phone: null,
          email: null,
          postalAddress: null,
          phoneFingerprint: null,
          emailFingerprint: null,
          anonymisedAt: now,
        },
      });
      if (done.count === 0) return;
      await tx.caseEvent.create({
        data: {
          caseId,
          type: 'PERSONAL_DATA_ERASED',
          visibility: 'INTERNAL',
          actorType: 'SYSTEM',
          data: { contact: true, maskedInLetter: masked },
          createdAt: now,
        },
      });
    });
  }
  return due.length;
}

async function deleteAttachments(before: Date): Promise<number> {
  const due = await db().attachment.findMany({
    where: { case: { closedAt: { lt: before } } },
    select: { id: true, storageKey: true },
    take: BATCH,
  });
  let deleted = 0;
  for (const file of due) {
    // The file first: a row without its file would promise a download that fails; a failed delete
    // keeps the row for the next run.
    await storage().delete(file.storageKey);
    deleted += (await db().attachment.deleteMany({ where: { id: file.id } })).count;
  }
  return deleted;
}

async function anonymiseBookings(before: Date, now: Date): Promise<number> {
  const done = await db().appointment.updateMany({
    where: { anonymisedAt: null, slot: { day: { date: { lt: before } } } },
    data: { name: null, phone: null, topic: null, anonymisedAt: now },
  });
  return done.count;
}

/** One run of the retention periods; `now` is a parameter so tests can move the clock. */
export async function runRetention(now = new Date()): Promise<RetentionReport> {
  const cutoffs = retentionCutoffs(await getSetting('retention', now.getTime()), now);
  const report: RetentionReport = {
    contacts: await anonymiseContacts(cutoffs.contact, now),
    attachments: await deleteAttachments(cutoffs.attachment),
    bookings: await anonymiseBookings(cutoffs.booking, now),
    rateLimits: (await db().rateLimitBucket.deleteMany({ where: { expiresAt: { lt: cutoffs.rateLimit } } })).count,
    sessions: (
      await db().staffSession.deleteMany({
        where: { OR: [{ revokedAt: { lt: cutoffs.session } }, { expiresAt: { lt: cutoffs.session } }] },
      })
    ).count,
  };
  await audit({ action: 'retention.purged', details: { ...report, at: now.toISOString() } });
  return report;
}
