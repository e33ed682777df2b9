// My account: what the signed-in person sees of their own account, and their choice of which
// email notifications to receive (red alerts always reach them; see staffWantsMessage).
import { z } from 'zod';
import { mutedAfterSave, topicsForRole } from '#app/features/notifications/preferences.ts';
import { STAFF_TOPICS, type StaffTopic } from '#app/features/notifications/topics.ts';
import { localizedName } from '#app/i18n/localized.ts';
import { db } from '#app/platform/db.server.ts';
import { parseForm, type RawForm } from '#app/platform/http/forms.ts';
import { requiresSecondFactor, type Actor } from './permissions.ts';
import type { Locale } from '#app/i18n/config.ts';

export interface MyAccount {
  name: string;
  email: string;
  role: Actor['role'];
  unit: string | null;
  twoFactorRequired: boolean;
  twoFactorSince: string | null;
  recoveryCodesLeft: number;
  /** The topics this role can hear about, each with whether it is on. */
  topics: { topic: StaffTopic; on: boolean }[];
}

export async function myAccount(actor: Actor & { name: string; email: string }, locale: Locale): Promise<MyAccount> {
  const user = await db().staffUser.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      totpEnabledAt: true,
      recoveryCodeHashes: true,
      mutedNotifications: true,
      unit: { select: { nameZhHans: true, nameZhHant: true, nameEn: true } },
    },
  });
  return {
    name: actor.name,
    email: actor.email,
    role: actor.role,
    unit: user.unit ? localizedName(user.unit, locale) : null,
    twoFactorRequired: requiresSecondFactor(actor.role),
    twoFactorSince: user.totpEnabledAt?.toISOString() ?? null,
    recoveryCodesLeft: user.recoveryCodeHashes.length,
    topics: topicsForRole(actor.role).map((topic) => ({ topic, on: !user.mutedNotifications.includes(topic) })),
  };
}

/** The preferences form: a checked box ("on") keeps a topic; an absent one turns it off. */
const On = z.literal('on').optional();
const PreferencesForm = z.object({
  assignment: On,
  warningAlert: On,
  dueSoon: On,
  overdueDigest: On,
  reports: On,
  checkIn: On,
} satisfies Record<StaffTopic, typeof On>);

/** Saves the switches the form offered; false when the post is not that form. */
export async function saveNotificationPreferences(actor: Actor, form: RawForm | URLSearchParams): Promise<boolean> {
  const parsed = parseForm(form, PreferencesForm);
  if (!parsed.ok) return false;
  const enabled = new Set(STAFF_TOPICS.filter((topic) => parsed.value[topic] === 'on'));
  await db().$transaction(async (tx) => {
    const user = await tx.staffUser.findUniqueOrThrow({ where: { id: actor.id }, select: { mutedNotifications: true } });
    await tx.staffUser.update({
      where: { id: actor.id },
      data: { mutedNotifications: mutedAfterSave(user.mutedNotifications, topicsForRole(actor.role), enabled) },
    });
  });
  return true;
}
