// The app's configuration, read once from the environment and validated.
import path from 'node:path';
import { z } from 'zod';
import { isTimeZone } from './time/civil-date.ts';

/** The app's settings. Each description is also the line .env.example gives it (npm run env:example). */
export const AppEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production').describe('`production` adds HSTS and Secure cookies.'),
  DATABASE_URL: z.string().min(1).describe('A PostgreSQL connection string (the embedded database when unset).'),
  SESSION_SECRET: z
    .string()
    .min(32, 'SESSION_SECRET must be at least 32 characters')
    .describe('Encrypts the short-lived receipt, track and notice cookies; at least 32 characters. Generated into DATA_DIR when unset.'),
  HMAC_KEY: z
    .string()
    .min(32, 'HMAC_KEY must be at least 32 characters')
    .describe('Keys the access-code hashes and contact fingerprints; at least 32 characters. Changing it invalidates every access code.'),
  TIME_ZONE: z
    .string()
    .default('Asia/Shanghai')
    .refine(isTimeZone, 'TIME_ZONE must be an IANA time zone, e.g. Asia/Shanghai')
    .describe('Whose calendar days the statutory clock counts, and the zone every date is shown in.'),
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('Secure cookies; true in production. Set to false only to serve plain HTTP on a host other than localhost.'),
  LOOKUP_RATE_LIMIT: z.coerce.number().int().positive().default(10).describe('Case lookups allowed per client address per window.'),
  LOOKUP_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(600).describe('The window of LOOKUP_RATE_LIMIT, in seconds.'),
  SUBMIT_RATE_LIMIT: z.coerce.number().int().positive().default(30).describe('Submissions allowed per client address per window.'),
  SUBMIT_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600).describe('The window of SUBMIT_RATE_LIMIT, in seconds.'),
  SIGN_IN_RATE_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(30)
    .describe('Staff sign-in attempts per client address per 15 minutes (each account has its own lockout too).'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port.'),
  PUBLIC_BASE_URL: blankAsUnset(z.url({ protocol: /^https?$/ }).optional()).describe(
    'The address people reach the site at; links in emails start with it. http://localhost:PORT when unset.',
  ),
  SMTP_URL: blankAsUnset(z.url({ protocol: /^smtps?$/ }).optional()).describe(
    'smtp://user:password@host:587 or smtps://…:465. Without it, mail is written as .eml files to OUTBOX_DIR.',
  ),
  MAIL_FROM: blankAsUnset(z.string().min(3).max(320).default('Petition Desk <no-reply@localhost>')).describe('The sender of every email.'),
  DATA_DIR: blankAsUnset(z.string().min(1).default('./.data')).describe(
    'Where the embedded database, generated secrets, outbox and uploads live.',
  ),
  OUTBOX_DIR: blankAsUnset(z.string().min(1).optional()).describe(
    'Where mail is written when SMTP_URL is unset (SMS in its sms folder when SMS_GATEWAY_URL is unset); DATA_DIR/outbox when unset.',
  ),
  NOTICE_FONT: z
    .string()
    .min(1)
    .default('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')
    .describe(
      "A TrueType font with Chinese characters for the written notices' PDF copies (Debian: apt-get install fonts-wqy-microhei). Without the file, staff print from the browser and no PDF is offered.",
    ),
  NOTICE_FONT_NAME: z
    .string()
    .min(1)
    .default('WenQuanYiMicroHei')
    .describe('The PostScript name of the font to use when NOTICE_FONT is a collection (.ttc).'),
  SMS_GATEWAY_URL: blankAsUnset(z.url({ protocol: /^https?$/ }).optional()).describe(
    'An HTTP SMS gateway: SMS notices are POSTed to it as JSON { to, text } (README, Configuration). Without it, each SMS is written as a file to OUTBOX_DIR/sms.',
  ),
  SMS_GATEWAY_KEY: blankAsUnset(z.string().min(1).max(4096).optional()).describe(
    "Sent to SMS_GATEWAY_URL as 'Authorization: Bearer <key>'.",
  ),
  SMS_GATEWAY_TEMPLATE: blankAsUnset(z.string().min(1).max(200).optional()).describe(
    "A provider's template id, passed through to SMS_GATEWAY_URL as template, with the notice's params.",
  ),
  SMS_GATEWAY_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(120_000)
    .default(10_000)
    .describe('How long to wait for SMS_GATEWAY_URL to answer before the send counts as failed and is retried.'),
  OUTBOX_POLL_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(600_000)
    .default(2000)
    .describe('How often the worker looks for messages to deliver.'),
  STORAGE_DRIVER: blankAsUnset(z.enum(['local', 's3']).default('local')).describe(
    "Where citizens' files are kept: the local disk (local) or an S3-compatible store (s3).",
  ),
  STORAGE_DIR: blankAsUnset(
    z
      .string()
      .min(1)
      .default(() => `${(process.env.DATA_DIR ?? './.data').replace(/\/+$/, '')}/uploads`),
  ).describe("The local driver's folder, outside public/; DATA_DIR/uploads when unset."),
  STORAGE_S3_ENDPOINT: blankAsUnset(z.url({ protocol: /^https?$/ }).optional()).describe(
    "The S3 driver's endpoint (path-style requests); AWS's for STORAGE_S3_REGION when unset (set it for MinIO and others).",
  ),
  STORAGE_S3_BUCKET: blankAsUnset(z.string().min(3).max(63).optional()).describe('The S3 bucket (required for s3).'),
  STORAGE_S3_REGION: blankAsUnset(z.string().min(1).max(64).optional()).describe('The S3 region (required for s3).'),
  STORAGE_S3_ACCESS_KEY_ID: blankAsUnset(z.string().min(1).optional()).describe('The S3 access key id (required for s3).'),
  STORAGE_S3_SECRET_ACCESS_KEY: blankAsUnset(z.string().min(1).optional()).describe('The S3 secret access key (required for s3).'),
});

/** An empty variable (`SMTP_URL=`) means "not set", as in most shells' habits. */
export function blankAsUnset<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema);
}

export type AppEnv = z.infer<typeof AppEnv> & { cookieSecure: boolean; publicBaseUrl: string; outboxDir: string };

let cached: AppEnv | undefined;

export function env(): AppEnv {
  if (cached) return cached;
  const parsed = AppEnv.parse(process.env);
  cached = {
    ...parsed,
    cookieSecure: parsed.COOKIE_SECURE ?? parsed.NODE_ENV === 'production',
    publicBaseUrl: (parsed.PUBLIC_BASE_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ''),
    outboxDir: parsed.OUTBOX_DIR ?? path.join(parsed.DATA_DIR, 'outbox'),
  };
  return cached;
}
