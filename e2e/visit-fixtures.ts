// Reception days, bookings and notices for the e2e suite, written straight into the throwaway
// database that scripts/serve-throwaway.ts reports through its state file (as staff-accounts.ts does).
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { buildBookingReference } from '#app/features/reception/rules.ts';
import { serverState } from './server-state.ts';

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const { databaseUrl } = serverState();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day `daysFromToday` after today in Shanghai (the service's zone, UTC+8 all year). */
export function shanghaiDay(daysFromToday: number): string {
  return new Date(Date.now() + 8 * 60 * 60 * 1000 + daysFromToday * DAY_MS).toISOString().slice(0, 10);
}

export const uniqueTag = () => randomBytes(4).toString('hex').toUpperCase();

export interface SeededDay {
  dayId: string;
  date: string;
  place: string;
  slotIds: string[];
}

/** A reception day with slots given as Shanghai wall-clock times. */
export async function seedReceptionDay(options: {
  daysFromToday: number;
  published?: boolean;
  slots: { start: string; end: string; capacity: number }[];
}): Promise<SeededDay> {
  const date = shanghaiDay(options.daysFromToday);
  const tag = uniqueTag();
  const place = `Reception centre room ${tag}`;
  const dayId = randomUUID();
  return await withClient(async (client) => {
    await client.query(
      `INSERT INTO "ReceptionDay" (id, date, "placeZhHans", "placeZhHant", "placeEn", "officialZhHans", "officialZhHant", "officialEn", "unitIds", "categoryIds", published)
       VALUES ($1, $2::date, $3, $4, $5, '区长', '區長', 'District head', '{}', '{}', $6)`,
      [dayId, date, `信访接待中心 ${tag} 室 (${place})`, `信訪接待中心 ${tag} 室 (${place})`, place, options.published ?? true],
    );
    const slotIds: string[] = [];
    for (const slot of options.slots) {
      const id = randomUUID();
      await client.query(`INSERT INTO "ReceptionSlot" (id, "dayId", "startsAt", "endsAt", capacity) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        dayId,
        `${date}T${slot.start}:00+08:00`,
        `${date}T${slot.end}:00+08:00`,
        slot.capacity,
      ]);
      slotIds.push(id);
    }
    return { dayId, date, place, slotIds };
  });
}

/** A booking of a new visit, made straight in the database (its place taken as the app would). */
export async function seedNewVisitBooking(slotId: string, name: string): Promise<{ id: string; reference: string }> {
  const id = randomUUID();
  const reference = buildBookingReference(randomBytes(5));
  await withClient(async (client) => {
    await client.query('BEGIN');
    await client.query(`UPDATE "ReceptionSlot" SET "bookedCount" = "bookedCount" + 1 WHERE id = $1`, [slotId]);
    await client.query(
      `INSERT INTO "Appointment" (id, reference, "cancelCodeHash", "slotId", name, phone, topic, representatives)
       VALUES ($1, $2, $3, $4, $5, '13800001111', '楼道灯坏了 Stair lights broken', 2)`,
      [id, reference, '0'.repeat(64), slotId, name],
    );
    await client.query('COMMIT');
  });
  return { id, reference };
}

export async function appointmentByReference(
  reference: string,
): Promise<{ caseId: string | null; status: string; representatives: number } | null> {
  return await withClient(async (client) => {
    const result = await client.query<{ caseId: string | null; status: string; representatives: number }>(
      `SELECT "caseId", status::text AS status, representatives FROM "Appointment" WHERE reference = $1`,
      [reference],
    );
    return result.rows[0] ?? null;
  });
}

export async function caseIdOf(receiptNo: string): Promise<string | null> {
  return await withClient(async (client) => {
    const result = await client.query<{ id: string }>(`SELECT id FROM "Case" WHERE "receiptNo" = $1`, [receiptNo]);
    return result.rows[0]?.id ?? null;
  });
}

/** A notice in all three languages; each title carries the tag so a test finds its own. */
export async function seedNotice(options: {
  tag: string;
  publishedAt: Date;
  expiresAt?: Date | null;
}): Promise<{ id: string; titles: Record<'zh-Hans' | 'zh-Hant' | 'en', string> }> {
  const id = randomUUID();
  const titles = {
    'zh-Hans': `春节期间接待时间调整 ${options.tag}`,
    'zh-Hant': `春節期間接待時間調整 ${options.tag}`,
    en: `Reception hours over the Spring Festival ${options.tag}`,
  };
  await withClient(async (client) => {
    await client.query(
      `INSERT INTO "Notice" (id, kind, "titleZhHans", "titleZhHant", "titleEn", "bodyZhHans", "bodyZhHant", "bodyEn", "publishedAt", "expiresAt", "updatedAt")
       VALUES ($1, 'SERVICE_CHANGE', $2, $3, $4, $5, $6, $7, $8, $9, now())`,
      [
        id,
        titles['zh-Hans'],
        titles['zh-Hant'],
        titles.en,
        '春节期间（2月16日至2月22日）暂停现场接待。\n\n网上信访照常受理。',
        '春節期間（2月16日至2月22日）暫停現場接待。\n\n網上信訪照常受理。',
        'There is no in-person reception from 16 to 22 February.\n\nLetters sent online are received as usual.',
        options.publishedAt,
        options.expiresAt ?? null,
      ],
    );
  });
  return { id, titles };
}
