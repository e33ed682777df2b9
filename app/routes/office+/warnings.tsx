// /office/warnings: the early-warning board. Cases with signs of danger to life first, then open
// orange and red cases and open clusters (one row each), most urgent first; missed targets say so
// in words. The order is app/features/early-warning/board.ts.
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { earlyWarningBoard } from '#app/features/early-warning/clusters.server.ts';
import { BoardList } from '#app/features/early-warning/ui/board-list.tsx';
import { canViewWarningBoard } from '#app/features/staff/permissions.ts';
import { requireStaffAllowed } from '#app/features/staff/sign-in.server.ts';
import { translatorFor } from '#app/i18n/translate.server.ts';
import { route } from '#app/platform/http/route.server.ts';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';

export { ErrorBoundary } from '#app/ui/office-error-boundary.tsx';

export const loader = /* @__PURE__ */ route(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaffAllowed(request, canViewWarningBoard);
  const { t } = await translatorFor(request);
  const now = new Date();
  const board = await earlyWarningBoard(actor, now);
  return { title: t('office-warning:board.title'), ...board, now };
});

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title }];

export default function EarlyWarningBoard() {
  const { title, entries, canSeeClusters, now } = useLoaderData<typeof loader>();
  const { t } = useTranslation('office-warning');
  return (
    <>
      <h1>{title}</h1>
      <p>
        {t('board.intro')}
        {canSeeClusters ? ` ${t('board.introClusters')}` : ''}
      </p>

      {/* Those who may not see clusters see each of their cases on its own row. */}
      <h2 id="board-cases">{t(canSeeClusters ? 'board.listTitle' : 'board.casesTitle', { count: entries.length })}</h2>
      {entries.length === 0 ? (
        <p>{t(canSeeClusters ? 'board.empty' : 'board.noCases')}</p>
      ) : (
        <BoardList entries={entries} now={now} labelledBy="board-cases" />
      )}
    </>
  );
}
