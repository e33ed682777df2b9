// POST /office/reports/export: a period report as CSV or Excel (one sheet per table), counts only,
// for whoever may read that report. Each download is audited as `export`. A POST rather than a
// link: it writes to the audit log, and the server refuses cross-site POSTs.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { canViewReports } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { downloadReport } from '#app/features/statistics/report-export.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { fileResponse } from '#app/platform/http/file-response.ts';
import { NO_STORE } from '#app/platform/http/headers.ts';
import { readForm } from '#app/platform/http/read-form.server.ts';
import { badRequest, route } from '#app/platform/http/route.server.ts';

/** Opened as a page (a bookmark, a reload): back to the reports, where the buttons are. */
export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  await requireStaffAllowed(request, canViewReports);
  return redirect('/office/reports', { status: 303, headers: NO_STORE });
});

export const action = /* @__PURE__ */ route(async ({ request, context }: ActionFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canViewReports);
  const { locale, t } = await translatorFor(request);
  const file = await downloadReport(actor, await readForm(request), locale, t, { ipAddress: context.clientIp });
  if (!file) badRequest('The form does not name a report');
  return fileResponse(file);
});
