// /notices.atom: the Atom 1.0 feed of current notices, in the language of ?lang= (zh-Hans when
// absent or unknown), so a feed reader gets one language whatever its Accept-Language says.
import { z } from 'zod';
import { noticesFeed } from '#app/features/notices/notices.server.ts';
import { DEFAULT_LOCALE, LOCALES } from '#app/i18n/config.ts';
import { translator } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs } from '@remix-run/node';

const Lang = z.enum(LOCALES).catch(DEFAULT_LOCALE);

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const locale = Lang.parse(new URL(request.url).searchParams.get('lang') ?? undefined);
  const t = await translator(locale);
  const xml = await noticesFeed(locale, (key) => t(key));
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      // Readers poll; five minutes old is fresh enough for notices, and spares the database.
      'Cache-Control': 'public, max-age=300',
      'Content-Language': locale,
    },
  });
});
