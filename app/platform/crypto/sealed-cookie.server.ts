// Short-lived, encrypted, httpOnly cookies that carry a small JSON value (a receipt to show
// once, an open track session). Session cookies: they end when the browser closes, and the
// value carries its own expiry so a forgotten tab cannot reopen them later.
import { z } from 'zod';
import { env } from '#app/platform/env.server.ts';
import { readCookie } from '#app/platform/http/cookies.ts';
import { seal, unseal } from './keys.server.ts';

export function createSealedCookie<T extends z.ZodType>(name: string, schema: T, ttlSeconds: number) {
  const attributes = () => `Path=/; HttpOnly; SameSite=Lax${env().cookieSecure ? '; Secure' : ''}`;
  return {
    /** Whether the request carries this cookie at all (valid or not), e.g. to clear it. */
    present(request: Request): boolean {
      return readCookie(request, name) !== null;
    },
    read(request: Request, now = new Date()): z.infer<T> | null {
      const raw = readCookie(request, name);
      const text = raw ? unseal(raw) : null;
      if (!text) return null;
      try {
        const envelope = z.object({ exp: z.number(), value: z.unknown() }).parse(JSON.parse(text));
        if (envelope.exp < now.getTime()) return null;
        const value = schema.safeParse(envelope.value);
        return value.success ? value.data : null;
      } catch {
        return null;
      }
    },
    serialize(value: z.infer<T>, now = new Date()): string {
      const sealed = seal(JSON.stringify({ exp: now.getTime() + ttlSeconds * 1000, value }));
      return `${name}=${sealed}; ${attributes()}`;
    },
    clear(): string {
      return `${name}=; ${attributes()}; Max-Age=0`;
    },
  };
}
