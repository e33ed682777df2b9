// The app's configuration, read once from the environment and validated.
import path from 'node:path';
import { z } from 'zod';
import { isTimeZone } from './time/civil-date.ts';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  DATABASE_URL: z.string().min(1),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters'),
  HMAC_KEY: z.string().min(32, 'HMAC_KEY must be at least 32 characters'),
  /** Whose calendar days the statutory clock counts, and the zone every date is shown in. */
  TIME_ZONE: z.string().default('Asia/Shanghai').refine(isTimeZone, 'TIME_ZONE must be an IANA time zone, e.g. Asia/Shanghai'),
  /** Set to false when serving plain HTTP on something other than localhost. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  LOOKUP_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  LOOKUP_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
  SUBMIT_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  SUBMIT_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
  /** Staff sign-in attempts per client address per 15 minutes (each account has its own lockout too). */
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where people reach the site; links in emails start with it. Defaults to http://localhost:PORT. */
  PUBLIC_BASE_URL: blankAsUnset(z.url({ protocol: /^https?$/ }).optional()),
  /** smtp:// or smtps:// with credentials; without it, mail is written as .eml files to OUTBOX_DIR. */
  SMTP_URL: blankAsUnset(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: blankAsUnset(z.string().min(3).max(320).default('Petition Desk <no-reply@localhost>')),
  DATA_DIR: blankAsUnset(z.string().min(1).default('./.data')),
  /** Where mail is written when SMTP_URL is unset; <DATA_DIR>/outbox by default. */
  OUTBOX_DIR: blankAsUnset(z.string().min(1).optional()),
  /** How often the worker looks for messages to deliver. */
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  /** Where citizens' files are kept: the local disk (default) or an S3-compatible store. */
  STORAGE_DRIVER: blankAsUnset(z.enum(['local', 's3']).default('local')),
  /** The local driver's folder, outside public/: uploads/ under DATA_DIR, i.e. ./.data/uploads by default. */
  STORAGE_DIR: blankAsUnset(
    z
      .string()
      .min(1)
      .default(() => `${(process.env.DATA_DIR ?? './.data').replace(/\/+$/, '')}/uploads`),
  ),
  /** The S3 driver's endpoint (path-style requests); defaults to AWS's endpoint for STORAGE_S3_REGION. */
  STORAGE_S3_ENDPOINT: blankAsUnset(z.url({ protocol: /^https?$/ }).optional()),
  STORAGE_S3_BUCKET: blankAsUnset(z.string().min(3).max(63).optional()),
  STORAGE_S3_REGION: blankAsUnset(z.string().min(1).max(64).optional()),
  STORAGE_S3_ACCESS_KEY_ID: blankAsUnset(z.string().min(1).optional()),
  STORAGE_S3_SECRET_ACCESS_KEY: blankAsUnset(z.string().min(1).optional()),
});

/** An empty variable (`SMTP_URL=`) means "not set", as in most shells' habits. */
function blankAsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema);
}

export type AppEnv = z.infer<typeof Env> & { cookieSecure: boolean; publicBaseUrl: string; outboxDir: string };

let cached: AppEnv | undefined;

export function env(): AppEnv {
  if (cached) return cached;
  const parsed = Env.parse(process.env);
  cached = {
    ...parsed,
    cookieSecure: parsed.COOKIE_SECURE ?? parsed.NODE_ENV === 'production',
    publicBaseUrl: (parsed.PUBLIC_BASE_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ''),
    outboxDir: parsed.OUTBOX_DIR ?? path.join(parsed.DATA_DIR, 'outbox'),
  };
  return cached;
}
