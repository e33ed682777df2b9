// Calling back-office loaders and actions as a signed-in staff member would, without a browser:
// a real session row, a real cookie, and the status each call ends with.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { STAFF_COOKIE } from '#app/features/staff/sign-in.server.ts';
import { db } from '#app/platform/db.server.ts';

export const loadContext = { clientIp: '192.0.2.10', cspNonce: 'test' };

export function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

/** A signed-in session straight in the database (admins and supervisors also need TOTP on). */
export async function sessionToken(userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db().staffUser.update({ where: { id: userId }, data: { totpEnabledAt: new Date() } });
  await db().staffSession.create({
    data: {
      tokenHash: createHash('sha256').update(token).digest('hex'),
      userId,
      fullySignedIn: true,
      expiresAt: new Date(Date.now() + 60 * 60 * 1000),
    },
  });
  return token;
}

export function officeRequest(
  path: string,
  token: string,
  init: { method?: string; body?: FormData; acceptLanguage?: string } = {},
): Request {
  return new Request(`http://localhost${path}`, {
    method: init.method ?? 'GET',
    body: asBrowserWouldSend(init.body),
    headers: { Cookie: `${STAFF_COOKIE}=${token}`, 'Accept-Language': init.acceptLanguage ?? 'zh-CN' },
  });
}

/**
 * A form as a browser sends it: url-encoded when it has no files (every <Form> without a file
 * input), multipart only when it carries one.
 */
export function asBrowserWouldSend(body: FormData | undefined): FormData | URLSearchParams | undefined {
  if (!body) return undefined;
  const entries = [...body.entries()];
  if (entries.some(([, value]) => typeof value !== 'string')) return body;
  return new URLSearchParams(entries as [string, string][]);
}

/** The status a loader or action ends with: that of its Response, its data() init, or of what it threw. */
export async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run();
    if (result instanceof Response) return result.status;
    const init = z.object({ init: z.object({ status: z.number() }).nullable() }).safeParse(result);
    return init.success ? (init.data.init?.status ?? 200) : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}
