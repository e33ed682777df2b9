// The visitor's language: their explicit choice (cookie) first, then Accept-Language.
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from './config.ts';
import { env } from '#app/platform/env.server.ts';

export function localeFromRequest(request: Request): Locale {
  const cookies = request.headers.get('Cookie') ?? '';
  const chosen = cookies
    .split(/;\s*/)
    .find((c) => c.startsWith(`${LOCALE_COOKIE}=`))
    ?.slice(LOCALE_COOKIE.length + 1);
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(request.headers.get('Accept-Language')) ?? DEFAULT_LOCALE;
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${env().cookieSecure ? '; Secure' : ''}`;
}
