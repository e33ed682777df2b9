// GET /locales/:locale/:file: a page's translation bundle (app/i18n/bundle.ts). Its address names
// its content, so it is cached for a year; an address from before a change of the words gets the
// current words, not kept.
import { translationBundle } from '#app/i18n/bundle.server.ts';
import { isCurrent } from '#app/i18n/bundle.ts';
import { notFound, route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs } from '@remix-run/node';

export const loader = /* @__PURE__ */ route(async ({ params }: LoaderFunctionArgs) => {
  const file = params.file ?? '';
  const bundle = translationBundle(params.locale ?? '', file);
  if (!bundle) notFound();
  return new Response(bundle.json, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': isCurrent(bundle, file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
});
