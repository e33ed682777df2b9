// The visitor's language: their explicit choice (cookie) first, then Accept-Language.
import { env } from '#app/platform/env.server.ts';
import { readCookie } from '#app/platform/http/cookies.ts';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage, type Locale } from './config.ts';

export function localeFromRequest(request: Request): Locale {
  const chosen = readCookie(request, LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(request.headers.get('Accept-Language')) ?? DEFAULT_LOCALE;
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${env().cookieSecure ? '; Secure' : ''}`;
}
