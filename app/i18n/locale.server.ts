// The visitor's language: their explicit choice (cookie) first, then Accept-Language.
import { z } from 'zod';
import { env } from '#app/platform/env.server.ts';
import { readCookie } from '#app/platform/http/cookies.ts';
import { parseForm } from '#app/platform/http/forms.ts';
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, isLocale, localeFromAcceptLanguage, type Locale } from './config.ts';

export function localeFromRequest(request: Request): Locale {
  const chosen = readCookie(request, LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage(request.headers.get('Accept-Language')) ?? DEFAULT_LOCALE;
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${env().cookieSecure ? '; Secure' : ''}`;
}

const LanguageForm = z.object({
  lng: z.enum(LOCALES),
  // Only same-site paths: never an open redirect.
  returnTo: z
    .string()
    .regex(/^\/(?![/\\])[^\s]*$/)
    .catch('/'),
});

/** The language switcher's form: the language chosen and the page to go back to, or null. */
export function languageChoice(form: URLSearchParams): { locale: Locale; returnTo: string } | null {
  const parsed = parseForm(form, LanguageForm);
  return parsed.ok ? { locale: parsed.value.lng, returnTo: parsed.value.returnTo } : null;
}
