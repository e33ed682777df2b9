// /statistics.json: the public figures as open data (schema petition-desk/public-statistics/1,
// described at /statistics/data and in the README). Withheld figures are null. The same for every
// reader (names in all three languages), so shared caches may keep it for a few minutes.
import { publicFigures } from '#app/features/statistics/public-figures.server.ts';
import { route } from '#app/platform/http/route.server.ts';

export const loader = /* @__PURE__ */ route(async () => {
  const figures = await publicFigures();
  return new Response(JSON.stringify(figures, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': 'attachment; filename="petition-desk-statistics.json"',
      'Cache-Control': 'public, max-age=300',
    },
  });
});
