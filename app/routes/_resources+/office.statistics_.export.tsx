// POST /office/statistics/export: the statistics page's figures as a CSV file (counts only, no
// personal data), for the roles that may read statistics. Each download is audited as `export`.
// A POST rather than a link: it writes to the audit log, and the server refuses cross-site POSTs.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { canExportStatistics } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { exportStatisticsCsv } from '#app/features/statistics/statistics.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { route } from '#app/platform/http/route.server.ts';

/** Opened as a page (a bookmark, a reload): back to the statistics, where the download button is. */
export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  await requireStaffAllowed(request, canExportStatistics);
  return redirect('/office/statistics', { status: 303, headers: NO_STORE });
});

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canExportStatistics);
  const { locale, t } = await translatorFor(request);
  const { fileName, csv } = await exportStatisticsCsv(actor, locale, t, { ipAddress: context.clientIp });
  return new Response(csv, {
    status: 200,
    headers: {
      ...NO_STORE,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
    },
  });
});
