// The app's configuration, read once from the environment and validated.
import { z } from 'zod';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  DATABASE_URL: z.string().min(1),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters'),
  HMAC_KEY: z.string().min(32, 'HMAC_KEY must be at least 32 characters'),
  TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** Set to false when serving plain HTTP on something other than localhost. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  LOOKUP_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  LOOKUP_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
  SUBMIT_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  SUBMIT_RATE_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
});

export type AppEnv = z.infer<typeof Env> & { cookieSecure: boolean };

let cached: AppEnv | undefined;

export function env(): AppEnv {
  if (cached) return cached;
  const parsed = Env.parse(process.env);
  cached = { ...parsed, cookieSecure: parsed.COOKIE_SECURE ?? parsed.NODE_ENV === 'production' };
  return cached;
}
