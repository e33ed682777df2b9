// /statistics.csv: the public figures as one long table, one row per published figure (withheld
// ones are left out), with names in the language of ?lang= (zh-Hans when absent or unknown).
import { z } from 'zod';
import { publicFigures } from '#app/features/statistics/public-figures.server.ts';
import { publicCsvRows } from '#app/features/statistics/public-figures.ts';
import { DEFAULT_LOCALE, LOCALES } from '#app/i18n/config.ts';
import { toCsv } from '#app/platform/codecs/csv.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs } from '@remix-run/node';

const Lang = z.enum(LOCALES).catch(DEFAULT_LOCALE);

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const locale = Lang.parse(new URL(request.url).searchParams.get('lang') ?? undefined);
  const figures = await publicFigures();
  return new Response(toCsv(publicCsvRows(figures, locale)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="petition-desk-statistics.csv"',
      'Content-Language': locale,
      'Cache-Control': 'public, max-age=300',
    },
  });
});
